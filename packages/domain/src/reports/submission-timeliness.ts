import { workingDaysBetween, type WorkingDayCalendar } from '../calendar';
import type { IsoDate } from '../plan';

/** Whether a report went out by the plan's reporting deadline (R-REP-2), and by how many working days not. */
export interface SubmissionTimeliness {
  onTime: boolean;
  /** Working days after the deadline (R-CAL-1 counting); 0 when on time. */
  workingDaysLate: number;
}

/**
 * R-REP-2: a report sent on `sentOn` is on time when it is sent on or before `deadline` (请于12月1日前
 * 报送: the deadline day itself counts); otherwise it is late by the working days between the two.
 * @throws CalendarYearMissingError (R-CAL-2) when a late one spans a year with no loaded arrangement
 */
export function submissionTimeliness(sentOn: IsoDate, deadline: IsoDate, calendar: WorkingDayCalendar): SubmissionTimeliness {
  if (sentOn <= deadline) return { onTime: true, workingDaysLate: 0 };
  return { onTime: false, workingDaysLate: workingDaysBetween(deadline, sentOn, calendar) };
}
