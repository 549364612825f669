import { chineseNumeral, formatChinaDateTime, formatIsoDate, formatVisitTime } from './labels';

describe('labels', () => {
  it('prints instants in China time (UTC+8) as 2022年8月10日 09:30', () => {
    expect(formatChinaDateTime(new Date('2022-08-10T01:30:00Z'))).toBe('2022年8月10日 09:30');
    // 20:05 UTC is already the next day in China.
    expect(formatChinaDateTime(new Date('2022-08-09T20:05:00Z'))).toBe('2022年8月10日 04:05');
  });

  it('prints calendar dates and visit spans', () => {
    expect(formatIsoDate('2022-08-10')).toBe('2022年8月10日');
    expect(formatVisitTime('2022-08-10', '09:00', '11:00')).toBe('2022年8月10日 09:00—11:00');
    expect(formatVisitTime(null, '09:00', null)).toBe('09:00');
  });

  it('numbers sections in Chinese', () => {
    expect([1, 4, 10, 12, 20].map(chineseNumeral)).toEqual(['一', '四', '十', '十二', '二十']);
  });
});
