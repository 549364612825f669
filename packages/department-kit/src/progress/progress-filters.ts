import type { SelectQueryBuilder } from 'typeorm';
import type { ResultEntity, ResultStatusValue } from '../results/result.entity';
import type { FollowUpEntity } from '../follow-ups/follow-up.entity';
import type { FollowUpStateValue } from '../follow-ups/follow-up.entity';
import { referralDeadline } from '../referrals/referral-rules';
import { NO_PROBLEM_CODE_SETS } from '../follow-ups/venue-inspected.event';

/**
 * The filters a dashboard figure drills into. Each figure is counted with the same conditions as the list
 * it opens (`applyResultFilter` with and without GROUP BY), so a number and its list cannot disagree.
 */
export interface ResultFilter {
  planId?: string | null;
  status?: ResultStatusValue | null;
  /** Codes entered and sent on: waiting for review or published (退回 and 待录入 are not entered). */
  entered?: boolean | null;
  street?: string | null;
  resultCode?: number | null;
  problemFound?: boolean | null;
  /** Not published after the publication deadline (R-PUB-1); false: the others. */
  overdue?: boolean | null;
  /** Coded 8 and no referral sent after the referral deadline (R-RES-3). */
  referralOverdue?: boolean | null;
}

export interface FollowUpFilter {
  planId?: string | null;
  state?: FollowUpStateValue | null;
  outcome?: string | null;
  /** Open after its due day. */
  overdue?: boolean | null;
}

/** Result codes are stored ascending and comma-separated (`1,9`): a code is the whole, the first, the last or a middle part. */
function codeCondition(code: number): { sql: string; params: Record<string, string> } {
  const name = `code${code}`;
  return {
    sql: `(result.result_codes = :${name} OR result.result_codes LIKE :${name}Start OR result.result_codes LIKE :${name}End OR result.result_codes LIKE :${name}Mid)`,
    params: { [name]: `${code}`, [`${name}Start`]: `${code},%`, [`${name}End`]: `%,${code}`, [`${name}Mid`]: `%,${code},%` },
  };
}

/**
 * The last signing day whose referral deadline has passed by `today`: deadlines grow with the day they count
 * from, so "deadline < today" is "signed on or before this day" in SQL. Null when no such day is known (a
 * calendar year not loaded): then nothing is overdue, as on the result itself.
 */
export function referralOverdueCutoff(today: string): string | null {
  const day = new Date(`${today}T00:00:00Z`);
  for (let back = 0; back < 60; back += 1) {
    const signedOn = day.toISOString().slice(0, 10);
    const deadline = referralDeadline(signedOn);
    if (deadline !== null && deadline < today) return signedOn;
    day.setUTCDate(day.getUTCDate() - 1);
  }
  return null;
}

export function applyResultFilter(query: SelectQueryBuilder<ResultEntity>, filter: ResultFilter, today: string): SelectQueryBuilder<ResultEntity> {
  if (filter.planId) query.andWhere('result.plan_id = :planId', { planId: filter.planId });
  if (filter.status) query.andWhere('result.status = :status', { status: filter.status });
  if (filter.entered === true) query.andWhere("result.status IN ('PENDING_REVIEW', 'PUBLISHED')");
  if (filter.entered === false) query.andWhere("result.status NOT IN ('PENDING_REVIEW', 'PUBLISHED')");
  if (filter.street) query.andWhere('result.venue_street = :street', { street: filter.street });
  if (filter.resultCode !== null && filter.resultCode !== undefined) {
    const { sql, params } = codeCondition(filter.resultCode);
    query.andWhere(sql, params);
  }
  if (filter.problemFound === true) query.andWhere("result.result_codes <> '' AND result.result_codes NOT IN (:...noProblem)", { noProblem: NO_PROBLEM_CODE_SETS });
  if (filter.problemFound === false) query.andWhere('result.result_codes IN (:...noProblem)', { noProblem: NO_PROBLEM_CODE_SETS });
  // Overdue: not yet published and the deadline has passed (R-PUB-1).
  if (filter.overdue === true) query.andWhere("result.status <> 'PUBLISHED' AND result.publication_deadline < :today", { today });
  if (filter.overdue === false) query.andWhere("(result.status = 'PUBLISHED' OR result.publication_deadline IS NULL OR result.publication_deadline >= :today)", { today });
  if (filter.referralOverdue !== null && filter.referralOverdue !== undefined) {
    const coded8 = codeCondition(8);
    const overdue = `${coded8.sql} AND result.signed_on <= :referralCutoff AND NOT EXISTS (SELECT 1 FROM referral_sent sent WHERE sent.inspection_id = result.inspection_id)`;
    query.andWhere(filter.referralOverdue ? `(${overdue})` : `NOT (${overdue})`, { ...coded8.params, referralCutoff: referralOverdueCutoff(today) ?? '0000-00-00' });
  }
  return query;
}

export function applyFollowUpFilter(query: SelectQueryBuilder<FollowUpEntity>, filter: FollowUpFilter, today: string): SelectQueryBuilder<FollowUpEntity> {
  if (filter.planId) query.andWhere('task.inspection_id IN (SELECT plan_result.inspection_id FROM department_result plan_result WHERE plan_result.plan_id = :planId)', { planId: filter.planId });
  if (filter.state) query.andWhere('task.state = :state', { state: filter.state });
  if (filter.outcome) query.andWhere('task.outcome = :outcome', { outcome: filter.outcome });
  if (filter.overdue === true) query.andWhere("task.state = 'OPEN' AND task.due_on < :today", { today });
  if (filter.overdue === false) query.andWhere("(task.state <> 'OPEN' OR task.due_on IS NULL OR task.due_on >= :today)", { today });
  return query;
}
