import { chinaDateOf } from './china-date';

describe('chinaDateOf (R-CAL-3)', () => {
  it('counts the day in China, not in UTC nor on the server', () => {
    // 2022-09-30 16:30 UTC is already 10-01 00:30 in Beijing; 15:59 UTC is still 09-30 23:59.
    expect(chinaDateOf(new Date('2022-09-30T16:30:00Z'))).toBe('2022-10-01');
    expect(chinaDateOf(new Date('2022-09-30T15:59:00Z'))).toBe('2022-09-30');
  });
});
