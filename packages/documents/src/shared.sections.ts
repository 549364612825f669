import { DEPARTMENT_LABELS, formatChinaDateTime, formatVisitTime } from './labels';
import type { PageWriter, TableRow } from './page.layout';
import type { DepartmentCode, OfficerInfo, RecordFormData, SignatureInfo } from './types';

/** Signature images are drawn small, as a handwritten name in a form's cell. */
export const SIGNATURE_SIZE = { width: 92, height: 30 };

type DepartmentNames = Partial<Record<DepartmentCode, string>>;

/** The departments' full names as the data gives them, falling back to the short labels. */
export function departmentNames(departments: { department: DepartmentCode; name: string }[]): DepartmentNames {
  return Object.fromEntries(departments.map((d) => [d.department, d.name]));
}

export function departmentName(code: DepartmentCode | null, names: DepartmentNames): string {
  if (!code) return '—';
  return names[code] ?? DEPARTMENT_LABELS[code];
}

const orDash = (value: string | null | undefined) => (value && value.trim() ? value : '—');

/** The inspection's who, where and when, as a key-value table. */
export function drawInspectionHeader(w: PageWriter, data: RecordFormData): void {
  const { plan, venue, inspection } = data;
  const rows: TableRow[] = [
    ['抽查计划文号', plan.documentNumber, '组织单位', plan.issuingOffice],
    ['检查对象名称', { text: venue.name, span: 3 }],
    ['统一社会信用代码', venue.uscc, '所属街道', orDash(venue.street)],
    ['经营场所地址', { text: venue.address, span: 3 }],
    ['法定代表人', orDash(venue.legalRepresentative), '联系电话', orDash(venue.phone)],
    ['检查时间', { text: orDash(formatVisitTime(inspection.date, inspection.startTime, inspection.endTime)), span: 3 }],
  ];
  w.table([{ width: 1.35 }, { width: 2.3 }, { width: 1.05 }, { width: 2.2 }], rows, { fontSize: 9.5, labelColumns: [0, 2] });
}

/** 检查组: one row per officer, the leader marked 组长. */
export function drawTeamTable(w: PageWriter, team: OfficerInfo[], names: DepartmentNames): void {
  const rows: TableRow[] = team.map((officer, i) => [
    String(i + 1),
    officer.name,
    officer.leader ? '组长' : '组员',
    departmentName(officer.department, names),
    officer.certificateNumber,
  ]);
  if (rows.length === 0) rows.push([{ text: '（未列出检查组成员）', span: 5, align: 'center' }]);
  w.table(
    [
      { header: '序号', width: 0.5, align: 'center' },
      { header: '姓名', width: 1.1, align: 'center' },
      { header: '职责', width: 0.7, align: 'center' },
      { header: '所属部门', width: 2.3 },
      { header: '执法证号', width: 1.8, align: 'center' },
    ],
    rows,
    { fontSize: 9.5 },
  );
}

/** Officers' signatures with name, department, 执法证号, time and the signature image. */
export function drawSignatureTable(w: PageWriter, signatures: SignatureInfo[], names: DepartmentNames, emptyText: string): void {
  const rows: TableRow[] = signatures.map((s, i) => [
    String(i + 1),
    s.name,
    departmentName(s.department, names),
    orDash(s.certificateNumber),
    formatChinaDateTime(s.signedAt),
    { images: [{ data: s.image, ...SIGNATURE_SIZE, label: `signature of ${s.name}` }] },
  ]);
  if (rows.length === 0) rows.push([{ text: emptyText, span: 6, align: 'center' }]);
  w.table(
    [
      { header: '序号', width: 0.45, align: 'center' },
      { header: '姓名', width: 0.9, align: 'center' },
      { header: '所属部门', width: 1.75 },
      { header: '执法证号', width: 1.35, align: 'center' },
      { header: '签名时间', width: 1.45, align: 'center' },
      { header: '签名', width: 1.5, align: 'center' },
    ],
    rows,
    { fontSize: 9 },
  );
}
