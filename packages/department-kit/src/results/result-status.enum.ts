import { registerEnumType } from 'type-graphql';

/** A department's result of one inspection, from entry to publication (R-PUB-1). */
export enum ResultStatus {
  PENDING_ENTRY = 'PENDING_ENTRY',
  PENDING_REVIEW = 'PENDING_REVIEW',
  RETURNED = 'RETURNED',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(ResultStatus, {
  name: 'ResultStatus',
  description: '检查结果状态',
  valuesConfig: { PENDING_ENTRY: { description: '待录入' }, PENDING_REVIEW: { description: '待审核' }, RETURNED: { description: '退回' }, PUBLISHED: { description: '已公示' } },
});

export const RESULT_STATUS_LABELS: Record<ResultStatus, string> = { PENDING_ENTRY: '待录入', PENDING_REVIEW: '待审核', RETURNED: '退回', PUBLISHED: '已公示' };
