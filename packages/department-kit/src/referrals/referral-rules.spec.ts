import { referralAnswerDeadline, referralAnswerOverdue, referralDeadline, referralNeeded, referralOverdue } from './referral-rules';

describe('R-RES-3 referral within 7 working days of the result being formed', () => {
  it('counts 7 working days after signing (DOMAIN.md example: signed Friday 2022-09-30 → 2022-10-14, across 国庆)', () => {
    expect(referralDeadline('2022-09-30')).toBe('2022-10-14');
    expect(referralAnswerDeadline('2022-09-30')).toBe('2022-10-14');
  });

  it('has no deadline rather than a guess when the calendar lacks the year (R-CAL-2)', () => {
    expect(referralDeadline('2040-12-28')).toBeNull();
  });

  it('needs a referral when the codes include 8 (发现问题待后续处理)', () => {
    expect(referralNeeded([5, 8])).toBe(true);
    expect(referralNeeded([5])).toBe(false);
    expect(referralNeeded([])).toBe(false);
  });

  it('is overdue only when needed, none sent, and the deadline has passed', () => {
    const base = { needed: true, sent: 0, deadline: '2022-10-14', today: '2022-10-17' };
    expect(referralOverdue(base)).toBe(true);
    expect(referralOverdue({ ...base, today: '2022-10-14' })).toBe(false);
    expect(referralOverdue({ ...base, sent: 1 })).toBe(false);
    expect(referralOverdue({ ...base, needed: false })).toBe(false);
    expect(referralOverdue({ ...base, deadline: null })).toBe(false);
  });

  it('flags a received referral not answered within its 7 working days', () => {
    expect(referralAnswerOverdue({ state: 'SENT', answerDeadline: '2022-10-14', today: '2022-10-17' })).toBe(true);
    expect(referralAnswerOverdue({ state: 'ACCEPTED', answerDeadline: '2022-10-14', today: '2022-10-17' })).toBe(false);
    expect(referralAnswerOverdue({ state: 'SENT', answerDeadline: '2022-10-14', today: '2022-10-14' })).toBe(false);
  });
});
