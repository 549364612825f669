import type { DataSource } from 'typeorm';
import type { Department } from '@dr/domain';
import type { SummaryTableRow } from '@dr/documents';
import { parseResultCodes } from '../section-state';

/** Rows per page: large enough that 100,000 inspections are 100 pages, small enough to stream. */
export const SUMMARY_PAGE = 1_000;

interface PageRow {
  inspection_id: string;
  venue_name: string;
  venue_uscc: string;
  venue_street: string;
  inspected_on: string;
  result_codes: string;
  published_on: string | null;
  section_id: string | null;
  section_codes: string | null;
}
interface Count {
  id: string;
  kind: string;
  n: number | string;
}

// The page walks idx_department_result_plan_day: `inspected_on >= ?` gives the index range, the OR
// only trims the first day's rows already sent.
const PAGE = `SELECT r.inspection_id, r.venue_name, r.venue_uscc, r.venue_street, r.inspected_on, r.result_codes, r.published_on,
  s.id AS section_id, s.result_codes AS section_codes
FROM department_result r LEFT JOIN department_section s ON s.inspection_id = r.inspection_id`;

/**
 * The department's rows of 联合抽查汇总表 for a plan (R-REP-2), read from its own tables only (谁检查、
 * 谁负责): one per inspection whose visit was signed, in order of the visit's day, in keyset pages of
 * {@link SUMMARY_PAGE} so a district's year is never in memory at once. Each page is four statements:
 * the results with their sections, then the outcomes, orders and referrals counted for that page's
 * sections by key (`IN (…)`), so the statements per page do not grow with its rows. The result codes
 * are the entered result's, or the section's until a result is entered.
 */
export async function* departmentSummaryRows(dataSource: DataSource, department: Department, planId: string): AsyncGenerator<SummaryTableRow> {
  let after: { day: string; id: string } | null = null;
  for (;;) {
    const where = after ? 'WHERE r.plan_id = ? AND r.inspected_on >= ? AND (r.inspected_on > ? OR r.inspection_id > ?)' : 'WHERE r.plan_id = ?';
    const params = after ? [planId, after.day, after.day, after.id] : [planId];
    const page: PageRow[] = await dataSource.query(`${PAGE} ${where} ORDER BY r.inspected_on, r.inspection_id LIMIT ${SUMMARY_PAGE}`, params);
    if (page.length) {
      const counts = await pageCounts(dataSource, page);
      for (const raw of page) yield toRow(department, raw, counts);
    }
    if (page.length < SUMMARY_PAGE) return;
    const last = page[page.length - 1];
    after = { day: last.inspected_on, id: last.inspection_id };
  }
}

/** `${id}:${kind}` → count, for the page's sections (outcomes, orders) and inspections (referrals). */
async function pageCounts(dataSource: DataSource, page: PageRow[]): Promise<Map<string, number>> {
  const sections = page.flatMap((r) => (r.section_id ? [r.section_id] : []));
  const inspections = page.map((r) => r.inspection_id);
  const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');
  const queries: Promise<Count[]>[] = [
    dataSource.query(`SELECT inspection_id AS id, 'REFERRAL' AS kind, COUNT(*) AS n FROM referral_sent WHERE inspection_id IN (${marks(inspections.length)}) GROUP BY inspection_id`, inspections),
  ];
  if (sections.length) {
    queries.push(
      dataSource.query(`SELECT section_id AS id, outcome AS kind, COUNT(*) AS n FROM section_item WHERE section_id IN (${marks(sections.length)}) AND outcome IS NOT NULL GROUP BY section_id, outcome`, sections),
      dataSource.query(`SELECT section_id AS id, kind, COUNT(*) AS n FROM section_order WHERE section_id IN (${marks(sections.length)}) GROUP BY section_id, kind`, sections),
    );
  }
  const counts = new Map<string, number>();
  for (const rows of await Promise.all(queries)) for (const row of rows) counts.set(`${row.id}:${row.kind}`, Number(row.n));
  return counts;
}

function toRow(department: Department, raw: PageRow, counts: Map<string, number>): SummaryTableRow {
  const of = (id: string | null, kind: string) => (id ? (counts.get(`${id}:${kind}`) ?? 0) : 0);
  const compliant = of(raw.section_id, 'COMPLIANT');
  const nonCompliant = of(raw.section_id, 'NON_COMPLIANT');
  const notApplicable = of(raw.section_id, 'NOT_APPLICABLE');
  const entered = parseResultCodes(raw.result_codes);
  return {
    department,
    inspectionId: raw.inspection_id,
    venueName: raw.venue_name,
    venueUscc: raw.venue_uscc,
    venueStreet: raw.venue_street,
    inspectedOn: raw.inspected_on,
    checked: compliant + nonCompliant + notApplicable,
    compliant,
    nonCompliant,
    notApplicable,
    stopOrders: of(raw.section_id, 'STOP_ILLEGAL'),
    rectifyOrders: of(raw.section_id, 'RECTIFY'),
    referrals: of(raw.inspection_id, 'REFERRAL'),
    resultCodes: entered.length ? entered : parseResultCodes(raw.section_codes ?? ''),
    publishedOn: raw.published_on,
  };
}
