import { randomUUID } from 'node:crypto';
import { DEPARTMENTS, isResultCode, type EventPayloads } from '@dr/domain';
import { forUpdate, z, type DomainEvent, type EventHandlers, type Logger } from '@dr/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { PublicResultCorrectionRow, PublicResultRow } from './public-result.entity';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const publishedSchema = z.object({
  inspectionId: z.string().min(1).max(36),
  planId: z.string().min(1).max(36),
  department: z.enum(DEPARTMENTS),
  venue: z.object({ id: z.string().max(36), name: z.string().min(1).max(200), uscc: z.string().min(1).max(32), street: z.string().max(100) }),
  resultCodes: z.array(z.number().int().refine(isResultCode)).min(1).max(10),
  inspectedOn: day,
  publishedOn: day,
  revision: z.number().int().min(1),
});
const correctedSchema = publishedSchema.extend({ correction: z.object({ reason: z.string().trim().min(1).max(500), correctedOn: day }) });

type Published = EventPayloads['result.published'];

/**
 * Moves the row forward to `result`'s revision, never back: a late, older revision (or the same one
 * delivered under another event id) changes nothing (ADR 0013).
 */
async function upsertForward(manager: EntityManager, result: Published): Promise<void> {
  const key = { inspectionId: result.inspectionId, department: result.department };
  const current = await forUpdate(
    manager.createQueryBuilder(PublicResultRow, 'r').where('r.inspection_id = :inspectionId AND r.department = :department', key),
  ).getOne();
  if (current && current.revision >= result.revision) return;
  await manager.save(PublicResultRow, {
    ...key,
    planId: result.planId,
    venueName: result.venue.name,
    venueUscc: result.venue.uscc,
    venueStreet: result.venue.street,
    resultCodes: result.resultCodes.join(','),
    inspectedOn: result.inspectedOn,
    publishedOn: result.publishedOn,
    revision: result.revision,
    updatedAt: new Date(),
  });
}

/**
 * A payload the contract does not allow, or a department publishing another's result (谁检查、谁公开,
 * R-PUB-1), is logged and acknowledged: retrying cannot mend it, and a stuck event would hold back
 * every later result from that department.
 */
function parseOrSkip<T>(schema: z.ZodType<T>, event: DomainEvent, logger: Logger): T | null {
  const parsed = schema.safeParse(event.payload);
  if (!parsed.success) {
    logger.error({ eventId: event.id, topic: event.topic, source: event.source, issues: parsed.error.issues }, 'public result event refused: payload breaks the contract');
    return null;
  }
  if ((parsed.data as { department: string }).department !== event.source) {
    logger.error({ eventId: event.id, topic: event.topic, source: event.source }, 'public result event refused: a department may publish only its own result');
    return null;
  }
  return parsed.data;
}

/** The office's consumers of the departments' publication events (一公开, R-PUB-1). */
export function publicResultHandlers(logger: Logger): EventHandlers {
  return {
    'result.published': async (manager, event) => {
      const result = parseOrSkip(publishedSchema, event, logger);
      if (result) await upsertForward(manager, result);
    },
    'result.corrected': async (manager, event) => {
      const result = parseOrSkip(correctedSchema, event, logger);
      if (!result) return;
      // Every correction is kept, even one that arrives after a newer revision: the history is public.
      const known = await manager.existsBy(PublicResultCorrectionRow, { inspectionId: result.inspectionId, department: result.department, revision: result.revision });
      if (!known) {
        await manager.insert(PublicResultCorrectionRow, {
          id: randomUUID(),
          inspectionId: result.inspectionId,
          department: result.department,
          revision: result.revision,
          reason: result.correction.reason,
          correctedOn: result.correction.correctedOn,
          resultCodes: result.resultCodes.join(','),
          recordedAt: new Date(),
        });
      }
      await upsertForward(manager, result);
    },
  };
}
