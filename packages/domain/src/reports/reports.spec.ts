import { CN_HOLIDAY_ARRANGEMENTS, WorkingDayCalendar } from '../calendar';
import { PLAN_2022 } from '../plan';
import { reportMeta } from './report-meta';
import { submissionTimeliness } from './submission-timeliness';

const calendar = WorkingDayCalendar.fromArrangements(CN_HOLIDAY_ARRANGEMENTS);

describe('R-REP-2 the report deadline (请于12月1日前报送)', () => {
  it.each([
    ['2022-11-28', true, 0],
    ['2022-12-01', true, 0], // the deadline day itself
    ['2022-12-02', false, 1], // Friday
    ['2022-12-05', false, 2], // the weekend does not count
    ['2022-12-12', false, 7],
  ])('sent on %s: on time %s, %i working days late', (sentOn, onTime, late) => {
    expect(submissionTimeliness(sentOn, PLAN_2022.reportingDeadline, calendar)).toEqual({ onTime, workingDaysLate: late });
  });

  it('working days late skip the holidays and count the make-up days (R-CAL-1): 2022-09-30 to 2022-10-10 is 3 (Oct 8, 9, 10)', () => {
    expect(submissionTimeliness('2022-10-10', '2022-09-30', calendar)).toEqual({ onTime: false, workingDaysLate: 3 });
  });
});

describe('R-REP-2 what a report says about itself', () => {
  it('the plan report covers the plan departments in order; a department report only its own', () => {
    const at = new Date('2022-11-30T00:00:00Z');
    const plan = reportMeta(PLAN_2022, null, at);
    expect(plan.departments.map((d) => d.name)).toEqual(['卫东区文化广电和旅游局', '卫东区市场监督管理局', '卫东区消防救援大队']);
    expect(plan.resultCodes).toHaveLength(10);
    expect(reportMeta(PLAN_2022, 'fire', at)).toMatchObject({ department: { code: 'fire', name: '卫东区消防救援大队' }, departments: [{ code: 'fire' }] });
  });
});
