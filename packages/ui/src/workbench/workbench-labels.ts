/** 检查结果 states as the workbench names them. */
export const RESULT_STATUS_LABELS: Record<'PENDING_ENTRY' | 'PENDING_REVIEW' | 'RETURNED' | 'PUBLISHED', string> = {
  PENDING_ENTRY: '待录入',
  PENDING_REVIEW: '待审核',
  RETURNED: '已退回',
  PUBLISHED: '已公示',
};

/** 移送 states (R-RES-3). */
export const REFERRAL_STATE_LABELS: Record<'SENT' | 'ACCEPTED' | 'RETURNED' | 'ACKNOWLEDGED', { label: string; color: string }> = {
  SENT: { label: '已移送，待答复', color: 'processing' },
  ACCEPTED: { label: '已接收', color: 'success' },
  RETURNED: { label: '已退回', color: 'warning' },
  ACKNOWLEDGED: { label: '对方已确认收到', color: 'success' },
};

/** 复查结论 (R-PUB-3). */
export const REINSPECTION_OUTCOME_LABELS: Record<'RECTIFIED' | 'NOT_RECTIFIED' | 'CASE_OPENED', string> = {
  RECTIFIED: '整改到位',
  NOT_RECTIFIED: '逾期未改',
  CASE_OPENED: '转立案',
};
