import type { DataSource } from 'typeorm';
import type { Department } from '@dr/domain';
import type { SummaryTableRow } from '@dr/documents';
import { parseResultCodes } from '../section-state';

/** Rows per statement: large enough that 100,000 inspections are 100 statements, small enough to stream. */
export const SUMMARY_PAGE = 1_000;

interface RawRow {
  inspection_id: string;
  venue_name: string;
  venue_uscc: string;
  venue_street: string;
  inspected_on: string;
  result_codes: string;
  section_codes: string | null;
  published_on: string | null;
  compliant: number | string;
  non_compliant: number | string;
  not_applicable: number | string;
  stop_orders: number | string;
  rectify_orders: number | string;
  referrals: number | string;
}

const count = (sql: string) => `COALESCE((${sql}), 0)`;
// One statement per page: the department's result (formed when the visit was signed, ADR 0013) with its
// section's outcomes, orders and referrals counted beside it. Each count reads an index (section_item's
// key, idx_section_order_section, idx_referral_sent_inspection); the page walks idx_department_result_plan_day.
const SELECT = `SELECT r.inspection_id, r.venue_name, r.venue_uscc, r.venue_street, r.inspected_on, r.result_codes, r.published_on,
  s.result_codes AS section_codes,
  ${count("SELECT COUNT(*) FROM section_item i WHERE i.section_id = s.id AND i.outcome = 'COMPLIANT'")} AS compliant,
  ${count("SELECT COUNT(*) FROM section_item i WHERE i.section_id = s.id AND i.outcome = 'NON_COMPLIANT'")} AS non_compliant,
  ${count("SELECT COUNT(*) FROM section_item i WHERE i.section_id = s.id AND i.outcome = 'NOT_APPLICABLE'")} AS not_applicable,
  ${count("SELECT COUNT(*) FROM section_order o WHERE o.section_id = s.id AND o.kind = 'STOP_ILLEGAL'")} AS stop_orders,
  ${count("SELECT COUNT(*) FROM section_order o WHERE o.section_id = s.id AND o.kind = 'RECTIFY'")} AS rectify_orders,
  ${count('SELECT COUNT(*) FROM referral_sent f WHERE f.inspection_id = r.inspection_id')} AS referrals
FROM department_result r LEFT JOIN department_section s ON s.inspection_id = r.inspection_id`;

/**
 * The department's rows of 联合抽查汇总表 for a plan (R-REP-2), read from its own tables only (谁检查、
 * 谁负责): one per inspection whose visit was signed, in order of the visit's day, in keyset pages of
 * {@link SUMMARY_PAGE} so a district's year is never in memory at once. The result codes are the
 * entered result's, or the section's until a result is entered.
 */
export async function* departmentSummaryRows(dataSource: DataSource, department: Department, planId: string): AsyncGenerator<SummaryTableRow> {
  const p = (i: number) => (dataSource.options.type === 'postgres' ? `$${i}` : '?');
  let after: { day: string; id: string } | null = null;
  for (;;) {
    const where = after ? `WHERE r.plan_id = ${p(1)} AND (r.inspected_on > ${p(2)} OR (r.inspected_on = ${p(3)} AND r.inspection_id > ${p(4)}))` : `WHERE r.plan_id = ${p(1)}`;
    const params = after ? [planId, after.day, after.day, after.id] : [planId];
    const page: RawRow[] = await dataSource.query(`${SELECT} ${where} ORDER BY r.inspected_on, r.inspection_id LIMIT ${SUMMARY_PAGE}`, params);
    for (const raw of page) yield toRow(department, raw);
    if (page.length < SUMMARY_PAGE) return;
    const last = page[page.length - 1];
    after = { day: last.inspected_on, id: last.inspection_id };
  }
}

function toRow(department: Department, raw: RawRow): SummaryTableRow {
  const compliant = Number(raw.compliant);
  const nonCompliant = Number(raw.non_compliant);
  const notApplicable = Number(raw.not_applicable);
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
    stopOrders: Number(raw.stop_orders),
    rectifyOrders: Number(raw.rectify_orders),
    referrals: Number(raw.referrals),
    resultCodes: entered.length ? entered : parseResultCodes(raw.section_codes ?? ''),
    publishedOn: raw.published_on,
  };
}
