import type { DataSource } from 'typeorm';
import { mayManageOffice, type Principal } from '@dr/domain';
import { filteredInspections } from '../inspection/inspection-list.query';
import { INSPECTION_STAGES, stageCondition, type InspectionStage } from './inspection-stage';

export type StageCounts = Record<InspectionStage, number>;

export interface StreetStageCounts {
  street: string;
  counts: StageCounts;
}

/**
 * The office's progress figures for one plan, counted from the inspection rows (never from counters):
 * one GROUP BY over the plan's inspections and their venues' streets. Reports reuse it for the 汇总表.
 */
export class PlanProgressService {
  constructor(private readonly dataSource: DataSource) {}

  /** The counts as `viewer` may see them: the same conditions as the list each count opens. */
  async stagesByStreet(planId: string, viewer: Principal): Promise<StreetStageCounts[]> {
    const query = filteredInspections(this.dataSource, planId, {}, viewer).select('venue.street', 'street');
    for (const stage of INSPECTION_STAGES) query.addSelect(`SUM(CASE WHEN ${stageCondition(stage, mayManageOffice(viewer))} THEN 1 ELSE 0 END)`, stage);
    const rows = await query.groupBy('venue.street').orderBy('venue.street', 'ASC').getRawMany<Record<string, string | number | null>>();
    return rows
      .map((row) => ({ street: String(row.street), counts: Object.fromEntries(INSPECTION_STAGES.map((stage) => [stage, Number(row[stage] ?? 0)])) as StageCounts }))
      .filter((row) => row.counts.DRAWN > 0);
  }
}

/** Adds the streets' counts up to the plan's. */
export function totalOf(streets: StreetStageCounts[]): StageCounts {
  const total = Object.fromEntries(INSPECTION_STAGES.map((stage) => [stage, 0])) as StageCounts;
  for (const { counts } of streets) for (const stage of INSPECTION_STAGES) total[stage] += counts[stage];
  return total;
}
