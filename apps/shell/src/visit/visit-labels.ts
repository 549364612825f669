import type { NoticeMode, RecordFormStatus, SectionStatus } from '../generated/graphql';

/** R-NOTE-1: how the team tells the venue, as the notice form and the summary name it. */
export const NOTICE_MODES: Record<NoticeMode, { label: string; color: string }> = {
  WRITTEN: { label: '书面告知', color: 'blue' },
  PHONE: { label: '电话告知', color: 'blue' },
  FAX: { label: '传真告知', color: 'blue' },
  UNDISCLOSED: { label: '不予告知', color: 'orange' },
};

/** The order the notice form offers the modes in. */
export const NOTICE_MODE_ORDER: readonly NoticeMode[] = ['WRITTEN', 'PHONE', 'FAX', 'UNDISCLOSED'];

/** Why an undisclosed visit has no letter, said wherever the letter would be. */
export const UNDISCLOSED_TEXT = '本次检查不予告知，不发放告知书';

/**
 * What an internet cafe is usually asked to have ready, one line each: the licences every
 * department checks (R-ITEM-1..3) and the records behind them.
 */
export const DEFAULT_PREPARE_ITEMS: readonly string[] = [
  '营业执照',
  '网络文化经营许可证',
  '消防安全制度及应急疏散预案',
  '消防设施维护保养记录',
  '消防安全检查、演练及员工消防培训记录',
  '上网人员登记记录',
  '经营管理技术措施运行记录',
  '食品经营相关资质（销售食品的）',
  '法定代表人或负责人身份证明',
];

/** Record-form progress (R-VISIT-3) with the colour of its Tag. */
export const RECORD_FORM_STATUS: Record<RecordFormStatus, { label: string; color: string }> = {
  OPEN: { label: '待签字', color: 'default' },
  OFFICERS_SIGNING: { label: '执法人员签字中', color: 'processing' },
  AWAITING_VENUE: { label: '待被检查对象签字盖章', color: 'processing' },
  REFUSAL_SIGNING: { label: '被检查对象拒签，待签署拒签说明', color: 'warning' },
  COMPLETED: { label: '已签署', color: 'success' },
};

/** A department's section status (R-RES-1: locked once submitted). */
export const SECTION_STATUS: Record<SectionStatus, { label: string; color: string }> = {
  NOT_STARTED: { label: '未开始', color: 'default' },
  IN_PROGRESS: { label: '检查中', color: 'processing' },
  SUBMITTED: { label: '已提交', color: 'success' },
};

/** The venue's refusal as the record form writes it unless the team words it otherwise. */
export const DEFAULT_REFUSAL_NOTE = '被检查对象拒绝在记录表上签字盖章。';
