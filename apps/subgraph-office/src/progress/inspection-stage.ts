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

/**
 * R-NOTE-1: an undisclosed visit not yet begun, which the viewer (parameter `:viewer`, their officer id)
 * is not on the team of. For such a viewer it is not "scheduled": its being scheduled is hidden with its date.
 */
const HIDDEN_FROM_VIEWER = `(inspection.notice_mode = 'UNDISCLOSED' AND inspection.status NOT IN ('${InspectionStatus.IN_PROGRESS}', '${InspectionStatus.COMPLETED}') AND NOT EXISTS (SELECT 1 FROM team_member viewer WHERE viewer.inspection_id = inspection.id AND viewer.inspector_id = :viewer))`;

/**
 * The condition of a stage as a viewer may see it: the joint office sees every inspection as it is;
 * anyone else does not see an undisclosed visit they are not on as scheduled. The query must set `:viewer`
 * when `seesEverything` is false.
 */
export function stageCondition(stage: InspectionStage, seesEverything: boolean): string {
  if (seesEverything || stage !== InspectionStage.SCHEDULED) return STAGE_CONDITIONS[stage];
  return `(${STAGE_CONDITIONS[stage]} AND NOT ${HIDDEN_FROM_VIEWER})`;
}
