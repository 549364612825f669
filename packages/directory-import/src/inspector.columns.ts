import type { ColumnDefinition } from './directory.types';

/** Fields of an inspector row, one per column of the 执法检查人员名录库 file. */
export type InspectorField =
  | 'name'
  | 'department'
  | 'certificateNumber'
  | 'certificateValidFrom'
  | 'certificateValidUntil'
  | 'expertise'
  | 'status'
  | 'conflictUsccs'
  | 'conflictRelations'
  | 'conflictReasons';

/** The columns of the inspector directory (执法检查人员名录库), in export order. */
export const INSPECTOR_COLUMNS: readonly ColumnDefinition<InspectorField>[] = [
  { field: 'name', header: '姓名', aliases: ['执法人员姓名', '人员姓名', '检查人员姓名', '名字'], required: true, maxLength: 50, width: 12 },
  { field: 'department', header: '所属部门', aliases: ['部门', '单位', '所属单位', '执法部门', '工作单位', '所在部门'], required: true, maxLength: 50, width: 16 },
  { field: 'certificateNumber', header: '执法证号', aliases: ['执法证编号', '执法证件号', '执法证件编号', '执法证件号码', '执法证号码', '证件号', '证号'], required: true, maxLength: 50, width: 22 },
  { field: 'certificateValidFrom', header: '执法证有效期起', aliases: ['有效期起', '有效期自', '有效期开始', '执法证有效期自', '证件有效期起', '有效期起始日期', '发证日期'], required: true, maxLength: 20, width: 16 },
  { field: 'certificateValidUntil', header: '执法证有效期止', aliases: ['有效期止', '有效期至', '有效期截止', '执法证有效期至', '证件有效期止', '证件有效期至', '有效期截止日期', '有效期结束'], required: true, maxLength: 20, width: 16 },
  { field: 'expertise', header: '专业领域', aliases: ['专业', '专长', '业务专长', '擅长领域', '专业特长'], required: false, maxLength: 200, width: 24 },
  { field: 'status', header: '状态', aliases: ['在岗状态', '人员状态', '工作状态'], required: false, maxLength: 10, width: 8 },
  { field: 'conflictUsccs', header: '回避对象统一社会信用代码', aliases: ['回避对象代码', '回避对象信用代码', '回避对象统一代码', '回避单位统一社会信用代码', '回避对象'], required: false, maxLength: 2000, width: 26 },
  { field: 'conflictRelations', header: '回避关系', aliases: ['与回避对象关系', '关系'], required: false, maxLength: 1000, width: 14 },
  { field: 'conflictReasons', header: '回避原因', aliases: ['回避事由', '回避理由'], required: false, maxLength: 4000, width: 30 },
];
