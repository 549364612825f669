import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DEPARTMENTS } from '@dr/domain';
import { z, type DomainEvent, type Logger } from '@dr/subgraph-kit';
import { RecordAmendment } from './visit.entities';

const text = (max: number) => z.string().max(max).nullable();
const amendedSchema = z.object({
  inspectionId: z.string().min(1).max(36),
  department: z.enum(DEPARTMENTS),
  version: z.number().int().min(1),
  reason: z.string().trim().min(1).max(500),
  amendedByName: z.string().min(1).max(50),
  amendedAt: z.iso.datetime(),
  changes: z.array(z.object({ field: z.string().max(100), label: z.string().max(200), before: text(5000), after: text(5000) })).min(1).max(200),
});

/**
 * `section.amended` (department → office): keeps every amendment of a submitted section, once per
 * (inspection, department, version). Whether it came after signing is decided when it is read, against
 * the snapshot's section versions, so the order in which the event and the first signature arrive does
 * not matter. A payload that breaks the contract, or names another department than its sender, is
 * logged and acknowledged: retrying cannot mend it.
 */
export async function applySectionAmended(manager: EntityManager, event: DomainEvent, logger: Logger): Promise<void> {
  const parsed = amendedSchema.safeParse(event.payload);
  if (!parsed.success || parsed.data.department !== event.source) {
    logger.error({ eventId: event.id, topic: event.topic, source: event.source, issues: parsed.success ? 'department is not the sender' : parsed.error.issues }, 'section.amended refused');
    return;
  }
  const amendment = parsed.data;
  const key = { inspectionId: amendment.inspectionId, department: amendment.department, sectionVersion: amendment.version };
  if (await manager.existsBy(RecordAmendment, key)) return;
  await manager.insert(RecordAmendment, {
    id: randomUUID(),
    ...key,
    reason: amendment.reason,
    amendedByName: amendment.amendedByName,
    amendedAt: new Date(amendment.amendedAt),
    changes: JSON.stringify(amendment.changes.map(({ field, label, before, after }) => ({ field, label, before, after }))),
    acknowledgedAt: null,
    acknowledgedByName: null,
    acknowledgementSha256: null,
    acknowledgementRecordedBy: null,
  });
}
