/** The facts of an order to rectify that a department's follow-up rule may read. */
export interface RectificationOrder {
  /** The day the order was given (the day of the visit). */
  orderedOn: string;
  /** 改正期限 written on the order. */
  rectificationDeadline: string;
}

/**
 * When the re-inspection (复查) of an order is due, by a department's rule (R-PUB-3). Null means the
 * rule cannot say yet (e.g. a working-day count reaching a year whose holidays are not loaded).
 * A department passes its own rule to `FollowUpService`, e.g. fire: 3 working days after the deadline.
 */
export type FollowUpDueRule = (order: RectificationOrder) => string | null;

/** The default rule: re-inspect on the rectification deadline itself. */
export const DUE_ON_RECTIFICATION_DEADLINE: FollowUpDueRule = (order) => order.rectificationDeadline;

/** The due date of one order's follow-up, by `rule` (default: the rectification deadline). */
export function followUpDueOn(order: RectificationOrder, rule: FollowUpDueRule = DUE_ON_RECTIFICATION_DEADLINE): string | null {
  return rule(order);
}
