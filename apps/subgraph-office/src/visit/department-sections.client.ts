import type { Department } from '@dr/domain';
import { queryGraph } from '@dr/subgraph-kit';

/** A department's part of a visit, as the record form and the signing rules read it from the graph. */
export interface DepartmentSectionData {
  status: 'NOT_STARTED' | 'IN_PROGRESS' | 'SUBMITTED';
  version: number;
  submittedAt: string | null;
  resultCodes: number[];
  items: { outcome: 'COMPLIANT' | 'NON_COMPLIANT' | 'NOT_APPLICABLE' | null; note: string | null; evidence: { id: string }[]; checkItem: { code: string; title: string; legalBasis: string; order: number } }[];
  onSiteRecord: { facts: string; personsPresent: string } | null;
  orders: { kind: 'STOP_ILLEGAL' | 'RECTIFY'; delivery: 'WRITTEN' | 'ORAL' | 'MOBILE_PRINTED'; content: string; deadline: string | null }[];
  amendments: { version: number; reason: string; amendedBy: string; amendedAt: string; changes: { label: string; before: string | null; after: string | null }[] }[];
}

const SECTION_FIELDS = `status version submittedAt resultCodes
  items { outcome note evidence { id } checkItem { code title legalBasis order } }
  onSiteRecord { facts personsPresent }
  orders { kind delivery content deadline }
  amendments { version reason amendedBy amendedAt changes { label before after } }`;

/**
 * Reads the departments' sections of an inspection through the graph (the gateway), on behalf of the
 * caller and with the caller's token: the office never reads a department's tables.
 */
export class DepartmentSections {
  constructor(
    private readonly gatewayUrl: string,
    private readonly timeoutMs = 15_000,
  ) {}

  async fetch(inspectionId: string, departments: readonly Department[], authorization: string | null): Promise<Map<Department, DepartmentSectionData | null>> {
    const fields = departments.map((department) => `${department}Section { ${SECTION_FIELDS} }`).join('\n');
    const data = await queryGraph<{ inspection: Record<string, DepartmentSectionData | null> | null }>(this.gatewayUrl, {
      query: `query RecordFormSections($id: ID!) { inspection(id: $id) { id ${fields} } }`,
      variables: { id: inspectionId },
      authorization,
      unavailable: '暂时无法读取各部门的检查记录，请稍后重试',
      timeoutMs: this.timeoutMs,
    });
    const inspection = data.inspection ?? {};
    return new Map(departments.map((department) => [department, inspection[`${department}Section`] ?? null]));
  }
}
