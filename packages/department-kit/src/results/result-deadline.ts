import { CalendarYearMissingError, CN_HOLIDAY_ARRANGEMENTS, WorkingDayCalendar, workingDayDeadline, workingDaysBetween } from '@dr/domain';

/** R-PUB-1: a department publishes its result within 20 working days after the inspection ends. */
export const PUBLICATION_WORKING_DAYS = 20;

// The State Council's arrangements shipped with the domain package (R-CAL-2).
const calendar = WorkingDayCalendar.fromArrangements(CN_HOLIDAY_ARRANGEMENTS);

/**
 * R-PUB-1: the last day to publish the result of a visit made on `inspectedOn` (R-CAL-1: the visit's day
 * is not counted). Null when the count reaches a year whose holidays are not loaded yet (R-CAL-2): a
 * Monday–Friday guess would move a statutory deadline.
 */
export function publicationDeadline(inspectedOn: string): string | null {
  try {
    return workingDayDeadline(inspectedOn, PUBLICATION_WORKING_DAYS, calendar);
  } catch (error) {
    if (error instanceof CalendarYearMissingError) return null;
    throw error;
  }
}

/** Working days from `today` to `deadline` (negative once past); null when a year between is not loaded. */
export function workingDaysLeft(today: string, deadline: string): number | null {
  try {
    return workingDaysBetween(today, deadline, calendar);
  } catch (error) {
    if (error instanceof CalendarYearMissingError) return null;
    throw error;
  }
}
