import { deadlineAfter } from '../results/result-deadline';

/** R-RES-3: a suspected violation another authority must handle is referred within 7 working days of the result being formed. */
export const REFERRAL_WORKING_DAYS = 7;

/** A received referral is answered (accepted or returned) within the same 7 working days of its arrival. */
export const REFERRAL_ANSWER_WORKING_DAYS = 7;

/** R-RES-3: the last day to refer a suspected violation from a result formed (signed) on `signedOn`; null while a year is not loaded. */
export function referralDeadline(signedOn: string): string | null {
  return deadlineAfter(signedOn, REFERRAL_WORKING_DAYS);
}

/** The last day for the receiver to answer a referral sent on `sentOn`; null while a year is not loaded. */
export function referralAnswerDeadline(sentOn: string): string | null {
  return deadlineAfter(sentOn, REFERRAL_ANSWER_WORKING_DAYS);
}

/**
 * Does the result call for a referral (R-RES-3)? Our rule: its codes include 8 (发现问题待后续处理), the
 * code a department chooses when what it found is for someone else to handle. Codes not entered yet: no.
 */
export function referralNeeded(resultCodes: readonly number[]): boolean {
  return resultCodes.includes(8);
}

/** A needed referral not sent by its deadline (R-RES-3): flagged on the result until one is sent. */
export function referralOverdue(facts: { needed: boolean; sent: number; deadline: string | null; today: string }): boolean {
  return facts.needed && facts.sent === 0 && facts.deadline !== null && facts.deadline < facts.today;
}

/** A received referral still waiting for an answer after its answer deadline. */
export function referralAnswerOverdue(facts: { state: string; answerDeadline: string | null; today: string }): boolean {
  return facts.state === 'SENT' && facts.answerDeadline !== null && facts.answerDeadline < facts.today;
}
