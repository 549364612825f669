import { registerEnumType } from 'type-graphql';

export enum CulturePenaltyCaseState {
  AWAITING_FILING = 'AWAITING_FILING',
  FILED = 'FILED',
  INVESTIGATING = 'INVESTIGATING',
  DECIDED = 'DECIDED',
  CLOSED = 'CLOSED',
}
registerEnumType(CulturePenaltyCaseState, {
  name: 'CulturePenaltyCaseState',
  description: '行政处罚案件的阶段',
  valuesConfig: {
    AWAITING_FILING: { description: '待立案（已移交）' },
    FILED: { description: '立案' },
    INVESTIGATING: { description: '调查' },
    DECIDED: { description: '处罚决定' },
    CLOSED: { description: '结案' },
  },
});
