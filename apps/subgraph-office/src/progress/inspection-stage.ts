import { registerEnumType } from 'type-graphql';
import { InspectionStatus } from '../inspection/inspection.entity';

/**
 * The office's stages of an inspection (docs/visit-lifecycle.md: drawn → scheduled → visited → signed).
 * Each stage counts every inspection that has reached it, so the counts only fall from left to right;
 * the departments own the stages after signing (entered → published → followed up).
 */
export enum InspectionStage {
  DRAWN = 'DRAWN',
  SCHEDULED = 'SCHEDULED',
  VISITED = 'VISITED',
  SIGNED = 'SIGNED',
}
registerEnumType(InspectionStage, {
  name: 'InspectionStage',
  description: '检查进度（已到达该阶段的检查，含其后各阶段）',
  valuesConfig: { DRAWN: { description: '已抽取' }, SCHEDULED: { description: '已安排' }, VISITED: { description: '已上门' }, SIGNED: { description: '已签字' } },
});

export const INSPECTION_STAGES = [InspectionStage.DRAWN, InspectionStage.SCHEDULED, InspectionStage.VISITED, InspectionStage.SIGNED] as const;

/**
 * One SQL condition per stage over the alias `inspection`, used both by the counts and by the list a count
 * drills into, so the two cannot disagree. Cancelled inspections (redrawn) are in no stage.
 * Visited: the officers began signing the record form on site (IN_PROGRESS) or it is complete.
 */
export const STAGE_CONDITIONS: Record<InspectionStage, string> = {
  DRAWN: `inspection.status <> '${InspectionStatus.CANCELLED}'`,
  SCHEDULED: `(inspection.visit_start_time IS NOT NULL AND inspection.status <> '${InspectionStatus.CANCELLED}' OR inspection.status IN ('${InspectionStatus.IN_PROGRESS}', '${InspectionStatus.COMPLETED}'))`,
  VISITED: `inspection.status IN ('${InspectionStatus.IN_PROGRESS}', '${InspectionStatus.COMPLETED}')`,
  SIGNED: `inspection.status = '${InspectionStatus.COMPLETED}'`,
};
