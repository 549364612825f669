import { CalendarYearMissingError, InvalidArrangementError, InvalidDateError, InvalidWorkingDaysError } from './calendar-errors';
import type { IsoDate } from '../plan';
import { epochDayOf, isoDateOf, isWeekend } from './iso-date';
import { arrangementProblems, type YearArrangement } from './year-arrangement';

interface LoadedYear {
  arrangement: YearArrangement;
  holidays: ReadonlySet<number>;
  workingDays: ReadonlySet<number>;
}

/**
 * The statutory working days of the years whose arrangements are loaded (R-CAL-1, R-CAL-2). Immutable:
 * `withYear` returns a new calendar, so a server can swap in a newly loaded year without locking.
 */
export class WorkingDayCalendar {
  private constructor(private readonly loaded: ReadonlyMap<number, LoadedYear>) {}

  /**
   * A calendar of the given years. Each arrangement is checked first (`arrangementProblems`); a later
   * arrangement of the same year replaces an earlier one.
   * @throws InvalidArrangementError naming the first year with problems and every problem's date.
   */
  static fromArrangements(arrangements: readonly YearArrangement[]): WorkingDayCalendar {
    return arrangements.reduce((calendar, arrangement) => calendar.withYear(arrangement), new WorkingDayCalendar(new Map()));
  }

  /**
   * This calendar with `arrangement` added, or replacing the year's previous arrangement.
   * @throws InvalidArrangementError when the arrangement has problems.
   */
  withYear(arrangement: YearArrangement): WorkingDayCalendar {
    const problems = arrangementProblems(arrangement);
    if (problems.length) throw new InvalidArrangementError(arrangement.year, problems);
    const days = (dates: readonly IsoDate[]) => new Set(dates.map((date) => epochDayOf(date)!));
    const next = new Map(this.loaded);
    next.set(arrangement.year, { arrangement, holidays: days(arrangement.holidays), workingDays: days(arrangement.workingDays) });
    return new WorkingDayCalendar(next);
  }

  /** The loaded years, in order. */
  get years(): number[] {
    return [...this.loaded.keys()].sort((a, b) => a - b);
  }

  /** The arrangement loaded for `year`, or undefined. */
  arrangement(year: number): YearArrangement | undefined {
    return this.loaded.get(year)?.arrangement;
  }

  /**
   * Is the day (counted from 1970-01-01) a working day? Make-up days first, then holidays, then Monday–Friday.
   * @throws CalendarYearMissingError when its year is not loaded (R-CAL-2).
   */
  isWorkingEpochDay(epochDay: number): boolean {
    const date = isoDateOf(epochDay);
    const year = Number(date.slice(0, 4));
    const loaded = this.loaded.get(year);
    if (!loaded) throw new CalendarYearMissingError(year);
    if (loaded.workingDays.has(epochDay)) return true;
    if (loaded.holidays.has(epochDay)) return false;
    return !isWeekend(epochDay);
  }
}

function parse(date: string): number {
  const day = epochDayOf(date);
  if (day === null) throw new InvalidDateError(date);
  return day;
}

/**
 * R-CAL-1: is `date` a statutory working day (Monday–Friday that is not a holiday, or a make-up day)?
 * @throws InvalidDateError for a date that is not `YYYY-MM-DD`; CalendarYearMissingError for a year not loaded.
 */
export function isWorkingDay(date: IsoDate, calendar: WorkingDayCalendar): boolean {
  return calendar.isWorkingEpochDay(parse(date));
}

/**
 * R-CAL-1: the deadline of "within `workingDays` 工作日" counted from `from`. The triggering date itself
 * is not counted (民法典 Art. 201): day 1 is the first working day after it, and the deadline is the
 * `workingDays`-th working day, so always a working day. With 0 days the deadline is `from` itself, or,
 * when that is a day off, the first working day after it (民法典 Art. 203).
 * @throws InvalidDateError, InvalidWorkingDaysError, or CalendarYearMissingError when the count reaches a year not loaded.
 */
export function workingDayDeadline(from: IsoDate, workingDays: number, calendar: WorkingDayCalendar): IsoDate {
  if (!Number.isInteger(workingDays) || workingDays < 0) throw new InvalidWorkingDaysError(workingDays);
  let day = parse(from);
  if (workingDays === 0) {
    while (!calendar.isWorkingEpochDay(day)) day += 1;
    return isoDateOf(day);
  }
  for (let counted = 0; counted < workingDays; ) {
    day += 1;
    if (calendar.isWorkingEpochDay(day)) counted += 1;
  }
  return isoDateOf(day);
}

/**
 * The working days from `from` to `to`, signed, for counting down what is left of a period: the working
 * days in (from, to] when `to` is later, minus those in (to, from] when it is earlier, 0 on the same day.
 * `workingDaysBetween(d, workingDayDeadline(d, n)) === n` for every n ≥ 1.
 * @throws InvalidDateError, or CalendarYearMissingError when a day in between falls in a year not loaded.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: WorkingDayCalendar): number {
  const start = parse(from);
  const end = parse(to);
  const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
  let count = 0;
  for (let day = low + 1; day <= high; day++) if (calendar.isWorkingEpochDay(day)) count += 1;
  return sign * count;
}
