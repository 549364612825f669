import type { DataSource } from 'typeorm';
import { RESULT_CODES } from '@dr/domain';
import { ResultEntity, type ResultStatusValue } from '../results/result.entity';
import { FollowUpEntity } from '../follow-ups/follow-up.entity';
import { parseResultCodes } from '../section-state';
import { applyFollowUpFilter, applyResultFilter } from './progress-filters';

export interface StreetResultCounts {
  street: string;
  /** Results formed (the visit signed). */
  formed: number;
  entered: number;
  published: number;
}

export interface DepartmentProgress {
  byStatus: Record<ResultStatusValue, number>;
  byStreet: StreetResultCounts[];
  /** Published results carrying each R-RES-2 code (a result with two codes counts for both). */
  resultCodes: { code: number; count: number }[];
  problemsFound: number;
  followUps: { total: number; open: number; rectified: number };
  overdue: { publications: number; referrals: number; followUps: number };
}

const STATUSES: ResultStatusValue[] = ['PENDING_ENTRY', 'PENDING_REVIEW', 'RETURNED', 'PUBLISHED'];

/**
 * A department's progress on one plan, counted from its own tables with GROUP BY (never from counters):
 * results per street and status, published codes, problems found, follow-ups and what is overdue. Each
 * figure uses the filters of the list it drills into (`progress-filters.ts`). Reports reuse these counts.
 */
export class DepartmentProgressService {
  constructor(private readonly dataSource: DataSource) {}

  private results(filter: Parameters<typeof applyResultFilter>[1], today: string) {
    return applyResultFilter(this.dataSource.getRepository(ResultEntity).createQueryBuilder('result'), filter, today);
  }

  private followUps(filter: Parameters<typeof applyFollowUpFilter>[1], today: string) {
    return applyFollowUpFilter(this.dataSource.getRepository(FollowUpEntity).createQueryBuilder('task'), filter, today);
  }

  async progress(planId: string, today: string): Promise<DepartmentProgress> {
    const streetRows = await this.results({ planId }, today)
      .select('result.venue_street', 'street')
      .addSelect('result.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .groupBy('result.venue_street')
      .addGroupBy('result.status')
      .getRawMany<{ street: string; status: ResultStatusValue; count: string | number }>();
    const byStatus = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<ResultStatusValue, number>;
    const streets = new Map<string, StreetResultCounts>();
    for (const row of streetRows) {
      const count = Number(row.count);
      byStatus[row.status] += count;
      const street = streets.get(row.street) ?? { street: row.street, formed: 0, entered: 0, published: 0 };
      street.formed += count;
      if (row.status === 'PENDING_REVIEW' || row.status === 'PUBLISHED') street.entered += count;
      if (row.status === 'PUBLISHED') street.published += count;
      streets.set(row.street, street);
    }

    // A handful of distinct code sets per plan: grouped in SQL, split into codes here.
    const codeRows = await this.results({ planId, status: 'PUBLISHED' }, today)
      .select('result.result_codes', 'codes')
      .addSelect('COUNT(*)', 'count')
      .groupBy('result.result_codes')
      .getRawMany<{ codes: string; count: string | number }>();
    const perCode = new Map<number, number>();
    for (const row of codeRows) for (const code of parseResultCodes(row.codes)) perCode.set(code, (perCode.get(code) ?? 0) + Number(row.count));

    const [problemsFound, publications, referrals, followUpRows, followUpsOverdue] = await Promise.all([
      this.results({ planId, status: 'PUBLISHED', problemFound: true }, today).getCount(),
      this.results({ planId, overdue: true }, today).getCount(),
      this.results({ planId, referralOverdue: true }, today).getCount(),
      this.followUps({ planId }, today)
        .select('task.state', 'state')
        .addSelect('task.outcome', 'outcome')
        .addSelect('COUNT(*)', 'count')
        .groupBy('task.state')
        .addGroupBy('task.outcome')
        .getRawMany<{ state: string; outcome: string | null; count: string | number }>(),
      this.followUps({ planId, overdue: true }, today).getCount(),
    ]);
    const followUps = { total: 0, open: 0, rectified: 0 };
    for (const row of followUpRows) {
      followUps.total += Number(row.count);
      if (row.state === 'OPEN') followUps.open += Number(row.count);
      if (row.outcome === 'RECTIFIED') followUps.rectified += Number(row.count);
    }
    return {
      byStatus,
      byStreet: [...streets.values()].sort((a, b) => (a.street < b.street ? -1 : a.street > b.street ? 1 : 0)),
      resultCodes: RESULT_CODES.map(({ code }) => ({ code, count: perCode.get(code) ?? 0 })),
      problemsFound,
      followUps,
      overdue: { publications, referrals, followUps: followUpsOverdue },
    };
  }
}
