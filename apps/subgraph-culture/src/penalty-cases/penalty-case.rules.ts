/** 检查结果代码 8: 发现问题待后续处理 (R-RES-2). */
export const FOLLOW_UP_RESULT_CODE = 8;

/**
 * The stages of an administrative-penalty case after a hand-off (《文化市场综合行政执法管理办法》 and
 * 《行政处罚法》第五十四条 to 第六十五条: 立案、调查取证、作出处罚决定、结案). To be confirmed by a legal officer
 * (须经法制审核人员确认). AWAITING_FILING is the hand-off before the case number is given.
 */
export const PENALTY_CASE_STAGES = ['AWAITING_FILING', 'FILED', 'INVESTIGATING', 'DECIDED', 'CLOSED'] as const;
export type PenaltyCaseStateValue = (typeof PENALTY_CASE_STAGES)[number];

/** A case moves one stage forward at a time; never back, never past 结案. */
export function nextStage(state: PenaltyCaseStateValue): PenaltyCaseStateValue | null {
  const index = PENALTY_CASE_STAGES.indexOf(state);
  return PENALTY_CASE_STAGES[index + 1] ?? null;
}

/** Whether published result codes hand the visit off to a penalty case. */
export function handsOffToPenaltyCase(resultCodes: readonly number[]): boolean {
  return resultCodes.includes(FOLLOW_UP_RESULT_CODE);
}
