import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { OutboxEventEntity } from './event.entities';

/** What travels between subgraphs: one fact that happened in `source`, for the subscribers named at publication. */
export interface DomainEvent<Payload = unknown> {
  /** Unique per event; a consumer applies each id once. */
  id: string;
  /** The subgraph that owns the change (`office`, `culture` …). */
  source: string;
  /** What happened, `noun.verb` in the past tense (`inspection.signed`). */
  topic: string;
  /** ISO time of the change. */
  occurredAt: string;
  payload: Payload;
}

/**
 * Writes an event into the outbox inside the caller's transaction (`manager`), one row per destination.
 * The relay delivers it after the transaction commits; if the transaction rolls back, nothing is sent.
 */
export async function publishEvent<Payload>(
  manager: EntityManager,
  event: { source: string; topic: string; payload: Payload; destinations: readonly string[] },
): Promise<DomainEvent<Payload>> {
  const published: DomainEvent<Payload> = { id: randomUUID(), source: event.source, topic: event.topic, occurredAt: new Date().toISOString(), payload: event.payload };
  const payload = JSON.stringify({ occurredAt: published.occurredAt, payload: published.payload });
  const createdAt = new Date(published.occurredAt);
  for (const destination of new Set(event.destinations)) {
    if (destination === event.source) continue;
    await manager.insert(OutboxEventEntity, { eventId: published.id, destination, topic: event.topic, payload, createdAt, deliveredAt: null, attempts: 0, lastError: null });
  }
  return published;
}

/** Rebuilds the event a row carries. */
export function eventFromRow(row: OutboxEventEntity, source: string): DomainEvent {
  const stored = JSON.parse(row.payload) as { occurredAt: string; payload: unknown };
  return { id: row.eventId, source, topic: row.topic, occurredAt: stored.occurredAt, payload: stored.payload };
}
