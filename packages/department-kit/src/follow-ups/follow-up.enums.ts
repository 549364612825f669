import { registerEnumType } from 'type-graphql';

export enum FollowUpState {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(FollowUpState, {
  name: 'FollowUpState',
  description: '后续监管（复查）任务状态（R-PUB-3）',
  valuesConfig: { OPEN: { description: '待复查' }, CLOSED: { description: '已复查办结' } },
});

export enum ReinspectionOutcome {
  RECTIFIED = 'RECTIFIED',
  NOT_RECTIFIED = 'NOT_RECTIFIED',
  CASE_OPENED = 'CASE_OPENED',
}
registerEnumType(ReinspectionOutcome, {
  name: 'ReinspectionOutcome',
  description: '复查结论',
  valuesConfig: { RECTIFIED: { description: '整改到位' }, NOT_RECTIFIED: { description: '逾期未改' }, CASE_OPENED: { description: '转立案' } },
});
