import { DEPARTMENT_NAMES, resultLabel, type Department } from '@dr/domain';
import { badInput } from '@dr/subgraph-kit';
import { In, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { Plan } from '../plan/plan.entity';
import { PublicResultCorrectionRow, PublicResultRow } from './public-result.entity';
import type { PublicResult } from './public-result.types';

/** The filters the page, the query and the open-data files share. */
export interface PublicResultQuery {
  planId?: string | null;
  department?: Department | null;
  search?: string | null;
}

/** A search of 18 letters and digits is a 统一社会信用代码 and matches exactly (indexed); anything else is part of a name. */
const USCC_SEARCH = /^[0-9A-Z]{18}$/;
/** A venue's own page answers for at most this many results (a venue is inspected a few times a year). */
export const VENUE_RESULTS_LIMIT = 200;

/** A search text in either form, or `null`; a USCC typed in lower case still matches. */
export function normalizeUscc(text: string): string | null {
  const code = text.trim().toUpperCase();
  return USCC_SEARCH.test(code) ? code : null;
}

const codesOf = (stored: string) => stored.split(',').filter(Boolean).map(Number);
const labelsOf = (codes: number[]) => codes.map((code) => resultLabel(code) ?? `结果代码 ${code}`);

/** Reads the public read model: only what departments published, in the page's order. */
export class PublicResultService {
  constructor(private readonly dataSource: DataSource) {}

  private filtered(filter: PublicResultQuery): SelectQueryBuilder<PublicResultRow> {
    const query = this.dataSource.getRepository(PublicResultRow).createQueryBuilder('r');
    if (filter.planId) query.andWhere('r.plan_id = :planId', { planId: filter.planId });
    if (filter.department) query.andWhere('r.department = :department', { department: filter.department });
    const search = filter.search?.trim();
    if (search) {
      const uscc = normalizeUscc(search);
      if (uscc) query.andWhere('r.venue_uscc = :uscc', { uscc });
      // `!` escapes LIKE's wildcards the same way on SQLite and MariaDB (as containsText does).
      else query.andWhere("r.venue_name LIKE :pattern ESCAPE '!'", { pattern: `%${search.replace(/[!%_]/g, (c) => `!${c}`)}%` });
    }
    return query;
  }

  private ordered(query: SelectQueryBuilder<PublicResultRow>): SelectQueryBuilder<PublicResultRow> {
    // The same columns as idx_public_result_order, so a page is an index walk, not a sort.
    return query.orderBy('r.published_on', 'DESC').addOrderBy('r.venue_name', 'ASC').addOrderBy('r.inspection_id', 'ASC').addOrderBy('r.department', 'ASC');
  }

  /** One page of results and the total; `offset` comes from the cursor. */
  async page(filter: PublicResultQuery, offset: number, first: number): Promise<{ nodes: PublicResult[]; total: number }> {
    const [rows, total] = await Promise.all([this.rows(filter, offset, first), this.filtered(filter).getCount()]);
    return { nodes: await this.views(rows), total };
  }

  /** Rows `offset .. offset + size` for the open-data files (read in chunks, never all at once). */
  async chunk(filter: PublicResultQuery, offset: number, size: number): Promise<PublicResult[]> {
    return this.views(await this.rows(filter, offset, size));
  }

  /**
   * A deferred join: the keys of the page come from the order index alone (it holds the name and the
   * key columns), then only those rows are read. Reading whole rows while skipping `offset` of them made
   * MariaDB sort the table instead (a page 250 deep took 600 ms on 100,000 rows; `bench:public`).
   */
  private async rows(filter: PublicResultQuery, offset: number, limit: number): Promise<PublicResultRow[]> {
    const keys = await this.ordered(this.filtered(filter))
      .select(['r.inspectionId', 'r.department'])
      .offset(offset)
      .limit(limit)
      .getMany();
    if (!keys.length) return [];
    const found = await this.dataSource.getRepository(PublicResultRow).find({ where: { inspectionId: In([...new Set(keys.map((k) => k.inspectionId))]) } });
    const byKey = new Map(found.map((row) => [`${row.inspectionId}/${row.department}`, row]));
    return keys.map((key) => byKey.get(`${key.inspectionId}/${key.department}`)).filter((row): row is PublicResultRow => row !== undefined);
  }

  async count(filter: PublicResultQuery): Promise<number> {
    return this.filtered(filter).getCount();
  }

  /** The plans that have published results, for the page's filter (a handful; plans are few). */
  async plans(): Promise<{ id: string; title: string }[]> {
    const ids = await this.dataSource.getRepository(PublicResultRow).createQueryBuilder('r').select('DISTINCT r.plan_id', 'planId').getRawMany<{ planId: string }>();
    if (!ids.length) return [];
    return this.dataSource.getRepository(Plan).find({ select: { id: true, title: true }, where: { id: In(ids.map((row) => row.planId)) }, order: { issueDate: 'DESC' } });
  }

  /** Every published result of one venue, newest first; `null` when it has none. */
  async venue(usccInput: string): Promise<{ uscc: string; venueName: string; street: string; results: PublicResult[] } | null> {
    const uscc = usccInput.trim().toUpperCase();
    if (!/^[0-9A-Z]{15,18}$/.test(uscc)) throw badInput('uscc', '统一社会信用代码应为 18 位数字或大写字母');
    const rows = await this.ordered(this.filtered({}).andWhere('r.venue_uscc = :uscc', { uscc })).limit(VENUE_RESULTS_LIMIT).getMany();
    if (!rows.length) return null;
    return { uscc, venueName: rows[0].venueName, street: rows[0].venueStreet, results: await this.views(rows) };
  }

  /** Rows to the public shape: plan names from the office's plan table, labels from R-RES-2, corrections attached (two statements). */
  private async views(rows: PublicResultRow[]): Promise<PublicResult[]> {
    if (!rows.length) return [];
    const [plans, corrections] = await Promise.all([
      this.dataSource.getRepository(Plan).find({ select: { id: true, title: true }, where: { id: In([...new Set(rows.map((r) => r.planId))]) } }),
      this.dataSource.getRepository(PublicResultCorrectionRow).find({ where: { inspectionId: In([...new Set(rows.map((r) => r.inspectionId))]) }, order: { revision: 'ASC' } }),
    ]);
    const planNames = new Map(plans.map((p) => [p.id, p.title]));
    return rows.map((row) => {
      const codes = codesOf(row.resultCodes);
      return {
        inspectionId: row.inspectionId,
        planId: row.planId,
        planName: planNames.get(row.planId) ?? '',
        department: row.department,
        departmentName: DEPARTMENT_NAMES[row.department]?.full ?? row.department,
        venueName: row.venueName,
        uscc: row.venueUscc,
        street: row.venueStreet,
        resultCodes: codes,
        resultLabels: labelsOf(codes),
        inspectedOn: row.inspectedOn,
        publishedOn: row.publishedOn,
        revision: row.revision,
        corrections: corrections
          .filter((c) => c.inspectionId === row.inspectionId && c.department === row.department)
          .map((c) => ({ revision: c.revision, reason: c.reason, correctedOn: c.correctedOn, resultLabels: labelsOf(codesOf(c.resultCodes)) })),
      };
    });
  }
}
