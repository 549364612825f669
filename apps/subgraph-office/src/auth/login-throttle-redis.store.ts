import { Redis } from 'ioredis';
import type { FailureCounter } from './login-throttle.policy';
import type { LoginThrottleStore } from './login-throttle.store';

/**
 * Counters in Redis (REDIS_URL): one hash per key with the failure count and the latest failure's
 * time, expiring `forgetAfterSeconds` after that failure, so Redis forgets them without a sweeper.
 */
export class RedisLoginThrottleStore implements LoginThrottleStore {
  constructor(
    private readonly redis: Redis,
    private readonly forgetAfterSeconds: number,
    private readonly prefix = 'dr:login-throttle:',
  ) {}

  /** A store on a new connection to `url`; fails fast (at start) when Redis cannot be reached. */
  static async connect(url: string, forgetAfterSeconds: number, prefix?: string): Promise<RedisLoginThrottleStore> {
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
    await redis.connect();
    return new RedisLoginThrottleStore(redis, forgetAfterSeconds, prefix);
  }

  async read(keys: readonly string[]): Promise<(FailureCounter | null)[]> {
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.hmget(this.prefix + key, 'failures', 'last');
    const results = (await pipeline.exec()) ?? [];
    return results.map(([error, value]) => {
      if (error) throw error;
      const [failures, last] = value as (string | null)[];
      return failures && last ? { failures: Number(failures), lastFailureAt: Number(last) } : null;
    });
  }

  async recordFailure(keys: readonly string[], now: number): Promise<void> {
    const transaction = this.redis.multi();
    for (const key of keys) {
      transaction.hincrby(this.prefix + key, 'failures', 1);
      transaction.hset(this.prefix + key, 'last', String(now));
      transaction.expire(this.prefix + key, this.forgetAfterSeconds);
    }
    const results = await transaction.exec();
    const failed = results?.find(([error]) => error);
    if (failed) throw failed[0];
  }

  async clear(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}
