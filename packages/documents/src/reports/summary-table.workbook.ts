import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { formatChinaDateTime } from '../labels';
import { STATISTICS_TABLE_TITLE, SUMMARY_COLUMNS, SUMMARY_TABLE_TITLE, scopeText, tallyColumns } from './summary-table.columns';
import { SummaryTally } from './summary-table.tally';
import type { ReportMeta, SummaryTableRow } from './summary-table.types';

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6E6E6' } };
const FONT = { name: '宋体', size: 10 };
/**
 * One style object per column, shared by every data row: assigning a ready object is the cheap path
 * through exceljs (a fresh object per cell is serialised and looked up again for each of 1.5 million cells).
 */
const DATA_STYLES: Partial<ExcelJS.Style>[] = SUMMARY_COLUMNS.map((column) =>
  column.kind === 'count'
    ? { border: BORDER, font: FONT, numFmt: '0', alignment: { horizontal: 'center', vertical: 'middle' } }
    : { border: BORDER, font: FONT, alignment: { horizontal: column.kind === 'date' ? 'center' : 'left', vertical: 'middle', wrapText: true } },
);
/** A4 landscape, one page wide, the title and header rows repeated on every printed page. */
const pageSetup = (lastHeaderRow: number): Partial<ExcelJS.PageSetup> => ({
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
  margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  printTitlesRow: `1:${lastHeaderRow}`,
});

/** Title (merged across the table), a line saying what the table covers, and the header row. */
function heading(sheet: ExcelJS.Worksheet, title: string, subtitle: string, headers: string[]): void {
  const last = sheet.getColumn(headers.length).letter;
  const titleRow = sheet.addRow([title]);
  titleRow.height = 30;
  titleRow.getCell(1).font = { name: '黑体', size: 16, bold: true };
  titleRow.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.mergeCells(`A1:${last}1`);
  titleRow.commit();
  const subRow = sheet.addRow([subtitle]);
  subRow.getCell(1).font = FONT;
  subRow.getCell(1).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  subRow.height = 30;
  sheet.mergeCells(`A2:${last}2`);
  subRow.commit();
  const headerRow = sheet.addRow(headers);
  headerRow.height = 36;
  headerRow.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  headerRow.commit();
}

function subtitleOf(meta: ReportMeta): string {
  return `实施方案：${meta.plan.title}（${meta.plan.documentNumber}）　填报范围：${scopeText(meta)}　生成时间：${formatChinaDateTime(meta.generatedAt)}`;
}

/**
 * Writes 联合抽查汇总表 (one row per department and inspection, then 合计 with SUM formulas) and
 * 部门联合监管统计表 (one line per department, then 合计) as one XLSX workbook onto `stream`, row by
 * row: the rows are read from `rows` as they come and never held together, so a district's year (or a
 * benchmark's 100,000 inspections) costs the memory of one row. Both sheets print on A4 landscape.
 * @returns the statistics, for whoever wants the figures too (the work summary)
 */
export async function writeSummaryWorkbook(stream: Writable, meta: ReportMeta, rows: AsyncIterable<SummaryTableRow> | Iterable<SummaryTableRow>): Promise<SummaryTally> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = meta.plan.issuingOffice;
  workbook.created = meta.generatedAt;
  const tally = new SummaryTally(meta);

  const HEADER_ROWS = 3;
  const sheet = workbook.addWorksheet('汇总表', { pageSetup: pageSetup(HEADER_ROWS), views: [{ state: 'frozen', ySplit: HEADER_ROWS }] });
  sheet.columns = SUMMARY_COLUMNS.map((c) => ({ width: c.width }));
  heading(sheet, SUMMARY_TABLE_TITLE, subtitleOf(meta), SUMMARY_COLUMNS.map((c) => c.header));
  let index = 0;
  for await (const row of rows) {
    tally.add(row);
    const line = sheet.addRow(SUMMARY_COLUMNS.map((c) => c.value(row, index, meta)));
    for (let i = 0; i < DATA_STYLES.length; i++) line.getCell(i + 1).style = DATA_STYLES[i];
    line.commit();
    index += 1;
  }
  const first = HEADER_ROWS + 1;
  const last = HEADER_ROWS + index;
  const total = tally.total();
  const totals: Record<string, number> = { 检查事项数: total.checked, 符合: total.compliant, 不符合: total.nonCompliant, 不涉及: total.notApplicable, 责令停止违法行为: total.stopOrders, 责令限期改正: total.rectifyOrders, '移送（转办）': total.referrals };
  const totalRow = sheet.addRow(
    SUMMARY_COLUMNS.map((c, i) => {
      if (i === 0) return '合计';
      if (c.header === '检查对象名称') return `共 ${index} 户次`;
      if (!(c.header in totals)) return '';
      const letter = sheet.getColumn(i + 1).letter;
      // A formula, so a row the user corrects in Excel moves the total; the cached result is ours.
      return index > 0 ? { formula: `SUM(${letter}${first}:${letter}${last})`, result: totals[c.header] } : 0;
    }),
  );
  totalRow.eachCell({ includeEmpty: true }, (cell) => {
    cell.border = BORDER;
    cell.font = { ...FONT, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.numFmt = '0';
  });
  totalRow.commit();
  sheet.commit();

  const columns = tallyColumns(meta);
  const stats = workbook.addWorksheet('统计表', { pageSetup: pageSetup(HEADER_ROWS), views: [{ state: 'frozen', ySplit: HEADER_ROWS, xSplit: 1 }] });
  stats.columns = columns.map((c) => ({ width: c.width }));
  heading(stats, STATISTICS_TABLE_TITLE, subtitleOf(meta), columns.map((c) => c.header));
  for (const line of [...tally.departments(), total]) {
    const row = stats.addRow(columns.map((c) => c.value(line)));
    row.eachCell({ includeEmpty: true }, (cell, i) => {
      cell.border = BORDER;
      cell.font = { ...FONT, bold: line === total };
      cell.alignment = { horizontal: i === 1 ? 'left' : 'center', vertical: 'middle' };
      if (i > 1) cell.numFmt = '0';
    });
    row.commit();
  }
  const note = stats.addRow(['注：抽查户次为本部门有检查记录的检查次数；发现问题户次为至少一项检查事项“不符合”的次数；一次检查有多个检查结果的，分别计入各结果。']);
  note.getCell(1).font = { ...FONT, size: 9 };
  stats.mergeCells(`A${note.number}:${stats.getColumn(columns.length).letter}${note.number}`);
  note.commit();
  stats.commit();
  await workbook.commit();
  return tally;
}
