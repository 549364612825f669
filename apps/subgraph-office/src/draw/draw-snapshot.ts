import type { EntityManager } from 'typeorm';
import { Inspection, InspectionStatus } from '../inspection/inspection.entity';
import type { InspectorRecord, VenueRecord } from '@dr/domain';
import { Venue } from '../venue/venue.entity';
import { Inspector } from '../inspector/inspector.entity';
import { InspectorConflict } from '../inspector/conflict.entity';

/**
 * The directories as they stand, reduced to what the draw reads (docs/draw-algorithm.md "Inputs").
 * Read with plain column selects: a 100,000-venue directory is one statement, no entity hydration.
 */
export async function readDrawSnapshot(manager: EntityManager, leaveOut: ReadonlySet<string> = new Set()): Promise<{ venues: VenueRecord[]; inspectors: InspectorRecord[] }> {
  const venueRows: { id: string; street: string; status: string; riskClass: string; date: string | null; problem: number | boolean | null }[] = await manager
    .createQueryBuilder(Venue, 'v')
    .select(['v.id AS id', 'v.street AS street', 'v.status AS status', 'v.risk_class AS riskClass', 'v.last_inspection_date AS date', 'v.last_inspection_problem_found AS problem'])
    .orderBy('v.id', 'ASC')
    .getRawMany();
  const venues = venueRows.filter((row) => !leaveOut.has(row.id)).map(
    (row): VenueRecord => ({
      id: row.id,
      street: row.street,
      status: row.status as VenueRecord['status'],
      riskClass: row.riskClass,
      lastInspection: row.date ? { date: row.date, problemFound: Boolean(row.problem) } : null,
    }),
  );
  const conflicts = await manager.find(InspectorConflict, { select: { inspectorId: true, venueId: true } });
  const byInspector = new Map<string, string[]>();
  for (const conflict of conflicts) byInspector.set(conflict.inspectorId, [...(byInspector.get(conflict.inspectorId) ?? []), conflict.venueId]);
  const inspectors = (await manager.find(Inspector, { order: { id: 'ASC' } })).map(
    (officer): InspectorRecord => ({
      id: officer.id,
      department: officer.department,
      // No start date: valid from the beginning. No end date: never valid, so such an officer is not drawn
      // until the directory records when the certificate expires.
      certificateValidFrom: officer.certificateValidFrom ?? '0000-01-01',
      certificateValidUntil: officer.certificateValidUntil ?? '0000-01-01',
      onLeave: officer.status === 'ON_LEAVE',
      conflictVenueIds: [...new Set(byInspector.get(officer.id) ?? [])].sort(),
    }),
  );
  return { venues, inspectors };
}

/**
 * The venues that already have a task (an inspection not cancelled) in the plan: a plan never draws a
 * venue twice. The tasks of the draw being superseded do not count, since its reveal cancels them.
 */
export async function tasksOfPlan(manager: EntityManager, planId: string, supersededDrawId: string | null): Promise<Set<string>> {
  const query = manager
    .createQueryBuilder(Inspection, 'i')
    .select('DISTINCT i.venue_id', 'venueId')
    .where('i.plan_id = :planId AND i.status <> :cancelled', { planId, cancelled: InspectionStatus.CANCELLED });
  if (supersededDrawId) query.andWhere('(i.draw_id IS NULL OR i.draw_id <> :superseded)', { superseded: supersededDrawId });
  return new Set((await query.getRawMany<{ venueId: string }>()).map((row) => row.venueId));
}
