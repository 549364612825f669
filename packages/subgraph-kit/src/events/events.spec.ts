import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IsNull, type DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { testDatabases } from '@dr/config-jest/databases';
import { createLogger } from '../logger';
import { openTestDataSource } from '../testing';
import { createHttpApp } from '../http';
import { eventTables, InboxEventEntity, OutboxEventEntity } from './event.entities';
import { applyEvents, eventRoutes, type EventHandlers } from './inbox';
import { publishEvent, type DomainEvent } from './outbox';
import { EventRelay, HttpEventTransport } from './relay';

class EventsTest1700000000001 implements MigrationInterface {
  name = 'EventsTest1700000000001';
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of eventTables()) await queryRunner.createTable(table);
    await queryRunner.query('CREATE TABLE applied (id varchar(36) PRIMARY KEY, value varchar(64) NOT NULL)');
  }
  async down(): Promise<void> {}
}

const spec = (name: string) => ({ name, entities: [OutboxEventEntity, InboxEventEntity], migrations: [EventsTest1700000000001] });
const logger = createLogger('events-test', 'silent');
const TOKEN = 'a-secret-of-at-least-thirty-two-characters';

/** A handler whose effect is a row: applying an event twice would fail on the primary key, or count twice. */
const handlers: EventHandlers = {
  'thing.happened': async (manager, event) => {
    const { id, value } = event.payload as { id: string; value: string };
    await manager.query('INSERT INTO applied (id, value) VALUES (?, ?)', [id, value]);
  },
  'thing.failed': async () => {
    throw new Error('consumer refused');
  },
};

describe.each(testDatabases())('events between two subgraphs on %s (transactional outbox, at-least-once relay, idempotent inbox)', (db) => {
  let producer: DataSource;
  let consumer: DataSource;
  const disposers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    const a = await openTestDataSource(spec('producer'), db);
    const b = await openTestDataSource(spec('consumer'), db);
    producer = a.dataSource;
    consumer = b.dataSource;
    disposers.push(a.dispose, b.dispose);
  });
  afterAll(async () => {
    for (const dispose of disposers) await dispose();
  });

  const applied = async () => (await consumer.query('SELECT id, value FROM applied ORDER BY id')) as { id: string; value: string }[];

  it('writes nothing to the outbox when the transaction that published rolls back', async () => {
    await expect(
      producer.transaction(async (manager) => {
        await publishEvent(manager, { source: 'producer', topic: 'thing.happened', payload: { id: 'rolled-back', value: 'x' }, destinations: ['consumer'] });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await producer.getRepository(OutboxEventEntity).countBy({})).toBe(0);
  });

  it('applies an event once however often it is delivered, in sequence or at the same time', async () => {
    const event: DomainEvent = { id: '0b9f8c3e-52a4-4c43-9a1e-2f0c6a7d1e01', source: 'producer', topic: 'thing.happened', occurredAt: new Date().toISOString(), payload: { id: 'once', value: 'v1' } };
    expect(await applyEvents(consumer, [event], handlers, logger)).toBe(1);
    expect(await applyEvents(consumer, [event, event], handlers, logger)).toBe(0);
    await Promise.all([applyEvents(consumer, [event], handlers, logger), applyEvents(consumer, [event], handlers, logger)]);
    expect((await applied()).filter((row) => row.id === 'once')).toEqual([{ id: 'once', value: 'v1' }]);
  });

  it('leaves nothing applied and nothing marked when a handler fails, so the sender retries', async () => {
    const failing: DomainEvent = { id: '7d3c1e54-1b0a-4f8e-8a8f-1c2d3e4f5a60', source: 'producer', topic: 'thing.failed', occurredAt: new Date().toISOString(), payload: {} };
    await expect(applyEvents(consumer, [failing], handlers, logger)).rejects.toThrow('consumer refused');
    expect(await consumer.getRepository(InboxEventEntity).existsBy({ eventId: failing.id })).toBe(false);
  });

  describe('through the embedded HTTP relay', () => {
    let server: Server;
    let consumerUrl: string;
    let up = true;

    beforeAll(async () => {
      const app = createHttpApp({
        service: 'consumer',
        logger,
        apollo: null as never,
        timeBudgetMs: 5_000,
        metricsAccess: { token: undefined, production: false },
        context: async () => ({}),
        health: async () => ({}),
        routes: eventRoutes(consumer, handlers, TOKEN, logger),
      });
      // A consumer that can be "down": answers 503 without touching the routes.
      server = createServer((request, response) => (up ? app.server.emit('request', request, response) : response.writeHead(503).end()));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      consumerUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('delivers committed events in the order they were written, and marks them delivered', async () => {
      await producer.transaction(async (manager) => {
        for (const n of [1, 2, 3]) await publishEvent(manager, { source: 'producer', topic: 'thing.happened', payload: { id: `ordered-${n}`, value: String(n) }, destinations: ['consumer', 'producer'] });
      });
      const relay = new EventRelay({ dataSource: producer, source: 'producer', transport: new HttpEventTransport({ consumer: consumerUrl }, TOKEN), logger });
      expect(await relay.runOnce()).toBe(3);
      expect((await applied()).filter((row) => row.id.startsWith('ordered-')).map((row) => row.value)).toEqual(['1', '2', '3']);
      // A subgraph never sends to itself, and nothing is left to send.
      expect(await producer.getRepository(OutboxEventEntity).countBy({ destination: 'producer' })).toBe(0);
      expect(await relay.runOnce()).toBe(0);
    });

    it('keeps an event while its destination is down and delivers it once the destination is back', async () => {
      await producer.transaction((manager) => publishEvent(manager, { source: 'producer', topic: 'thing.happened', payload: { id: 'after-outage', value: 'late' }, destinations: ['consumer'] }));
      const relay = new EventRelay({ dataSource: producer, source: 'producer', transport: new HttpEventTransport({ consumer: consumerUrl }, TOKEN), logger });
      up = false;
      try {
        expect(await relay.runOnce()).toBe(0);
      } finally {
        up = true;
      }
      const [pending] = await producer.getRepository(OutboxEventEntity).findBy({ deliveredAt: IsNull() });
      expect(pending).toMatchObject({ attempts: 1, lastError: 'consumer answered 503' });
      expect(await relay.runOnce()).toBe(1);
      expect((await applied()).find((row) => row.id === 'after-outage')).toEqual({ id: 'after-outage', value: 'late' });
    });

    it('refuses a delivery without the shared secret, and applies nothing', async () => {
      const event = { id: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d', source: 'intruder', topic: 'thing.happened', occurredAt: new Date().toISOString(), payload: { id: 'forged', value: 'x' } };
      for (const authorization of [undefined, 'Bearer wrong-secret-wrong-secret-wrong-secret']) {
        const response = await fetch(`${consumerUrl}/internal/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: JSON.stringify({ events: [event] }) });
        expect(response.status).toBe(401);
      }
      expect((await applied()).find((row) => row.id === 'forged')).toBeUndefined();
    });
  });
});
