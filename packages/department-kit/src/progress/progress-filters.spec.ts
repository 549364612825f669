import { referralDeadline } from '../referrals/referral-rules';
import { referralOverdueCutoff } from './progress-filters';

describe('R-RES-3 in SQL: the last signing day whose referral deadline has passed', () => {
  it('is the day whose deadline is the last before today, across 国庆 (signed 2022-09-30 → due 2022-10-14)', () => {
    const cutoff = referralOverdueCutoff('2022-10-17')!;
    expect(referralDeadline(cutoff)! < '2022-10-17').toBe(true);
    expect(cutoff >= '2022-09-30').toBe(true);
    // Every later day until today is not overdue yet.
    const next = new Date(`${cutoff}T00:00:00Z`);
    for (next.setUTCDate(next.getUTCDate() + 1); next.toISOString().slice(0, 10) <= '2022-10-17'; next.setUTCDate(next.getUTCDate() + 1)) {
      expect(referralDeadline(next.toISOString().slice(0, 10))! >= '2022-10-17').toBe(true);
    }
  });

  it('agrees with referralOverdue day by day over a year: signed on or before the cutoff ⇔ the deadline has passed', () => {
    const today = '2022-12-20';
    const cutoff = referralOverdueCutoff(today)!;
    for (const day = new Date('2022-01-01T00:00:00Z'); day.toISOString().slice(0, 10) <= today; day.setUTCDate(day.getUTCDate() + 1)) {
      const signedOn = day.toISOString().slice(0, 10);
      expect([signedOn, signedOn <= cutoff]).toEqual([signedOn, referralDeadline(signedOn)! < today]);
    }
  });

  it('is null when the calendar lacks the years it needs (nothing is overdue then, as on the result)', () => {
    expect(referralOverdueCutoff('2041-03-01')).toBeNull();
  });
});
