/** Items due within this many working days get the reminder badge (issue "After the visit", workbench). */
export const REMINDER_WORKING_DAYS = 3;

/** How pressing a deadline is: past it, within the reminder window, later, or none to meet (done, or no calendar). */
export type DeadlineUrgency = 'OVERDUE' | 'DUE_SOON' | 'ON_TIME' | 'NONE';

/**
 * Classifies a deadline from what the server computed (working days follow the loaded holiday
 * calendar, which only the server knows): the browser never counts days itself.
 * @param deadline - the server's `overdue` flag and `workingDaysLeft` (null when done or no deadline)
 */
export function deadlineUrgency(deadline: { overdue: boolean; workingDaysLeft?: number | null }): DeadlineUrgency {
  if (deadline.overdue) return 'OVERDUE';
  const left = deadline.workingDaysLeft;
  if (left === null || left === undefined) return 'NONE';
  if (left < 0) return 'OVERDUE';
  return left <= REMINDER_WORKING_DAYS ? 'DUE_SOON' : 'ON_TIME';
}

/**
 * The words beside a deadline; overdue is said in text, never by colour alone.
 * @param deadline - the server's `overdue` flag and `workingDaysLeft`
 */
export function deadlineText(deadline: { overdue: boolean; workingDaysLeft?: number | null }): string {
  const left = deadline.workingDaysLeft;
  switch (deadlineUrgency(deadline)) {
    case 'OVERDUE':
      return typeof left === 'number' && left < 0 ? `已超期 ${-left} 个工作日` : '已超期';
    case 'DUE_SOON':
      return left === 0 ? '今天到期' : `还剩 ${left} 个工作日`;
    case 'ON_TIME':
      return `还剩 ${left} 个工作日`;
    default:
      return '';
  }
}
