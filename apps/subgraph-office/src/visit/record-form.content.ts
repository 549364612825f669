import { createHash } from 'node:crypto';
import type { RecordFormData } from '@dr/documents';
import { DEPARTMENT_NAMES, resultLabel, type Department } from '@dr/domain';
import type { DepartmentSectionData } from './department-sections.client';

const STATUS_LABELS: Record<string, string> = { NOT_STARTED: '未开始', IN_PROGRESS: '检查中（未提交）', SUBMITTED: '已提交' };

export type RecordFormDepartment = RecordFormData['departments'][number];

/**
 * What the officers sign (ADR 0015): every department's part of the record form as printed, and the
 * section version it was read at (an amendment with a higher version came after signing).
 */
export interface SignedContent {
  format: 'dr-record-form/1';
  departments: RecordFormDepartment[];
  sectionVersions: Partial<Record<Department, number>>;
}

/** The departments' sections as the record form prints them, in the plan's order. */
export function recordFormDepartments(departments: readonly Department[], sections: Map<Department, DepartmentSectionData | null>): RecordFormDepartment[] {
  return departments.map((department) => {
    const section = sections.get(department);
    return {
      department,
      name: DEPARTMENT_NAMES[department].full,
      status: STATUS_LABELS[section?.status ?? 'NOT_STARTED'],
      items: [...(section?.items ?? [])]
        .sort((a, b) => a.checkItem.order - b.checkItem.order)
        .map((item) => ({ code: item.checkItem.code, title: item.checkItem.title, legalBasis: item.checkItem.legalBasis, outcome: item.outcome, note: item.note, evidenceCount: item.evidence.length })),
      resultCodes: (section?.resultCodes ?? []).map((code) => ({ code, label: resultLabel(code) ?? '' })),
      onSiteRecord: section?.onSiteRecord ?? null,
      orders: (section?.orders ?? []).map(({ kind, delivery, content, deadline }) => ({ kind, delivery, content, deadline })),
      amendments: (section?.amendments ?? []).map((a) => ({ at: new Date(a.amendedAt), by: a.amendedBy, reason: a.reason, summary: changeSummary(a.changes) })),
    };
  });
}

/** `label：before → after；…`, as the 更正记录 prints a change. */
export function changeSummary(changes: { label: string; before: string | null; after: string | null }[]): string {
  return changes.map((c) => `${c.label}：${c.before ?? '（空）'} → ${c.after ?? '（空）'}`).join('；');
}

/** The content to sign and its SHA-256, over exactly the JSON that is stored. */
export function freezeContent(departments: readonly Department[], sections: Map<Department, DepartmentSectionData | null>): { json: string; sha256: string } {
  const content: SignedContent = {
    format: 'dr-record-form/1',
    departments: recordFormDepartments(departments, sections),
    sectionVersions: Object.fromEntries(departments.map((department) => [department, sections.get(department)?.version ?? 0])),
  };
  const json = JSON.stringify(content);
  return { json, sha256: createHash('sha256').update(json, 'utf8').digest('hex') };
}

/** The stored content, dates revived; refused if the bytes no longer match the hash the signatures commit to. */
export function readContent(json: string, sha256: string): SignedContent {
  if (createHash('sha256').update(json, 'utf8').digest('hex') !== sha256) throw new Error('signed record content does not match its hash');
  const content = JSON.parse(json) as SignedContent;
  for (const department of content.departments) for (const amendment of department.amendments) amendment.at = new Date(amendment.at);
  return content;
}

/** An amendment the signed content does not hold: its section version is above the snapshot's for its department. */
export function signedAfter(amendment: { department: string; sectionVersion: number }, snapshot: { content: string }): boolean {
  const versions = (JSON.parse(snapshot.content) as SignedContent).sectionVersions as Record<string, number>;
  return amendment.sectionVersion > (versions[amendment.department] ?? 0);
}
