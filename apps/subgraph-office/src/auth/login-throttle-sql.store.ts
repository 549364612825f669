import { LessThan, type DataSource } from 'typeorm';
import { DateUtils } from 'typeorm/util/DateUtils';
import type { FailureCounter } from './login-throttle.policy';
import type { LoginThrottleStore } from './login-throttle.store';
import { LoginThrottle } from './login-throttle.entity';

/** Counters in the office's own database (the embedded default): one row per key, SQLite or MariaDB. */
export class SqlLoginThrottleStore implements LoginThrottleStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly forgetAfterSeconds: number,
  ) {}

  async read(keys: readonly string[], now: number): Promise<(FailureCounter | null)[]> {
    const rows = await this.dataSource.getRepository(LoginThrottle).findBy(keys.map((key) => ({ key })));
    return keys.map((key) => {
      const row = rows.find((r) => r.key === key);
      return row && row.expiresAt.getTime() > now ? { failures: row.failures, lastFailureAt: row.lastFailureAt.getTime() } : null;
    });
  }

  async recordFailure(keys: readonly string[], now: number): Promise<void> {
    const at = new Date(now);
    // One atomic upsert per key: concurrent failures each count, without the gap-lock deadlocks that
    // SELECT … FOR UPDATE on a missing row causes in InnoDB. An expired counter starts again at one.
    const sqlite = this.dataSource.options.type === 'better-sqlite3';
    const sql = sqlite
      ? `INSERT INTO login_throttle (throttle_key, failures, last_failure_at, expires_at) VALUES (?, 1, ?, ?)
         ON CONFLICT (throttle_key) DO UPDATE SET failures = CASE WHEN expires_at > excluded.last_failure_at THEN failures + 1 ELSE 1 END,
         last_failure_at = excluded.last_failure_at, expires_at = excluded.expires_at`
      : // MySQL applies the assignments left to right, so `failures` still sees the old expires_at.
        `INSERT INTO login_throttle (throttle_key, failures, last_failure_at, expires_at) VALUES (?, 1, ?, ?)
         ON DUPLICATE KEY UPDATE failures = IF(expires_at > VALUES(last_failure_at), failures + 1, 1),
         last_failure_at = VALUES(last_failure_at), expires_at = VALUES(expires_at)`;
    // better-sqlite3 binds no dates: store them as TypeORM does (UTC text), so comparisons and reads agree.
    const bind = (date: Date) => (sqlite ? DateUtils.mixedDateToUtcDatetimeString(date) : date);
    for (const key of keys) await this.dataSource.query(sql, [key, bind(at), bind(new Date(now + this.forgetAfterSeconds * 1000))]);
    // Keep the table small: counters nobody has failed under for the forget window are gone.
    await this.dataSource.getRepository(LoginThrottle).delete({ expiresAt: LessThan(at) });
  }

  async clear(key: string): Promise<void> {
    await this.dataSource.getRepository(LoginThrottle).delete({ key });
  }

  async close(): Promise<void> {}
}
