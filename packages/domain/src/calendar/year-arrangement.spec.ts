import { CN_HOLIDAY_ARRANGEMENTS } from './cn-holidays.data';
import { epochDayOf, isWeekend } from './iso-date';
import { arrangementProblems, type YearArrangement } from './year-arrangement';

const year = (holidays: string[], workingDays: string[] = []): YearArrangement => ({ year: 2027, source: '测试', holidays, workingDays });

describe('R-CAL-2 checking a year arrangement', () => {
  it('accepts holidays on weekdays and weekends and make-up days on Saturday or Sunday', () => {
    expect(arrangementProblems(year(['2027-10-01', '2027-10-02', '2027-10-03'], ['2027-10-09', '2027-09-26']))).toEqual([]);
  });

  it('refuses a make-up day on a weekday, naming the date and the weekday', () => {
    expect(arrangementProblems(year([], ['2027-10-08']))).toEqual([
      { field: 'workingDays', date: '2027-10-08', message: '调休上班日 2027-10-08 是星期五，调休上班日只能是星期六或星期日' },
    ]);
  });

  it('refuses a day that is both a holiday and a make-up day', () => {
    expect(arrangementProblems(year(['2027-10-09'], ['2027-10-09']))).toEqual([
      { field: 'workingDays', date: '2027-10-09', message: '2027-10-09 不能既是放假日又是调休上班日' },
    ]);
  });

  it('refuses dates outside the year, malformed dates and repeats, each naming the date', () => {
    const problems = arrangementProblems(year(['2026-12-31', '2027-02-30', '2027-5-1', '2027-05-03', '2027-05-03'], ['2028-01-01']));
    expect(problems.map((p) => [p.field, p.date])).toEqual([
      ['holidays', '2026-12-31'],
      ['holidays', '2027-02-30'],
      ['holidays', '2027-5-1'],
      ['holidays', '2027-05-03'],
      ['workingDays', '2028-01-01'],
    ]);
    expect(problems[0].message).toBe('放假日 2026-12-31 不在 2027 年内');
  });

  it('refuses a year that is not a whole number', () => {
    expect(arrangementProblems({ ...year([]), year: 20.5 })).toEqual([{ field: 'year', message: '年份“20.5”无效，应为 1970–9999 之间的整数' }]);
  });
});

describe('R-CAL-2 the shipped arrangements 2022–2026', () => {
  it('cover 2022–2026, each citing its State Council notice and 文号', () => {
    expect(CN_HOLIDAY_ARRANGEMENTS.map((a) => a.year)).toEqual([2022, 2023, 2024, 2025, 2026]);
    const numbers = ['国办发明电〔2021〕11号', '国办发明电〔2022〕16号', '国办发明电〔2023〕7号', '国办发明电〔2024〕12号', '国办发明电〔2025〕7号'];
    CN_HOLIDAY_ARRANGEMENTS.forEach((a, i) => {
      expect(a.source).toContain(`国务院办公厅关于${a.year}年部分节假日安排的通知`);
      expect(a.source).toContain(numbers[i]);
    });
  });

  it.each(CN_HOLIDAY_ARRANGEMENTS.map((a) => [a.year, a] as const))('%i passes its own checks', (_year, arrangement) => {
    expect(arrangementProblems(arrangement)).toEqual([]);
  });

  // The statutory holidays (全体公民放假的节日) are 11 days until 2024 and 13 from 2025; a period adds
  // weekend days and days moved by make-up days, so each year's weekdays off = statutory days + make-up days.
  it.each([
    [2022, 11],
    [2023, 11],
    [2024, 11],
    [2025, 13],
    [2026, 13],
  ])('%i: weekdays off = %i statutory days + its make-up days', (y, statutory) => {
    const arrangement = CN_HOLIDAY_ARRANGEMENTS.find((a) => a.year === y)!;
    const weekdaysOff = arrangement.holidays.filter((d) => !isWeekend(epochDayOf(d)!)).length;
    // 2023's 元旦 began on Saturday 2022-12-31, outside the year, so it is not in the table.
    expect(weekdaysOff).toBe(statutory + arrangement.workingDays.length);
  });
});
