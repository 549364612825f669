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
  SUBMITTED = 'SUBMITTED',
}
registerEnumType(SectionStatus, {
  name: 'SectionStatus',
  description: '部门检查记录状态',
  valuesConfig: { NOT_STARTED: { description: '未开始' }, IN_PROGRESS: { description: '检查中' }, SUBMITTED: { description: '已提交（锁定）' } },
});

export enum OrderKind {
  STOP_ILLEGAL = 'STOP_ILLEGAL',
  RECTIFY = 'RECTIFY',
}
registerEnumType(OrderKind, {
  name: 'OrderKind',
  description: '责令类型（R-VISIT-1）',
  valuesConfig: { STOP_ILLEGAL: { description: '责令停止违法行为' }, RECTIFY: { description: '责令限期改正' } },
});

export enum OrderDelivery {
  WRITTEN = 'WRITTEN',
  ORAL = 'ORAL',
  MOBILE_PRINTED = 'MOBILE_PRINTED',
}
registerEnumType(OrderDelivery, {
  name: 'OrderDelivery',
  description: '责令下达方式（R-VISIT-2）',
  valuesConfig: { WRITTEN: { description: '书面' }, ORAL: { description: '口头' }, MOBILE_PRINTED: { description: '移动执法设备打印' } },
});
