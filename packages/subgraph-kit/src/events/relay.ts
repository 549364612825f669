import { In, IsNull, type DataSource, type Repository } from 'typeorm';
import { runAsBackgroundWork } from '../data-source';
import type { Logger } from 'pino';
import { OutboxEventEntity } from './event.entities';
import { eventFromRow, type DomainEvent } from './outbox';

/** Carries a batch of events to one destination; throws when the destination did not take them. */
export interface EventTransport {
  deliver(destination: string, events: DomainEvent[]): Promise<void>;
  close?(): Promise<void>;
}

/**
 * The embedded transport: posts to the destination subgraph's `/internal/events` with the shared
 * `EVENTS_TOKEN`. No broker to install; the relay retries until the destination answers 2xx.
 */
export class HttpEventTransport implements EventTransport {
  constructor(
    private readonly peers: Record<string, string>,
    private readonly token: string,
    private readonly timeoutMs = 5_000,
  ) {}

  async deliver(destination: string, events: DomainEvent[]): Promise<void> {
    const base = this.peers[destination];
    if (!base) throw new Error(`no address configured for event destination ${destination} (EVENT_PEERS)`);
    const response = await fetch(new URL('/internal/events', base), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ events }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`${destination} answered ${response.status}`);
    await response.arrayBuffer();
  }
}

export interface EventRelayOptions {
  dataSource: DataSource;
  /** This subgraph's name: the `source` of every event it relays. */
  source: string;
  transport: EventTransport;
  logger: Logger;
  /** How often the outbox is read when nothing wakes the relay. */
  intervalMs?: number;
  batchSize?: number;
}

/**
 * Delivers the outbox at least once: reads undelivered rows in the order they were written, sends
 * each destination its batch, and marks the rows delivered only after the destination took them. A
 * destination that is down is retried on the next round; the others are not held up by it.
 */
export class EventRelay {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;

  constructor(private readonly options: EventRelayOptions) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    await this.options.transport.close?.();
  }

  /** One pass over the outbox now; resolves with how many events were delivered. */
  async runOnce(): Promise<number> {
    while (this.running) await this.running;
    let delivered = 0;
    this.running = this.pass().then((count) => {
      delivered = count;
    });
    try {
      await this.running;
    } finally {
      this.running = null;
    }
    return delivered;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.runOnce()
        .catch((error: unknown) => this.options.logger.warn({ err: error }, 'event relay pass failed'))
        .finally(() => this.schedule(this.options.intervalMs ?? 250));
    }, delayMs);
    this.timer.unref();
  }

  private async pass(): Promise<number> {
    // Polling is not what any request costs: its statements stay out of /metrics' count.
    return runAsBackgroundWork(() => this.deliverPending(this.options.dataSource.getRepository(OutboxEventEntity)));
  }

  private async deliverPending(repository: Repository<OutboxEventEntity>): Promise<number> {
    const { source, transport, logger } = this.options;
    const rows = await repository.find({ where: { deliveredAt: IsNull() }, order: { createdAt: 'ASC', eventId: 'ASC' }, take: this.options.batchSize ?? 200 });
    const byDestination = new Map<string, OutboxEventEntity[]>();
    for (const row of rows) byDestination.set(row.destination, [...(byDestination.get(row.destination) ?? []), row]);
    let delivered = 0;
    for (const [destination, batch] of byDestination) {
      const rowsOfBatch = { destination, eventId: In(batch.map((row) => row.eventId)) };
      try {
        await transport.deliver(destination, batch.map((row) => eventFromRow(row, source)));
        await repository.update(rowsOfBatch, { deliveredAt: new Date() });
        delivered += batch.length;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await repository.increment(rowsOfBatch, 'attempts', 1);
        await repository.update(rowsOfBatch, { lastError: message.slice(0, 500) });
        logger.warn({ destination, events: batch.length, err: message }, 'event delivery failed; will retry');
      }
    }
    return delivered;
  }
}
