/** Why a working-day question cannot be answered; `code` is for programs, `message` (Chinese) for people. */
export type CalendarErrorCode = 'CALENDAR_YEAR_MISSING' | 'INVALID_DATE' | 'INVALID_WORKING_DAYS' | 'INVALID_ARRANGEMENT';

/** Base class of the calendar's errors. */
export abstract class CalendarError extends Error {
  abstract readonly code: CalendarErrorCode;
}

/**
 * R-CAL-2: no holiday arrangement is loaded for `year`. The calendar never guesses Monday–Friday,
 * because a guess would silently move statutory deadlines.
 */
export class CalendarYearMissingError extends CalendarError {
  override readonly name = 'CalendarYearMissingError';
  readonly code = 'CALENDAR_YEAR_MISSING' as const;
  constructor(readonly year: number) {
    super(`尚未载入 ${year} 年的法定节假日安排，无法计算工作日，请联系联席办载入国务院办公厅发布的 ${year} 年节假日安排`);
  }
}

/** A date that is not a real `YYYY-MM-DD` calendar date. */
export class InvalidDateError extends CalendarError {
  override readonly name = 'InvalidDateError';
  readonly code = 'INVALID_DATE' as const;
  constructor(readonly value: string) {
    super(`日期“${value}”无效，应为 YYYY-MM-DD 格式的日期，如 2022-09-30`);
  }
}

/** A number of working days that is not a whole number ≥ 0. */
export class InvalidWorkingDaysError extends CalendarError {
  override readonly name = 'InvalidWorkingDaysError';
  readonly code = 'INVALID_WORKING_DAYS' as const;
  constructor(readonly value: number) {
    super(`工作日天数应为不小于 0 的整数，收到 ${value}`);
  }
}

/** One problem with a year's arrangement, naming the date (or the year) and the list it is in. */
export interface ArrangementProblem {
  field: 'year' | 'holidays' | 'workingDays';
  /** The offending date as written; absent for a problem with the year itself. */
  date?: string;
  message: string;
}

/** A year's arrangement that cannot be loaded; `problems` lists every reason, each naming its date. */
export class InvalidArrangementError extends CalendarError {
  override readonly name = 'InvalidArrangementError';
  readonly code = 'INVALID_ARRANGEMENT' as const;
  constructor(
    readonly year: number,
    readonly problems: readonly ArrangementProblem[],
  ) {
    super(`${year} 年节假日安排有误：${problems.map((p) => p.message).join('；')}`);
  }
}
