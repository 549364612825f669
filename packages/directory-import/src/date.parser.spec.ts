import { parseDirectoryDate } from './date.parser';

describe('parseDirectoryDate', () => {
  it.each([
    ['2022-07-26', '2022-07-26'],
    ['2022/7/26', '2022-07-26'],
    ['2022.7.26', '2022-07-26'],
    ['20220726', '2022-07-26'],
    ['2022年7月26日', '2022-07-26'],
    ['2022 年 7 月 26 日', '2022-07-26'],
    ['２０２２－０７－２６', '2022-07-26'],
    ['2022-07-26 00:00:00', '2022-07-26'],
    [' 2022/07/06 ', '2022-07-06'],
    ['2024-02-29', '2024-02-29'],
  ])('reads the text %p as %p', (input, expected) => {
    expect(parseDirectoryDate(input)).toEqual({ ok: true, date: expected });
  });

  it('reads an Excel date cell by its UTC day', () => {
    expect(parseDirectoryDate(new Date(Date.UTC(2022, 6, 26)))).toEqual({ ok: true, date: '2022-07-26' });
  });

  it('reads an Excel serial number and a number typed as YYYYMMDD', () => {
    expect(parseDirectoryDate(44768)).toEqual({ ok: true, date: '2022-07-26' });
    expect(parseDirectoryDate(20220726)).toEqual({ ok: true, date: '2022-07-26' });
  });

  it.each(['2022-02-30', '2021-02-29', '2022-13-01', '20220230', '2022年4月31日', '2022/0/10'])('refuses the impossible date %p, saying so in Chinese', (input) => {
    const result = parseDirectoryDate(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('不是真实存在的日期');
  });

  it.each(['2022-7', '26/07/2022', '07-26-2022', '明天', '2022-07-26-01', '44768'])('refuses %p and lists the accepted forms', (input) => {
    const result = parseDirectoryDate(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('应为 2022-07-26、2022/7/26、2022.7.26、20220726 或 2022年7月26日');
  });

  it("refuses Excel's fictitious 1900-02-29 and years out of range", () => {
    expect(parseDirectoryDate(60).ok).toBe(false);
    expect(parseDirectoryDate('1800-01-01').ok).toBe(false);
  });

  it.each(['1900-01-01', '1999-12-31', '9999-12-31', '2101-01-01'])('refuses %p, outside the platform-wide 2000-01-01..2100-12-31', (input) => {
    const result = parseDirectoryDate(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('2000-01-01 至 2100-12-31');
  });
});
