import { describe, expect, it } from '@jest/globals';
import { parseCalendarYearFile } from './calendar-year-file';

describe('a calendar year read from a JSON file (R-CAL-2)', () => {
  it('takes the shape calendarYears returns, sorting and de-duplicating the dates', () => {
    const sut = parseCalendarYearFile(JSON.stringify({ year: 2027, source: ' 国务院办公厅通知 ', holidays: ['2027-01-02', '2027-01-01', '2027-01-01'], workingDays: [] }));
    expect(sut).toEqual({ year: 2027, source: '国务院办公厅通知', holidays: ['2027-01-01', '2027-01-02'], workingDays: [] });
  });

  it('refuses a file that is not JSON, lacks the year or the source, or holds dates in another format, in Chinese', () => {
    expect(() => parseCalendarYearFile('year: 2027')).toThrow('文件不是有效的 JSON');
    expect(() => parseCalendarYearFile(JSON.stringify({ source: 'x', holidays: [], workingDays: [] }))).toThrow('year');
    expect(() => parseCalendarYearFile(JSON.stringify({ year: 2027, holidays: [], workingDays: [] }))).toThrow('source');
    expect(() => parseCalendarYearFile(JSON.stringify({ year: 2027, source: 'x', holidays: ['2027/01/01'], workingDays: [] }))).toThrow('YYYY-MM-DD');
    expect(() => parseCalendarYearFile(JSON.stringify({ year: 2027, source: 'x', holidays: [] }))).toThrow('workingDays');
  });
});
