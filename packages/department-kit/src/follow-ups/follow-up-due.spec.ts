import { DUE_ON_RECTIFICATION_DEADLINE, followUpDueOn, type FollowUpDueRule } from './follow-up-due';
import { deadlineAfter } from '../results/result-deadline';

describe('R-PUB-3 when a follow-up (复查) is due', () => {
  const order = { orderedOn: '2022-09-28', rectificationDeadline: '2022-09-30' };

  it('is the rectification deadline itself by default', () => {
    expect(followUpDueOn(order)).toBe('2022-09-30');
    expect(DUE_ON_RECTIFICATION_DEADLINE(order)).toBe('2022-09-30');
  });

  it('follows a department\'s own rule, e.g. 3 working days after the deadline (across 国庆 2022)', () => {
    const threeWorkingDaysAfter: FollowUpDueRule = (o) => deadlineAfter(o.rectificationDeadline, 3);
    // 10-01..07 off; the make-up Saturday 10-08 and Sunday 10-09 are days 1 and 2, Monday 10-10 day 3.
    expect(followUpDueOn(order, threeWorkingDaysAfter)).toBe('2022-10-10');
  });
});
