import type { DepartmentTally, ReportMeta, SummaryTableRow } from './summary-table.types';

export const SUMMARY_TABLE_TITLE = '互联网上网服务营业场所“双随机、一公开”联合抽查汇总表';
export const STATISTICS_TABLE_TITLE = '互联网上网服务营业场所“双随机、一公开”部门联合监管统计表';

const DEPARTMENT_SHORT: Record<SummaryTableRow['department'], string> = { culture: '文广旅局', market: '市场监管局', fire: '消防救援大队' };

/** A column of the 汇总表: its header, its width in Excel characters, and how a row fills it. */
export interface SummaryColumn {
  header: string;
  width: number;
  kind: 'text' | 'count' | 'date';
  value: (row: SummaryTableRow, index: number, meta: ReportMeta) => string | number;
}

const codesText = (row: SummaryTableRow, meta: ReportMeta) =>
  row.resultCodes.map((code) => `${code} ${meta.resultCodes.find((r) => r.code === code)?.label ?? ''}`.trim()).join('；');

/** The 汇总表's columns, in order: who was inspected, by whom and when, what was found, what was done. */
export const SUMMARY_COLUMNS: SummaryColumn[] = [
  { header: '序号', width: 7, kind: 'count', value: (_r, i) => i + 1 },
  { header: '检查部门', width: 13, kind: 'text', value: (r, _i, m) => m.departments.find((d) => d.code === r.department)?.name ?? DEPARTMENT_SHORT[r.department] },
  { header: '检查对象名称', width: 30, kind: 'text', value: (r) => r.venueName },
  { header: '统一社会信用代码', width: 21, kind: 'text', value: (r) => r.venueUscc },
  { header: '所属街道', width: 12, kind: 'text', value: (r) => r.venueStreet },
  { header: '检查日期', width: 12, kind: 'date', value: (r) => r.inspectedOn },
  { header: '检查事项数', width: 8, kind: 'count', value: (r) => r.checked },
  { header: '符合', width: 6, kind: 'count', value: (r) => r.compliant },
  { header: '不符合', width: 7, kind: 'count', value: (r) => r.nonCompliant },
  { header: '不涉及', width: 7, kind: 'count', value: (r) => r.notApplicable },
  { header: '责令停止违法行为', width: 9, kind: 'count', value: (r) => r.stopOrders },
  { header: '责令限期改正', width: 8, kind: 'count', value: (r) => r.rectifyOrders },
  { header: '移送（转办）', width: 8, kind: 'count', value: (r) => r.referrals },
  { header: '检查结果', width: 30, kind: 'text', value: (r, _i, m) => codesText(r, m) },
  { header: '公示日期', width: 12, kind: 'date', value: (r) => r.publishedOn ?? '未公示' },
];

/** A column of the 统计表 (one line per department, then 合计). */
export interface TallyColumn {
  header: string;
  width: number;
  value: (line: DepartmentTally) => string | number;
}

/** The 统计表's columns: the counts, then one column per result code (R-RES-2), then 已公示. */
export function tallyColumns(meta: Pick<ReportMeta, 'resultCodes'>): TallyColumn[] {
  return [
    { header: '部门', width: 22, value: (l) => l.name },
    { header: '抽查户次', width: 9, value: (l) => l.inspections },
    { header: '发现问题户次', width: 9, value: (l) => l.withProblems },
    { header: '检查事项数', width: 9, value: (l) => l.checked },
    { header: '符合', width: 7, value: (l) => l.compliant },
    { header: '不符合', width: 7, value: (l) => l.nonCompliant },
    { header: '不涉及', width: 7, value: (l) => l.notApplicable },
    { header: '责令停止违法行为', width: 9, value: (l) => l.stopOrders },
    { header: '责令限期改正', width: 9, value: (l) => l.rectifyOrders },
    { header: '移送（转办）', width: 9, value: (l) => l.referrals },
    ...meta.resultCodes.map(({ code, label }) => ({ header: `${code}.${label}`, width: 10, value: (l: DepartmentTally) => l.byResultCode[code] ?? 0 })),
    { header: '已公示', width: 8, value: (l) => l.published },
  ];
}

/** `卫东区文化广电和旅游局` for a department's report, `全部参加部门` for the plan's. */
export function scopeText(meta: ReportMeta): string {
  return meta.department ? meta.department.name : `全部参加部门（${meta.departments.map((d) => d.name).join('、')}）`;
}
