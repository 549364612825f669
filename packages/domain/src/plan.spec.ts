import { isIsoDate, isWithinWindow, PLAN_2022 } from './plan';

describe('plan', () => {
  it('R-PLAN-1: the 2022 plan states the window, lead, participants and reporting deadline of the source', () => {
    expect(PLAN_2022).toMatchObject({
      documentNumber: '平卫双随机办〔2022〕25号',
      windowStart: '2022-07-26',
      windowEnd: '2022-12-31',
      leadDepartment: 'culture',
      participatingDepartments: ['culture', 'market', 'fire'],
      reportingDeadline: '2022-12-01',
      reportTo: 'market',
    });
  });

  it('R-PLAN-2: a date is inside the window, both ends included', () => {
    expect(isWithinWindow('2022-07-26', PLAN_2022)).toBe(true);
    expect(isWithinWindow('2022-12-31', PLAN_2022)).toBe(true);
    expect(isWithinWindow('2022-07-25', PLAN_2022)).toBe(false);
    expect(isWithinWindow('2023-01-01', PLAN_2022)).toBe(false);
  });

  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2022-02-28')).toBe(true);
    expect(isIsoDate('2022-02-29')).toBe(false);
    expect(isIsoDate('2022-7-26')).toBe(false);
  });
});
