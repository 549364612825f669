import type { DataSource } from 'typeorm';
import { filteredInspections } from '../inspection/inspection-list.query';
import { INSPECTION_STAGES, STAGE_CONDITIONS, type InspectionStage } from './inspection-stage';

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

  async stagesByStreet(planId: string): Promise<StreetStageCounts[]> {
    const query = filteredInspections(this.dataSource, planId, {}).select('venue.street', 'street');
    for (const stage of INSPECTION_STAGES) query.addSelect(`SUM(CASE WHEN ${STAGE_CONDITIONS[stage]} THEN 1 ELSE 0 END)`, stage);
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
