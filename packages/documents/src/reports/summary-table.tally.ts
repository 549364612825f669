import type { DepartmentTally, ReportMeta, SummaryTableRow } from './summary-table.types';

const COUNTED = ['checked', 'compliant', 'nonCompliant', 'notApplicable', 'stopOrders', 'rectifyOrders', 'referrals'] as const;

/**
 * Sums 汇总表 rows into the lines of 部门联合监管统计表, one per department of `meta` (a department
 * without rows has a line of zeros), fed row by row so a year of rows never has to be in memory.
 */
export class SummaryTally {
  private readonly lines = new Map<string, DepartmentTally>();

  constructor(private readonly meta: Pick<ReportMeta, 'departments' | 'resultCodes'>) {
    for (const d of meta.departments) this.lines.set(d.code, this.empty(d.code, d.name));
  }

  add(row: SummaryTableRow): void {
    const line = this.lines.get(row.department);
    if (!line) return;
    line.inspections += 1;
    if (row.nonCompliant > 0) line.withProblems += 1;
    for (const key of COUNTED) line[key] += row[key];
    for (const code of row.resultCodes) line.byResultCode[code] = (line.byResultCode[code] ?? 0) + 1;
    if (row.publishedOn) line.published += 1;
  }

  /** The departments' lines in the plan's order. */
  departments(): DepartmentTally[] {
    return [...this.lines.values()];
  }

  /** The 合计 line over every department. */
  total(): DepartmentTally {
    const total = this.empty(this.meta.departments[0]?.code ?? 'culture', '合计');
    for (const line of this.lines.values()) {
      for (const key of [...COUNTED, 'inspections', 'withProblems', 'published'] as const) total[key] += line[key];
      for (const { code } of this.meta.resultCodes) total.byResultCode[code] += line.byResultCode[code];
    }
    return total;
  }

  private empty(department: DepartmentTally['department'], name: string): DepartmentTally {
    const byResultCode = Object.fromEntries(this.meta.resultCodes.map((r) => [r.code, 0]));
    return { department, name, inspections: 0, withProblems: 0, checked: 0, compliant: 0, nonCompliant: 0, notApplicable: 0, stopOrders: 0, rectifyOrders: 0, referrals: 0, byResultCode, published: 0 };
  }
}

/** Tallies rows that are all at hand (a test, a small report). */
export function tallyRows(meta: Pick<ReportMeta, 'departments' | 'resultCodes'>, rows: Iterable<SummaryTableRow>): SummaryTally {
  const tally = new SummaryTally(meta);
  for (const row of rows) tally.add(row);
  return tally;
}
