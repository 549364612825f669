import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { formatChinaDate } from '../labels';
import { tallyColumns } from './summary-table.columns';
import type { SummaryTally } from './summary-table.tally';
import type { ReportMeta } from './summary-table.types';

export const WORK_SUMMARY_TITLE = '“双随机、一公开”部门联合监管工作总结';
export const BRIEFINGS_TITLE = '“双随机、一公开”部门联合监管专项简报';

const FONT = { ascii: '仿宋', eastAsia: '仿宋', hAnsi: '仿宋' };
const HEADING_FONT = { ascii: '黑体', eastAsia: '黑体', hAnsi: '黑体' };
/** 三号 (16 pt) body and 二号 (22 pt) title, as official documents (GB/T 9704) are set; docx counts half-points. */
const BODY = 32;

const text = (value: string, bold = false, size = BODY) => new TextRun({ text: value, bold, size, font: FONT });
const body = (value: string) => new Paragraph({ children: [text(value)], indent: { firstLine: 640 }, spacing: { line: 560 } });
const heading = (value: string) => new Paragraph({ children: [new TextRun({ text: value, size: BODY, font: HEADING_FONT })], heading: HeadingLevel.HEADING_2, spacing: { before: 200, line: 560 } });
const title = (value: string) => new Paragraph({ children: [new TextRun({ text: value, size: 44, bold: true, font: HEADING_FONT })], alignment: AlignmentType.CENTER, spacing: { after: 400 } });
/** Where the office writes in Word: shown in brackets, so an unfinished draft is plain to see. */
const toFill = (what: string) => body(`【请填写：${what}】`);

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
function table(headers: string[], rows: (string | number)[][]): Table {
  const cell = (value: string | number, bold = false) =>
    new TableCell({
      children: [new Paragraph({ children: [text(String(value), bold, 18)], alignment: AlignmentType.CENTER })],
      borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder },
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ children: headers.map((h) => cell(h, true)), tableHeader: true }), ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v)) }))],
  });
}

/** What the work summary is written from: the plan's statistics and where the report goes. */
export interface WorkSummaryData {
  meta: ReportMeta;
  tally: SummaryTally;
  /** YYYY-MM-DD (R-PLAN-1: 12-01 in the 2022 plan) */
  reportingDeadline: string;
  /** e.g. 卫东区市场监督管理局 */
  reportTo: string;
  /** Each department's latest briefing, when there is one (R-REP-1). */
  briefings: BriefingData[];
}

/** A department's progress briefing (专项简报, R-REP-1). */
export interface BriefingData {
  departmentName: string;
  highlights: string;
  problems: string;
  suggestions: string;
  /** Who wrote it and when it was last saved. */
  updatedByName: string;
  updatedAt: Date;
}

const percent = (part: number, whole: number) => (whole === 0 ? '0%' : `${((part / whole) * 100).toFixed(1)}%`);

/**
 * The 工作总结 as a DOCX the office opens in Word, finishes and uploads (R-REP-2): the figures are
 * filled in from the same statistics as the 汇总表 (so the two agree), the narrative parts are marked
 * 【请填写】, and the briefings the departments wrote are quoted where they belong.
 */
export async function renderWorkSummaryDocx(data: WorkSummaryData): Promise<Buffer> {
  const { meta, tally } = data;
  const total = tally.total();
  const lines = tally.departments();
  const byCode = meta.resultCodes.filter(({ code }) => total.byResultCode[code] > 0).map(({ code, label }) => `“${label}”${total.byResultCode[code]}户次`);
  const columns = tallyColumns(meta);
  const quoted = (pick: (b: BriefingData) => string) => data.briefings.filter((b) => pick(b).trim()).map((b) => body(`${b.departmentName}：${pick(b).trim()}`));
  const doc = new Document({
    creator: meta.plan.issuingOffice,
    title: WORK_SUMMARY_TITLE,
    description: meta.plan.title,
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } },
        children: [
          title(`${meta.plan.title.replace(/实施方案$/, '')}工作总结`),
          body(`根据《${meta.plan.title}》（${meta.plan.documentNumber}）的安排，${lines.map((l) => l.name).join('、')}组成联合检查组，按照“双随机、一公开”的要求开展联合抽查。现将工作情况总结如下：`),
          heading('一、基本情况'),
          body(
            `截至${formatChinaDate(meta.generatedAt)}，各部门共检查${total.inspections}户次，检查事项${total.checked}项，其中符合${total.compliant}项、不符合${total.nonCompliant}项、不涉及${total.notApplicable}项；发现问题${total.withProblems}户次，占${percent(total.withProblems, total.inspections)}。` +
              lines.map((l) => `${l.name}检查${l.inspections}户次，发现问题${l.withProblems}户次`).join('；') +
              '。',
          ),
          heading('二、问题处置'),
          body(`检查中责令停止违法行为${total.stopOrders}次、责令限期改正${total.rectifyOrders}次，移送（转办）有管辖权的部门${total.referrals}件。检查结果为：${byCode.join('，') || '暂无'}。`),
          heading('三、结果公示'),
          body(`按照“谁检查、谁录入、谁公开”的原则，各部门已通过国家企业信用信息公示系统公示检查结果${total.published}户次，占检查户次的${percent(total.published, total.inspections)}。`),
          heading('四、工作亮点'),
          ...(quoted((b) => b.highlights).length ? quoted((b) => b.highlights) : [toFill('工作亮点')]),
          heading('五、存在问题'),
          ...(quoted((b) => b.problems).length ? quoted((b) => b.problems) : [toFill('存在的问题')]),
          heading('六、意见和建议'),
          ...(quoted((b) => b.suggestions).length ? quoted((b) => b.suggestions) : [toFill('下一步工作的意见和建议')]),
          heading('附：部门联合监管统计'),
          table(
            columns.map((c) => c.header),
            [...lines, total].map((line) => columns.map((c) => c.value(line))),
          ),
          new Paragraph({ children: [text(`报送单位：${data.reportTo}　报送时限：${formatChinaDate(new Date(`${data.reportingDeadline}T00:00:00+08:00`))}前`)], spacing: { before: 400 } }),
          new Paragraph({ children: [text(meta.plan.issuingOffice)], alignment: AlignmentType.RIGHT, spacing: { before: 400 } }),
          new Paragraph({ children: [text(formatChinaDate(meta.generatedAt))], alignment: AlignmentType.RIGHT }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * The departments' briefings compiled into one DOCX for the office (专项简报, R-REP-1): one part per
 * department, each with its highlights, problems and suggestions, who wrote it and when.
 */
export async function renderBriefingsDocx(meta: Pick<ReportMeta, 'plan' | 'generatedAt'>, briefings: BriefingData[]): Promise<Buffer> {
  const parts = briefings.flatMap((b, i) => [
    heading(`${'一二三四五六七八九十'[i] ?? i + 1}、${b.departmentName}`),
    new Paragraph({ children: [text('（一）工作亮点', true)] }),
    body(b.highlights.trim() || '（未填写）'),
    new Paragraph({ children: [text('（二）存在问题', true)] }),
    body(b.problems.trim() || '（未填写）'),
    new Paragraph({ children: [text('（三）意见和建议', true)] }),
    body(b.suggestions.trim() || '（未填写）'),
    new Paragraph({ children: [text(`填报人：${b.updatedByName}　更新日期：${formatChinaDate(b.updatedAt)}`, false, 24)], alignment: AlignmentType.RIGHT }),
  ]);
  const doc = new Document({
    creator: meta.plan.issuingOffice,
    title: BRIEFINGS_TITLE,
    sections: [
      {
        children: [
          title(BRIEFINGS_TITLE),
          new Paragraph({ children: [text(`${meta.plan.title}（${meta.plan.documentNumber}）　${meta.plan.issuingOffice}　${formatChinaDate(meta.generatedAt)}`, false, 24)], alignment: AlignmentType.CENTER }),
          ...(parts.length ? parts : [body('各部门尚未报送专项简报。')]),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
