import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { openTestDataSource } from '@dr/subgraph-kit/testing';
import { testDatabases } from '@dr/config-jest/databases';
import { OFFICE_ENTITIES, OFFICE_MIGRATIONS } from '../src/entities';
import type { LoginThrottleStore } from '../src/auth/login-throttle.store';
import { SqlLoginThrottleStore } from '../src/auth/login-throttle-sql.store';
import { RedisLoginThrottleStore } from '../src/auth/login-throttle-redis.store';
import { LoginThrottle } from '../src/auth/login-throttle.entity';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const FORGET_AFTER_SECONDS = 60;

interface Subject {
  sut: LoginThrottleStore;
  /** What the backing store itself holds under a key (to see that expiry is the store's, not only the policy's). */
  rawTtlSeconds: (key: string) => Promise<number | null>;
  dispose: () => Promise<void>;
}

async function sqlSubject(db: 'sqlite' | 'mariadb'): Promise<Subject> {
  const { dataSource, dispose } = await openTestDataSource({ name: 'office', entities: OFFICE_ENTITIES, migrations: OFFICE_MIGRATIONS }, db);
  return {
    sut: new SqlLoginThrottleStore(dataSource, FORGET_AFTER_SECONDS),
    rawTtlSeconds: async (key) => {
      const row = await dataSource.getRepository(LoginThrottle).findOneBy({ key });
      return row ? Math.round((row.expiresAt.getTime() - row.lastFailureAt.getTime()) / 1000) : null;
    },
    dispose,
  };
}

async function redisSubject(): Promise<Subject> {
  const prefix = `dr-test:${randomBytes(4).toString('hex')}:`;
  const sut = await RedisLoginThrottleStore.connect(REDIS_URL, FORGET_AFTER_SECONDS, prefix);
  const inspector = new Redis(REDIS_URL);
  return {
    sut,
    rawTtlSeconds: async (key) => {
      const ttl = await inspector.ttl(prefix + key);
      return ttl < 0 ? null : ttl;
    },
    dispose: async () => {
      const keys = await inspector.keys(`${prefix}*`);
      if (keys.length) await inspector.del(...keys);
      await inspector.quit();
      await sut.close();
    },
  };
}

const stores: [string, () => Promise<Subject>][] = [
  ...testDatabases().map((db) => [`the office database (${db})`, () => sqlSubject(db)] as [string, () => Promise<Subject>]),
  ['Redis', redisSubject],
];

describe.each(stores)('login throttle counters in %s', (_name, open) => {
  let subject: Subject;
  beforeAll(async () => {
    subject = await open();
  });
  afterAll(() => subject?.dispose());
  const now = Date.now();

  it('has no counter for a key never failed under', async () => {
    expect(await subject.sut.read(['aa:nobody|203.0.113.1'], now)).toEqual([null]);
  });

  it('counts each failure under every key of the attempt and keeps the latest time', async () => {
    const keys = ['aa:office|203.0.113.2', 'ad:203.0.113.2', 'ac:office'];
    await subject.sut.recordFailure(keys, now - 2000);
    await subject.sut.recordFailure(keys, now - 1000);
    await subject.sut.recordFailure(keys.slice(1), now);
    expect(await subject.sut.read(keys, now)).toEqual([
      { failures: 2, lastFailureAt: now - 1000 },
      { failures: 3, lastFailureAt: now },
      { failures: 3, lastFailureAt: now },
    ]);
  });

  it('counts concurrent failures under one key each once', async () => {
    const key = 'ad:203.0.113.3';
    await Promise.all(Array.from({ length: 8 }, () => subject.sut.recordFailure([key, `ac:u${randomBytes(2).toString('hex')}`], now)));
    expect(await subject.sut.read([key], now)).toEqual([{ failures: 8, lastFailureAt: now }]);
  });

  it('clears one counter and leaves the others', async () => {
    const keys = ['aa:culture-admin|203.0.113.4', 'ad:203.0.113.4'];
    await subject.sut.recordFailure(keys, now);
    await subject.sut.clear(keys[0]);
    expect(await subject.sut.read(keys, now)).toEqual([null, { failures: 1, lastFailureAt: now }]);
  });

  it('lets counters expire after the forget window, in the store itself', async () => {
    const key = 'aa:fire-admin|203.0.113.5';
    await subject.sut.recordFailure([key], now);
    const ttl = await subject.rawTtlSeconds(key);
    expect(ttl).toBeGreaterThan(FORGET_AFTER_SECONDS - 5);
    expect(ttl).toBeLessThanOrEqual(FORGET_AFTER_SECONDS);
  });
});

describe.each(testDatabases())('login throttle counters in the office database (%s): expiry', (db) => {
  it('forgets an expired counter and starts it again at one', async () => {
    const { sut, dispose } = await sqlSubject(db);
    try {
      const key = 'ac:office';
      const long = Date.now() - 2 * FORGET_AFTER_SECONDS * 1000;
      await sut.recordFailure([key], long);
      await sut.recordFailure([key], long + 1);
      const now = Date.now();
      expect(await sut.read([key], now)).toEqual([null]);
      await sut.recordFailure([key], now);
      expect(await sut.read([key], now)).toEqual([{ failures: 1, lastFailureAt: now }]);
    } finally {
      await dispose();
    }
  });
});
