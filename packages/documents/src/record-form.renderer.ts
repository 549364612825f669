import {
  ORDER_DELIVERY_LABELS,
  ORDER_KIND_LABELS,
  REFUSAL_TITLE,
  chineseNumeral,
  formatChinaDateTime,
  formatIsoDate,
  outcomeLabel,
} from './labels';
import { PageWriter, type TableRow } from './page.layout';
import {
  SIGNATURE_SIZE,
  departmentNames,
  drawInspectionHeader,
  drawSignatureTable,
  drawTeamTable,
} from './shared.sections';
import type { AmendmentAfterSigning, RecordFormData } from './types';

export const RECORD_FORM_TITLE = '部门联合抽查检查情况记录表';

type Department = RecordFormData['departments'][number];

const KEY_VALUE = [{ width: 1.35 }, { width: 5.55 }];
/** Characters; a longer item note goes to a 附注 row under the items. */
const LONG_NOTE = 80;

function drawDepartment(w: PageWriter, d: Department, index: number): void {
  w.gap(12);
  w.sectionHeading(`${chineseNumeral(index)}、${d.name}检查情况`, d.status ? `状态：${d.status}` : '');

  // A long note would stretch its row over pages in the narrow column; it is printed in full below.
  const notes: TableRow[] = [];
  const noteCell = (code: string, note: string | null) => {
    if (!note || note.length <= LONG_NOTE) return note ?? '';
    notes.push([`附注${notes.length + 1}（${code}）`, note]);
    return `见附注${notes.length}`;
  };
  const items: TableRow[] = d.items.map((item, i) => [
    String(i + 1),
    item.code,
    item.title,
    item.legalBasis,
    { text: outcomeLabel(item.outcome), bold: item.outcome === 'NON_COMPLIANT' },
    noteCell(item.code, item.note),
    String(item.evidenceCount),
  ]);
  if (items.length === 0) items.push([{ text: '（本部门无检查事项）', span: 7, align: 'center' }]);
  w.table(
    [
      { header: '序号', width: 0.42, align: 'center' },
      { header: '编号', width: 0.5, align: 'center' },
      { header: '检查事项', width: 2.05 },
      { header: '检查依据', width: 1.85 },
      { header: '结果', width: 0.66, align: 'center' },
      { header: '备注', width: 1.55 },
      { header: '证据', width: 0.55, align: 'center' },
    ],
    items,
  );

  const results = d.resultCodes.map((r) => `${r.code} ${r.label}`).join('；');
  const summary: TableRow[] = [...notes, ['检查结果', results || '（未填写）']];
  if (d.orders.length === 0) summary.push(['处理措施', '无']);
  w.table(KEY_VALUE, summary, { fontSize: 9.5, labelColumns: [0] });

  if (d.onSiteRecord) {
    w.gap(8);
    w.caption('现场笔录');
    w.table(
      KEY_VALUE,
      [
        ['现场检查情况', d.onSiteRecord.facts],
        ['在场人员', d.onSiteRecord.personsPresent],
      ],
      { fontSize: 9.5, labelColumns: [0] },
    );
  }

  if (d.orders.length > 0) {
    w.gap(8);
    w.caption('处理措施');
    w.table(
      [
        { header: '序号', width: 0.42, align: 'center' },
        { header: '措施', width: 1.3, align: 'center' },
        { header: '送达方式', width: 1.05, align: 'center' },
        { header: '内容', width: 3.1 },
        { header: '改正期限', width: 1.05, align: 'center' },
      ],
      d.orders.map((order, i) => [
        String(i + 1),
        ORDER_KIND_LABELS[order.kind],
        ORDER_DELIVERY_LABELS[order.delivery],
        order.content,
        order.deadline ? formatIsoDate(order.deadline) : '—',
      ]),
    );
  }

  if (d.amendments.length > 0) {
    w.gap(8);
    w.caption('更正记录');
    w.table(
      [
        { header: '序号', width: 0.42, align: 'center' },
        { header: '更正时间', width: 1.3, align: 'center' },
        { header: '更正人', width: 0.8, align: 'center' },
        { header: '更正原因', width: 1.9 },
        { header: '更正内容', width: 2.5 },
      ],
      d.amendments.map((a, i) => [String(i + 1), formatChinaDateTime(a.at), a.by, a.reason, a.summary]),
    );
  }
}

function drawVenueSignature(w: PageWriter, data: RecordFormData, index: number, names: ReturnType<typeof departmentNames>): void {
  w.gap(12);
  w.sectionHeading(`${chineseNumeral(index)}、被检查对象签字（盖章）`, '', 90);
  const columns = [{ width: 1.35 }, { width: 2.1 }, { width: 1.05 }, { width: 2.4 }];
  if (data.venueSignature) {
    const v = data.venueSignature;
    const stamp = v.stamp
      ? { images: [{ data: v.stamp, width: 78, height: 78, label: 'venue stamp' }] }
      : { text: '（未盖章）', align: 'center' as const };
    w.table(
      columns,
      [
        ['签字人', v.signerName, '签字时间', formatChinaDateTime(v.signedAt)],
        ['签名', { images: [{ data: v.signature, width: 110, height: 40, label: 'venue signature' }] }, '印章', stamp],
      ],
      { fontSize: 9.5, labelColumns: [0, 2] },
    );
    return;
  }
  if (data.refusal) {
    w.table(
      columns,
      [
        [{ text: REFUSAL_TITLE, span: 4, bold: true, align: 'center' }],
        ['情况说明', { text: data.refusal.note, span: 3 }],
        ['记录时间', { text: formatChinaDateTime(data.refusal.at), span: 3 }],
      ],
      { fontSize: 9.5, labelColumns: [0] },
    );
    w.gap(8);
    w.caption('执法人员签名（见证拒签）');
    drawSignatureTable(w, data.refusal.signatures, names, '（尚无执法人员签名）');
    return;
  }
  w.table(columns, [[{ text: '被检查对象尚未签字盖章', span: 4, align: 'center' }]], { fontSize: 9.5 });
}

/**
 * 更正记录 after signing, on a page of its own: what was signed above stays as it was signed; each
 * later amendment is dated, names who and why, shows before → after and whether the venue confirmed it.
 */
function drawAmendmentsAfterSigning(w: PageWriter, amendments: AmendmentAfterSigning[], signedAt: Date | null): void {
  w.addPage();
  w.centered(AMENDMENTS_TITLE, 15, true);
  w.gap(4);
  w.centered(signedAt ? `以上记录表于 ${formatChinaDateTime(signedAt)} 签字；以下为签字后的更正，不改变已签字的内容` : '以下为签字后的更正，不改变已签字的内容', 9.5);
  w.gap(10);
  amendments.forEach((amendment, i) => {
    w.caption(`更正 ${i + 1}`, 120);
    const acknowledgement = amendment.acknowledgement;
    w.table(
      [{ width: 1.2 }, { width: 2.2 }, { width: 1.05 }, { width: 2.45 }],
      [
        ['更正部门', amendment.departmentName, '更正时间', formatChinaDateTime(amendment.at)],
        ['更正人', { text: amendment.by, span: 3 }],
        ['更正原因', { text: amendment.reason, span: 3 }],
        ['更正内容', { text: amendment.summary, span: 3 }],
        acknowledgement
          ? ['被检查对象确认', `${acknowledgement.signerName}（${formatChinaDateTime(acknowledgement.at)}）`, '确认签名', { images: [{ data: acknowledgement.signature, width: 100, height: 36, label: 'venue acknowledgement' }] }]
          : ['被检查对象确认', { text: UNACKNOWLEDGED, span: 3, bold: true }],
      ],
      { fontSize: 9.5, labelColumns: [0, 2] },
    );
    w.gap(8);
  });
}

/** The heading of the amendments page, and what an amendment the venue has not confirmed says. */
export const AMENDMENTS_TITLE = '更正记录（签字后）';
export const UNACKNOWLEDGED = '未经被检查对象确认';

/**
 * Renders 部门联合抽查检查情况记录表 (the joint inspection record form) as an A4 PDF: the header
 * table, the team, one bordered section per department (items, result codes, 现场笔录, orders,
 * 更正记录), the officers' signatures, and the venue's signature and stamp or the refusal note.
 * Long content breaks across pages; every page is numbered 第 N 页 共 M 页.
 *
 * The text is embedded as a subset of the Chinese font with a ToUnicode map, so it can be searched,
 * copied and extracted. The font is read once per process (see {@link loadFonts}).
 *
 * @throws DocumentRenderError `FONT_NOT_FOUND`, `FONT_UNSUPPORTED`, or `IMAGE_UNSUPPORTED` when a
 *   signature or stamp is neither PNG nor JPEG
 */
export async function renderRecordForm(data: RecordFormData): Promise<Buffer> {
  const w = new PageWriter(
    { title: `${RECORD_FORM_TITLE}（${data.venue.name}）`, subject: data.plan.title, author: data.plan.issuingOffice, createdAt: data.generatedAt },
    {
      runningHeader: `${RECORD_FORM_TITLE}　${data.venue.name}`,
      footerLeft: `检查编号：${data.inspection.id}`,
      footerRight: `生成时间：${formatChinaDateTime(data.generatedAt)}`,
    },
  );
  const names = departmentNames(data.departments);

  w.centered(RECORD_FORM_TITLE, 18, true);
  w.gap(2);
  w.centered(data.plan.title, 10.5);
  w.gap(10);
  drawInspectionHeader(w, data);
  w.gap(10);
  w.caption('检查组成员');
  drawTeamTable(w, data.team, names);

  let section = 1;
  for (const department of data.departments) drawDepartment(w, department, section++);

  w.gap(12);
  w.sectionHeading(`${chineseNumeral(section++)}、执法人员签名`, '', SIGNATURE_SIZE.height + 40);
  drawSignatureTable(w, data.officerSignatures, names, '（尚无执法人员签名）');
  drawVenueSignature(w, data, section, names);
  if (data.amendmentsAfterSigning?.length) drawAmendmentsAfterSigning(w, data.amendmentsAfterSigning, data.signedContentAt ?? null);

  return w.finish();
}
