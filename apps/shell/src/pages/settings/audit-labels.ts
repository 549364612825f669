// What the audit trail's stored codes mean to a civil servant: no table names or English on screen.

/** Where a trail lives: the office and each department keep their own (ADR 0016). */
export type AuditSource = 'office' | 'culture' | 'market' | 'fire';

export const AUDIT_SOURCES: { value: AuditSource; label: string }[] = [
  { value: 'office', label: '联席办' },
  { value: 'culture', label: '文化' },
  { value: 'market', label: '市场' },
  { value: 'fire', label: '消防' },
];

/** The actions a trail records, as the filter offers them. */
export const AUDIT_ACTIONS: Record<string, string> = {
  login: '登录',
  insert: '新增',
  update: '修改',
  delete: '删除',
  'soft-delete': '删除',
  read: '查看',
  'file.read': '下载文件',
  'audit.read': '查阅审计日志',
  'audit.export': '导出审计日志',
};

/** What was written or read: the tables and files the trail names. */
export const AUDIT_OBJECTS: Record<string, string> = {
  app_user: '用户账号',
  plan: '抽查计划',
  venue: '检查对象',
  inspector: '执法人员',
  inspector_conflict: '回避申报',
  'conflict-declaration': '回避申报',
  draw: '抽取',
  draw_blob: '抽取名录快照',
  import_job: '名录导入',
  import_error: '名录导入错误',
  inspection: '检查任务',
  team_member: '检查组成员',
  record_signature: '检查记录表签名',
  venue_response: '检查对象签章',
  calendar_year: '节假日安排',
  department_calendar_year: '节假日安排',
  public_result: '公示结果',
  public_result_correction: '公示结果更正',
  check_item: '抽查事项',
  check_item_version: '抽查事项版本',
  app_session: '登录会话',
  record_snapshot: '签字时的记录表内容',
  record_amendment: '签字后的更正',
  department_briefing: '专项简报',
  report_document: '报告文件',
  report_submission: '报送记录',
  department_section: '检查记录',
  section_item: '检查事项结果',
  section_order: '现场责令',
  section_change: '检查记录更正',
  evidence: '现场证据',
  evidence_removal: '删除的证据',
  department_result: '检查结果',
  department_result_change: '检查结果变更',
  referral_sent: '移送（发出）',
  referral_received: '移送（收到）',
  follow_up: '后续跟进',
  culture_penalty_case: '行政处罚案件',
  market_abnormal_listing: '经营异常名录',
  fire_order_notice: '责令改正通知书',
  'notice.pdf': '告知书（PDF）',
  'record-form.pdf': '检查记录表（PDF）',
  'statistics-form.pdf': '统计表（PDF）',
  'record-form-image': '签名或印章图片',
  'order-notice.pdf': '责令改正通知书（PDF）',
  'venues.xlsx': '检查对象名录导出',
  'inspectors.xlsx': '执法人员名录导出',
  'results.csv': '检查结果导出（CSV）',
  'results.xlsx': '检查结果导出（Excel）',
  audit_entry: '审计日志',
};

export const AUDIT_OUTCOMES: Record<string, { label: string; color: string }> = {
  SUCCEEDED: { label: '成功', color: 'success' },
  FAILED: { label: '失败', color: 'error' },
  REFUSED: { label: '已拒绝', color: 'warning' },
};

export const auditActionLabel = (action: string) => AUDIT_ACTIONS[action] ?? '其他操作';
export const auditObjectLabel = (objectType: string) => AUDIT_OBJECTS[objectType] ?? '其他记录';
/** `system` is the platform's own background work (events between subgraphs, start-up). */
export const auditActorLabel = (username: string) => (username === 'system' ? '系统' : username);

/**
 * A day range (`YYYY-MM-DD`, China Standard Time) as the instants the API filters by: from the first
 * day's 00:00 to the last day's end, both at UTC+8.
 */
export function chinaDayRange(range: [string, string]): { from: string; to: string } {
  return { from: new Date(`${range[0]}T00:00:00.000+08:00`).toISOString(), to: new Date(`${range[1]}T23:59:59.999+08:00`).toISOString() };
}
