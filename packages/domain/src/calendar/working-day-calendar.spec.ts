import fc from 'fast-check';
import { CalendarYearMissingError, InvalidArrangementError, InvalidDateError, InvalidWorkingDaysError } from './calendar-errors';
import { CN_HOLIDAY_ARRANGEMENTS } from './cn-holidays.data';
import { epochDayOf, isoDateOf } from './iso-date';
import { isWorkingDay, WorkingDayCalendar, workingDayDeadline, workingDaysBetween } from './working-day-calendar';

const sut = WorkingDayCalendar.fromArrangements(CN_HOLIDAY_ARRANGEMENTS);

// The package's test script runs this file under TZ=UTC, Asia/Shanghai and America/Los_Angeles (R-CAL-3).
describe(`R-CAL-3 calendar dates, whatever the time zone (TZ=${process.env.TZ ?? 'unset'})`, () => {
  it('runs in the time zone it says it runs in', () => {
    const offsets: Record<string, number> = { UTC: 0, 'Asia/Shanghai': -480, 'America/Los_Angeles': 420 };
    const zone = process.env.TZ;
    if (zone && zone in offsets) expect(new Date('2022-06-01T12:00:00Z').getTimezoneOffset()).toBe(offsets[zone]);
  });

  it('round-trips every day of 2022–2026 and knows the weekday of each', () => {
    for (let day = epochDayOf('2022-01-01')!; day <= epochDayOf('2026-12-31')!; day++) expect(epochDayOf(isoDateOf(day))).toBe(day);
    expect(isWorkingDay('2022-10-08', sut)).toBe(true); // a Saturday make-up day
    expect(isWorkingDay('2022-10-15', sut)).toBe(false); // a plain Saturday
  });

  it('refuses dates that do not exist or are not written YYYY-MM-DD', () => {
    for (const bad of ['2023-02-29', '2022-13-01', '2022-9-30', '2022-09-30T00:00:00Z', '', '0022-01-01']) {
      expect(() => isWorkingDay(bad, sut)).toThrow(InvalidDateError);
    }
    expect(isWorkingDay('2024-02-29', sut)).toBe(true);
  });
});

describe('R-CAL-1 counting N working days', () => {
  it.each([
    ['2022-09-30', 7, '2022-10-14', 'Friday before 国庆 2022: 10-08 and 10-09 (Sat, Sun) are make-up days, days 1 and 2'],
    ['2022-09-28', 20, '2022-10-31', 'publication deadline example of DOMAIN.md'],
    ['2026-09-28', 7, '2026-10-13', '国庆 2026 off 10-01..10-07, Saturday 10-10 a make-up day'],
    ['2026-09-18', 1, '2026-09-20', 'Sunday 2026-09-20 is a make-up day'],
    ['2026-02-13', 1, '2026-02-14', 'Saturday 2026-02-14 before 春节 is a make-up day'],
    ['2026-02-14', 1, '2026-02-24', '春节 2026 off 02-15..02-23'],
    ['2026-02-27', 1, '2026-02-28', 'Saturday 2026-02-28 after 春节 is a make-up day'],
    ['2026-01-01', 1, '2026-01-04', 'Sunday 2026-01-04 after 元旦 is a make-up day'],
    ['2024-02-08', 1, '2024-02-09', '02-09 除夕 2024 is a working day'],
    ['2024-02-09', 1, '2024-02-18', '春节 2024 off 02-10..02-17, Sunday 02-18 worked'],
    ['2025-09-30', 1, '2025-10-09', '国庆、中秋 2025 off 10-01..10-08'],
    ['2023-09-28', 1, '2023-10-07', '中秋、国庆 2023 off 09-29..10-06, Saturday 10-07 worked'],
    ['2022-12-30', 1, '2023-01-03', 'across the new year: 2023-01-01 and 01-02 off'],
    ['2022-10-14', 0, '2022-10-14', '0 days: the date itself when it is a working day'],
    ['2022-10-01', 0, '2022-10-08', '0 days from a holiday: the first working day after it (民法典 Art. 203)'],
  ])('%s + %i working days = %s (%s)', (from, n, expected) => {
    expect(workingDayDeadline(from, n, sut)).toBe(expected);
  });

  it('counts down the working days left, signed', () => {
    expect(workingDaysBetween('2022-09-30', '2022-10-14', sut)).toBe(7);
    expect(workingDaysBetween('2022-10-14', '2022-09-30', sut)).toBe(-7);
    expect(workingDaysBetween('2022-10-01', '2022-10-07', sut)).toBe(0);
    expect(workingDaysBetween('2022-10-14', '2022-10-14', sut)).toBe(0);
  });

  it('refuses a negative or fractional number of working days', () => {
    expect(() => workingDayDeadline('2022-09-30', -1, sut)).toThrow(InvalidWorkingDaysError);
    expect(() => workingDayDeadline('2022-09-30', 1.5, sut)).toThrow(InvalidWorkingDaysError);
  });
});

describe('R-CAL-2 a year without a loaded arrangement', () => {
  it('is an error naming the year, never a Monday–Friday guess', () => {
    const error = (() => {
      try {
        workingDayDeadline('2026-12-25', 10, sut);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(CalendarYearMissingError);
    expect(error).toMatchObject({ code: 'CALENDAR_YEAR_MISSING', year: 2027 });
    expect((error as Error).message).toContain('2027');
    expect(() => isWorkingDay('2021-06-01', sut)).toThrow(CalendarYearMissingError);
    expect(() => workingDaysBetween('2026-12-30', '2027-01-05', sut)).toThrow(CalendarYearMissingError);
  });

  it('answers once the year is added, and the old calendar is left as it was', () => {
    const with2027 = sut.withYear({ year: 2027, source: '测试', holidays: ['2027-01-01'], workingDays: [] });
    expect(workingDayDeadline('2026-12-31', 1, with2027)).toBe('2027-01-04');
    expect(with2027.years).toEqual([2022, 2023, 2024, 2025, 2026, 2027]);
    expect(() => workingDayDeadline('2026-12-31', 1, sut)).toThrow(CalendarYearMissingError);
  });

  it('refuses a bad arrangement, naming the date', () => {
    expect(() => sut.withYear({ year: 2027, source: '测试', holidays: [], workingDays: ['2027-10-08'] })).toThrow(InvalidArrangementError);
    expect(() => sut.withYear({ year: 2027, source: '测试', holidays: [], workingDays: ['2027-10-08'] })).toThrow(/2027-10-08/);
  });
});

describe('R-CAL-1 properties', () => {
  const firstDay = epochDayOf('2022-01-01')!;
  // Starts late enough in 2026 never to leave the shipped years with n + m ≤ 250 working days.
  const date = fc.integer({ min: firstDay, max: epochDayOf('2025-09-30')! }).map(isoDateOf);
  const count = fc.integer({ min: 1, max: 120 });

  it('the deadline is a working day and the stated number of working days later', () => {
    fc.assert(
      fc.property(date, count, (from, n) => {
        const deadline = workingDayDeadline(from, n, sut);
        expect(isWorkingDay(deadline, sut)).toBe(true);
        expect(workingDaysBetween(from, deadline, sut)).toBe(n);
        expect(workingDaysBetween(deadline, from, sut)).toBe(-n);
      }),
    );
  });

  it('strictly increases with n', () => {
    fc.assert(fc.property(date, count, (from, n) => workingDayDeadline(from, n + 1, sut) > workingDayDeadline(from, n, sut)));
  });

  it('deadline(d, n + m) = deadline(deadline(d, n), m)', () => {
    fc.assert(
      fc.property(date, count, fc.integer({ min: 0, max: 120 }), (from, n, m) => {
        expect(workingDayDeadline(from, n + m, sut)).toBe(workingDayDeadline(workingDayDeadline(from, n, sut), m, sut));
      }),
    );
  });
});
