import { fireFollowUpRule } from './fire-follow-up.rule';

describe('fire re-inspection due date (R-PUB-3, R-CAL-1): 3 working days after the rectification deadline', () => {
  it('counts working days, not calendar days: a Wednesday deadline is due the next Monday', () => {
    expect(fireFollowUpRule({ orderedOn: '2022-08-10', rectificationDeadline: '2022-08-17' })).toBe('2022-08-22');
  });

  it('skips the Mid-Autumn holiday (2022-09-10..12): a Thursday deadline is due the Wednesday after', () => {
    expect(fireFollowUpRule({ orderedOn: '2022-08-10', rectificationDeadline: '2022-09-08' })).toBe('2022-09-14');
  });

  it('is unknown (null) while the holidays of the year reached are not loaded (R-CAL-2)', () => {
    expect(fireFollowUpRule({ orderedOn: '2098-12-01', rectificationDeadline: '2099-12-30' })).toBeNull();
  });
});
