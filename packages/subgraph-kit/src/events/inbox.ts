import { createHash, timingSafeEqual } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import { z } from 'zod';
import { retryingTransaction } from '../data-source';
import { readBody, sendJson, type HttpRoute } from '../http';
import { InboxEventEntity } from './event.entities';
import type { DomainEvent } from './outbox';

/** What a subgraph does with each topic it consumes, inside the transaction that records the event as applied. */
export type EventHandlers = Record<string, (manager: EntityManager, event: DomainEvent) => Promise<void>>;

const eventSchema = z.object({
  id: z.uuid(),
  source: z.string().min(1).max(32),
  topic: z.string().min(1).max(64),
  occurredAt: z.iso.datetime(),
  payload: z.unknown(),
});
const batchSchema = z.object({ events: z.array(eventSchema).max(1000) });

/** A unique or primary key refused the row (SQLite or MariaDB). */
export function isDuplicateKey(error: unknown): boolean {
  const code = (error as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (error as { code?: string }).code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Applies events exactly once each: the handler and the inbox row commit together, so a second
 * delivery of the same id (the relay retries; two replicas may both deliver) finds the inbox row and
 * changes nothing. Returns how many were new. A handler's error stops the batch: the sender retries.
 */
export async function applyEvents(dataSource: DataSource, events: DomainEvent[], handlers: EventHandlers, logger: Logger): Promise<number> {
  let applied = 0;
  for (const event of events) {
    try {
      const fresh = await retryingTransaction(dataSource, async (manager) => {
        if (await manager.existsBy(InboxEventEntity, { eventId: event.id })) return false;
        const handler = handlers[event.topic];
        if (handler) await handler(manager, event);
        else logger.warn({ topic: event.topic, source: event.source }, 'event with no handler acknowledged');
        await manager.insert(InboxEventEntity, { eventId: event.id, source: event.source, topic: event.topic, processedAt: new Date() });
        return true;
      });
      if (fresh) applied++;
    } catch (error) {
      // The same event delivered twice at once: the other delivery applied it.
      if (!isDuplicateKey(error)) throw error;
    }
  }
  return applied;
}

/** Compares a presented shared secret with the expected one in constant time. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * `POST /internal/events`: where the embedded relay of another subgraph delivers. Only callers that
 * hold `EVENTS_TOKEN` may post; the gateway and the public never reach it (the gateway forwards only
 * `/graphql` and `/files/*`, and a deployment's proxy must not expose `/internal/`).
 */
export function eventRoutes(dataSource: DataSource, handlers: EventHandlers, token: string, logger: Logger): HttpRoute[] {
  return [
    {
      method: 'POST',
      pattern: /^\/internal\/events$/,
      async handle(request, response) {
        const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
        if (!match || !sameSecret(match[1], token)) {
          request.resume();
          sendJson(response, 401, { error: 'unauthorized' });
          return;
        }
        let events: DomainEvent[];
        try {
          events = batchSchema.parse(JSON.parse((await readBody(request, 8 * 1024 * 1024)).toString('utf8'))).events as DomainEvent[];
        } catch {
          sendJson(response, 400, { error: 'bad event batch' });
          return;
        }
        const applied = await applyEvents(dataSource, events, handlers, logger);
        sendJson(response, 200, { received: events.length, applied });
      },
    },
  ];
}
