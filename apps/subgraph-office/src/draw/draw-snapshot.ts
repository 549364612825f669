import type { EntityManager } from 'typeorm';
import type { InspectorRecord, VenueRecord } from '@dr/domain';
import { Venue } from '../venue/venue.entity';
import { Inspector } from '../inspector/inspector.entity';
import { InspectorConflict } from '../inspector/conflict.entity';

/**
 * The directories as they stand, reduced to what the draw reads (docs/draw-algorithm.md "Inputs").
 * Read with plain column selects: a 100,000-venue directory is one statement, no entity hydration.
 */
export async function readDrawSnapshot(manager: EntityManager): Promise<{ venues: VenueRecord[]; inspectors: InspectorRecord[] }> {
  const venueRows: { id: string; street: string; status: string; riskClass: string; date: string | null; problem: number | boolean | null }[] = await manager
    .createQueryBuilder(Venue, 'v')
    .select(['v.id AS id', 'v.street AS street', 'v.status AS status', 'v.risk_class AS riskClass', 'v.last_inspection_date AS date', 'v.last_inspection_problem_found AS problem'])
    .orderBy('v.id', 'ASC')
    .getRawMany();
  const venues = venueRows.map(
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
