import { DEPARTMENT_LABELS, NOTICE_MODE_LABELS, formatChinaDate, formatChinaDateTime, formatIsoDate } from './labels';
import { PageWriter, type TableRow } from './page.layout';
import type { NoticeLetterData } from './types';

export const NOTICE_LETTER_TITLE = '部门联合检查告知书';

/** Body text size: 10.5 pt (五号) keeps a letter for twelve items on one page. */
const BODY = 10.5;

const P = { size: BODY, firstIndent: 2, lineHeight: 1.55 };
const H = { ...P, bold: true };

const quoted = (title: string) => (title.startsWith('《') ? title : `《${title}》`);

/**
 * Renders 部门联合检查告知书 (the notice letter to the venue) as an A4 PDF: when the joint inspection
 * will take place and under which plan, the team with their 执法证 numbers, the items each department
 * will check, what to prepare, the notice mode and contact, and the issuing office and date.
 *
 * @throws DocumentRenderError `FONT_NOT_FOUND`, `FONT_UNSUPPORTED`
 */
export async function renderNoticeLetter(data: NoticeLetterData): Promise<Buffer> {
  const { plan, venue, visit } = data;
  const w = new PageWriter(
    { title: `${NOTICE_LETTER_TITLE}（${venue.name}）`, subject: plan.title, author: plan.issuingOffice, createdAt: data.noticeAt },
    {
      runningHeader: `${NOTICE_LETTER_TITLE}　${venue.name}`,
      footerLeft: plan.documentNumber,
      footerRight: `告知时间：${formatChinaDateTime(data.noticeAt)}`,
    },
  );
  const names = new Map(data.items.map((i) => [i.department, i.departmentName]));
  const departmentName = (code: keyof typeof DEPARTMENT_LABELS) => names.get(code) ?? DEPARTMENT_LABELS[code];

  w.centered(NOTICE_LETTER_TITLE, 20, true);
  w.gap(10);
  w.paragraph(`${venue.name}：`, { size: BODY });
  w.paragraph(
    `根据${quoted(plan.title)}（${plan.documentNumber}），我们定于 ${formatIsoDate(visit.date)} ${visit.startTime}—${visit.endTime} ` +
      `对你单位（地址：${venue.address}）开展部门联合检查。现将有关事项告知如下：`,
    P,
  );

  w.gap(4);
  w.paragraph('一、检查人员', H);
  w.paragraph('本次检查由下列执法人员组成检查组，检查时将主动出示执法证件：', P);
  w.gap(2);
  const team: TableRow[] = data.team.map((o, i) => [
    String(i + 1),
    o.name,
    o.leader ? '组长' : '组员',
    departmentName(o.department),
    o.certificateNumber,
  ]);
  w.table(
    [
      { header: '序号', width: 0.5, align: 'center' },
      { header: '姓名', width: 1.1, align: 'center' },
      { header: '职责', width: 0.7, align: 'center' },
      { header: '所属部门', width: 2.3 },
      { header: '执法证号', width: 1.8, align: 'center' },
    ],
    team,
    { fontSize: 9, compact: true },
  );

  w.gap(6);
  w.paragraph('二、检查事项', H);
  const items: TableRow[] = data.items.map((item, i) => [String(i + 1), item.departmentName, item.code, item.title]);
  if (items.length === 0) items.push([{ text: '（无）', span: 4, align: 'center' }]);
  w.table(
    [
      { header: '序号', width: 0.5, align: 'center' },
      { header: '检查部门', width: 1.8 },
      { header: '编号', width: 0.55, align: 'center' },
      { header: '检查事项', width: 4.1 },
    ],
    items,
    { fontSize: 9, compact: true },
  );

  w.gap(6);
  w.paragraph('三、需准备的材料', H);
  w.paragraph(data.prepare, P);

  w.gap(4);
  w.paragraph('四、其他事项', H);
  w.paragraph(
    '请你单位法定代表人或主要负责人届时在场，如实提供有关情况和材料，配合检查。检查人员对检查中知悉的商业秘密负有保密义务；' +
      '你单位认为检查人员与你单位有直接利害关系的，可以申请回避。',
    P,
  );
  w.paragraph(`告知方式：${NOTICE_MODE_LABELS[data.mode]}　　告知时间：${formatChinaDateTime(data.noticeAt)}`, P);
  if (data.contact) w.paragraph(`联系方式：${data.contact}`, P);

  // The issuing office and date, right-aligned with room above for the official seal.
  w.ensure(22 + 2 * BODY * 1.55);
  w.gap(22);
  const blockWidth = Math.max(w.measure(plan.issuingOffice, BODY), w.measure(formatChinaDate(data.noticeAt), BODY)) + 24;
  for (const text of [plan.issuingOffice, formatChinaDate(data.noticeAt)]) {
    w.line(text, w.right - blockWidth, w.y, { size: BODY, align: 'center', width: blockWidth });
    w.gap(BODY * 1.55);
  }
  return w.finish();
}
