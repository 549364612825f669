import { registerEnumType } from 'type-graphql';

/** The outcome of one check item (检查结果): identical in every department subgraph. */
export enum ItemOutcome {
  COMPLIANT = 'COMPLIANT',
  NON_COMPLIANT = 'NON_COMPLIANT',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
}
registerEnumType(ItemOutcome, {
  name: 'ItemOutcome',
  description: '检查事项结果',
  valuesConfig: { COMPLIANT: { description: '符合' }, NON_COMPLIANT: { description: '不符合' }, NOT_APPLICABLE: { description: '不涉及' } },
});

export enum SectionStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
}
registerEnumType(SectionStatus, {
  name: 'SectionStatus',
  description: '部门检查记录状态',
  valuesConfig: { NOT_STARTED: { description: '未开始' }, IN_PROGRESS: { description: '检查中' } },
});
