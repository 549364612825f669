import { DEPARTMENT_LABELS, formatChinaDateTime, formatVisitTime } from './labels';
import { PageWriter, type TableRow } from './page.layout';
import { SIGNATURE_SIZE, departmentNames, drawSignatureTable } from './shared.sections';
import type { DepartmentStatistics, RecordFormData } from './types';

/** The form's title as the plan names it (平卫双随机办〔2022〕25号 五（一）), without the book-title marks. */
export const STATISTICS_FORM_TITLE = '互联网上网服务营业场所“双随机、一公开”部门联合监管统计表';

/**
 * One row of 联合监管统计表 per department: items with an outcome (检查事项), 符合, 不符合, 不涉及,
 * items without one (未检查), orders by kind, and the result codes.
 */
export function summarizeDepartments(data: Pick<RecordFormData, 'departments'>): DepartmentStatistics[] {
  return data.departments.map((d) => {
    const count = (outcome: string | null) => d.items.filter((i) => i.outcome === outcome).length;
    const notChecked = count(null);
    return {
      department: d.department,
      name: d.name,
      checked: d.items.length - notChecked,
      compliant: count('COMPLIANT'),
      nonCompliant: count('NON_COMPLIANT'),
      notApplicable: count('NOT_APPLICABLE'),
      notChecked,
      stopOrders: d.orders.filter((o) => o.kind === 'STOP_ILLEGAL').length,
      rectifyOrders: d.orders.filter((o) => o.kind === 'RECTIFY').length,
      resultCodes: d.resultCodes,
    };
  });
}

const COUNTS = ['checked', 'compliant', 'nonCompliant', 'notApplicable', 'notChecked', 'stopOrders', 'rectifyOrders'] as const;

/**
 * Renders 联合监管统计表 (the joint supervision statistics form) for one visit as an A4 PDF: the
 * visit's header, a table with one row per department and a 合计 row, and the officers' signatures.
 * The counts are those of {@link summarizeDepartments}.
 *
 * @throws DocumentRenderError `FONT_NOT_FOUND`, `FONT_UNSUPPORTED`, `IMAGE_UNSUPPORTED`
 */
export async function renderStatisticsForm(data: RecordFormData): Promise<Buffer> {
  const w = new PageWriter(
    { title: `${STATISTICS_FORM_TITLE}（${data.venue.name}）`, subject: data.plan.title, author: data.plan.issuingOffice, createdAt: data.generatedAt },
    {
      runningHeader: `${STATISTICS_FORM_TITLE}　${data.venue.name}`,
      footerLeft: `检查编号：${data.inspection.id}`,
      footerRight: `生成时间：${formatChinaDateTime(data.generatedAt)}`,
    },
  );
  const { plan, venue, inspection } = data;
  const leaders = data.team.filter((o) => o.leader).map((o) => o.name);

  // 30 characters: at 15 pt the plan's full title fits one line of A4.
  w.centered(STATISTICS_FORM_TITLE, 15, true);
  w.gap(2);
  w.centered(plan.title, 10.5);
  w.gap(10);
  w.table(
    [{ width: 1.35 }, { width: 2.3 }, { width: 1.05 }, { width: 2.2 }],
    [
      ['抽查计划文号', plan.documentNumber, '组织单位', plan.issuingOffice],
      ['检查对象名称', { text: venue.name, span: 3 }],
      ['统一社会信用代码', venue.uscc, '检查组长', leaders.join('、') || '—'],
      ['检查时间', { text: formatVisitTime(inspection.date, inspection.startTime, inspection.endTime) || '—', span: 3 }],
    ],
    { fontSize: 9.5, labelColumns: [0, 2] },
  );

  w.gap(12);
  w.sectionHeading('一、各部门检查情况统计');
  const stats = summarizeDepartments(data);
  const rows: TableRow[] = stats.map((s) => [
    s.name || DEPARTMENT_LABELS[s.department],
    ...COUNTS.map((key) => String(s[key])),
    s.resultCodes.map((r) => `${r.code} ${r.label}`).join('；') || '—',
  ]);
  const total = (key: (typeof COUNTS)[number]) => String(stats.reduce((sum, s) => sum + s[key], 0));
  rows.push([{ text: '合计', bold: true, align: 'center' }, ...COUNTS.map((key) => ({ text: total(key), bold: true })), '—']);
  const count = (header: string) => ({ header, width: header.length > 3 ? 0.75 : 0.6, align: 'center' as const });
  w.table(
    [
      { header: '部门', width: 1.9 },
      count('检查事项'),
      count('符合'),
      count('不符合'),
      count('不涉及'),
      count('未检查'),
      { header: '责令停止违法行为', width: 0.8, align: 'center' },
      { header: '责令限期改正', width: 0.72, align: 'center' },
      { header: '检查结果', width: 1.6 },
    ],
    rows,
  );
  w.gap(4);
  w.paragraph('注：“检查事项”为已记录检查结果（符合、不符合、不涉及）的事项数；“未检查”为尚未记录结果的事项数；责令数为本次检查下达的责令文书数。', { size: 8.5 });

  w.gap(12);
  w.sectionHeading('二、执法人员签名', '', SIGNATURE_SIZE.height + 40);
  drawSignatureTable(w, data.officerSignatures, departmentNames(data.departments), '（尚无执法人员签名）');

  return w.finish();
}
