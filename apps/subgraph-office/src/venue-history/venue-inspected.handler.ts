import type { EntityManager } from 'typeorm';
import type { EventPayloads } from '@dr/domain';
import { Venue } from '../venue/venue.entity';

/**
 * `venue.inspected` (department → office, ADR 0013): moves the venue's last inspection (date, problem
 * found), which the next draw's snapshot reads, forward in time only. A later date replaces; the same
 * date keeps a problem any department found that day; an earlier date (a late event) changes nothing.
 * Two guarded UPDATEs rather than read-then-write, so departments' events applied at the same time
 * cannot lose each other's finding (and no SET reads a column another SET of the statement changes,
 * which MySQL evaluates left to right).
 */
export async function applyVenueInspected(manager: EntityManager, payload: EventPayloads['venue.inspected']): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(Venue)
    .set({ lastInspectionDate: payload.date, lastInspectionProblemFound: payload.problemFound })
    .where('id = :id AND (last_inspection_date IS NULL OR last_inspection_date < :date)', { id: payload.venueId, date: payload.date })
    .execute();
  if (payload.problemFound) {
    await manager.createQueryBuilder().update(Venue).set({ lastInspectionProblemFound: true }).where('id = :id AND last_inspection_date = :date', { id: payload.venueId, date: payload.date }).execute();
  }
}
