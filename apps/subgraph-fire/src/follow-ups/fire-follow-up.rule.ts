import { deadlineAfter, type FollowUpDueRule } from '@dr/department-kit';

/**
 * 《消防监督检查规定》（公安部令第120号）第二十条: the fire service re-inspects (复查) within 3 working days
 * after the rectification deadline, or after the venue applies for re-inspection.
 * To be confirmed by a legal officer (须经法制审核人员确认).
 */
export const FIRE_REINSPECTION_WORKING_DAYS = 3;

/**
 * Fire's follow-up rule (R-PUB-3): due on the 3rd working day after the 改正期限, counted with the
 * department calendar (R-CAL-1: the deadline itself is not counted; holidays and 调休 workdays as loaded).
 * Null while the count reaches a year whose holidays are not loaded (R-CAL-2).
 */
export const fireFollowUpRule: FollowUpDueRule = (order) => deadlineAfter(order.rectificationDeadline, FIRE_REINSPECTION_WORKING_DAYS);
