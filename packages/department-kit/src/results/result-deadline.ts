import { CalendarYearMissingError, workingDayDeadline, workingDaysBetween } from '@dr/domain';
import { departmentCalendar } from '../calendar/department-calendar';

/** R-PUB-1: a department publishes its result within 20 working days after the inspection ends. */
export const PUBLICATION_WORKING_DAYS = 20;

/**
 * R-PUB-1: the last day to publish the result of a visit made on `inspectedOn` (R-CAL-1: the visit's day
 * is not counted). Null when the count reaches a year whose holidays are not loaded yet (R-CAL-2): a
 * Monday–Friday guess would move a statutory deadline.
 */
export function publicationDeadline(inspectedOn: string): string | null {
  return deadlineAfter(inspectedOn, PUBLICATION_WORKING_DAYS);
}

/**
 * The `workingDays`-th working day after `from` (R-CAL-1), or null when the count reaches a year whose
 * holidays are not loaded (R-CAL-2). Every department deadline (R-PUB-1, R-RES-3) counts with it.
 */
export function deadlineAfter(from: string, workingDays: number): string | null {
  try {
    return workingDayDeadline(from, workingDays, departmentCalendar());
  } catch (error) {
    if (error instanceof CalendarYearMissingError) return null;
    throw error;
  }
}

/** Working days from `today` to `deadline` (negative once past); null when a year between is not loaded. */
export function workingDaysLeft(today: string, deadline: string): number | null {
  try {
    return workingDaysBetween(today, deadline, departmentCalendar());
  } catch (error) {
    if (error instanceof CalendarYearMissingError) return null;
    throw error;
  }
}
