import { formatChinaDateTime } from '../labels';
import { PageWriter, type TableRow } from '../page.layout';
import { STATISTICS_TABLE_TITLE, SUMMARY_COLUMNS, SUMMARY_TABLE_TITLE, scopeText, tallyColumns } from './summary-table.columns';
import { tallyRows } from './summary-table.tally';
import type { ReportMeta, SummaryTableRow } from './summary-table.types';

/** The most rows a PDF takes; more is a workbook's job (a 5,000-row PDF is about 150 pages). */
export const SUMMARY_PDF_MAX_ROWS = 5_000;

/**
 * Renders 联合抽查汇总表 and, after it, 部门联合监管统计表 as one A4 landscape PDF with the embedded CJK
 * font (ADR 0008): the printable twin of {@link writeSummaryWorkbook}, same columns, same figures.
 */
export async function renderSummaryTablePdf(meta: ReportMeta, rows: SummaryTableRow[]): Promise<Buffer> {
  const w = new PageWriter(
    { title: SUMMARY_TABLE_TITLE, subject: meta.plan.title, author: meta.plan.issuingOffice, createdAt: meta.generatedAt },
    { runningHeader: `${SUMMARY_TABLE_TITLE}　${scopeText(meta)}`, footerLeft: meta.plan.documentNumber, footerRight: `生成时间：${formatChinaDateTime(meta.generatedAt)}` },
    'landscape',
  );
  const tally = tallyRows(meta, rows);
  w.centered(SUMMARY_TABLE_TITLE, 16, true);
  w.gap(2);
  w.centered(`${meta.plan.title}（${meta.plan.documentNumber}）　填报范围：${scopeText(meta)}`, 9.5);
  w.gap(8);
  const body: TableRow[] = rows.map((row, i) => SUMMARY_COLUMNS.map((c) => ({ text: String(c.value(row, i, meta)), align: c.kind === 'text' ? ('left' as const) : ('center' as const) })));
  const total = tally.total();
  const totals: Record<string, number> = { 检查事项数: total.checked, 符合: total.compliant, 不符合: total.nonCompliant, 不涉及: total.notApplicable, 责令停止违法行为: total.stopOrders, 责令限期改正: total.rectifyOrders, '移送（转办）': total.referrals };
  body.push(SUMMARY_COLUMNS.map((c, i) => ({ text: i === 0 ? '合计' : c.header === '检查对象名称' ? `共 ${rows.length} 户次` : c.header in totals ? String(totals[c.header]) : '', bold: true, align: 'center' as const })));
  w.table(SUMMARY_COLUMNS.map((c) => ({ header: c.header, width: c.width, align: c.kind === 'text' ? 'left' : 'center' })), body, { fontSize: 7.5 });

  w.addPage();
  w.centered(STATISTICS_TABLE_TITLE, 16, true);
  w.gap(2);
  w.centered(`${meta.plan.title}（${meta.plan.documentNumber}）　填报范围：${scopeText(meta)}`, 9.5);
  w.gap(8);
  const columns = tallyColumns(meta);
  w.table(
    columns.map((c, i) => ({ header: c.header, width: i === 0 ? 14 : 5.2, align: i === 0 ? 'left' : 'center' })),
    [...tally.departments(), total].map((line) => columns.map((c) => ({ text: String(c.value(line)), bold: line === total, align: 'center' as const }))),
    { fontSize: 7 },
  );
  w.gap(4);
  w.paragraph('注：抽查户次为本部门有检查记录的检查次数；发现问题户次为至少一项检查事项“不符合”的次数；一次检查有多个检查结果的，分别计入各结果。', { size: 8.5 });
  return w.finish();
}
