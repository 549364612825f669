import type { EntityManager } from 'typeorm';
import { chinaDateOf, type EventPayloads } from '@dr/domain';
import { publishEvent } from '@dr/subgraph-kit';
import type { Inspection } from '../inspection/inspection.entity';
import type { TeamMember } from '../inspection/team-member.entity';
import type { Plan } from '../plan/plan.entity';
import { Venue } from '../venue/venue.entity';

/**
 * Tells each participating department, in the transaction that completes the visit (R-VISIT-3), that
 * its result is formed (ADR 0013): the venue as the directory knows it and the team, so the department
 * keeps its own read model of who may enter the result and never asks the office back.
 */
export async function publishInspectionSigned(manager: EntityManager, inspection: Inspection, team: TeamMember[], plan: Plan, signedAt: Date): Promise<void> {
  const venue = await manager.findOneByOrFail(Venue, { id: inspection.venueId });
  const signedOn = chinaDateOf(signedAt);
  const payload: EventPayloads['inspection.signed'] = {
    inspectionId: inspection.id,
    planId: plan.id,
    planTitle: plan.title,
    venue: { id: venue.id, name: venue.name, uscc: venue.uscc, street: venue.street },
    // The visit's day ends the inspection (R-PUB-1); a visit signed without a scheduled day ended on signing.
    inspectedOn: inspection.scheduledDate ?? signedOn,
    signedOn,
    teamInspectorIds: team.map((member) => member.inspectorId),
    departments: [...plan.participatingDepartments],
  };
  await publishEvent(manager, { source: 'office', topic: 'inspection.signed', payload, destinations: plan.participatingDepartments });
}
