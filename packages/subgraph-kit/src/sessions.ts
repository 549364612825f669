import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { z } from 'zod';
import { useRevokedSessionCheck } from './auth';
import { runAsBackgroundWork } from './data-source';

/**
 * The list of ended sessions (ADR 0019) that every server checks each access token's `sid` against.
 * The office's `app_session` table is the truth; a server learns from it in one of two ways:
 *
 * - with REDIS_URL, the office writes `dr:revoked-session:<sid>` with a TTL of one access-token
 *   lifetime, and every server asks Redis on each authenticated request;
 * - without Redis (the embedded default), every server polls the office's
 *   `GET /internal/revoked-sessions` (EVENTS_TOKEN) every REVOCATION_POLL_MS and keeps the answer.
 *
 * Either way a revocation reaches every server within a second or two, and nothing depends on one
 * process's memory: a restarted server asks again.
 */
export const REVOKED_SESSIONS_PATH = '/internal/revoked-sessions';
export const REVOKED_SESSION_KEY_PREFIX = 'dr:revoked-session:';

export const sessionConfigSchema = z.object({
  /** Redis shared by every server for the list of ended sessions (and the office's login throttling). */
  REDIS_URL: z.url({ protocol: /^rediss?$/, message: '应为 Redis 地址，例如 redis://127.0.0.1:6379' }).optional(),
  /** Without Redis: how often each server asks the office which sessions have ended (milliseconds). */
  REVOCATION_POLL_MS: z.coerce.number().int().min(100).max(10_000).default(1000),
});

export interface SessionRevocations {
  isRevoked(sessionId: string): Promise<boolean>;
  close(): Promise<void>;
}

/** The list in Redis: the office writes, everyone reads. */
export class RedisSessionRevocations implements SessionRevocations {
  constructor(private readonly redis: Redis) {}

  /** Connected now, so an unreachable Redis stops the server at start rather than failing requests later. */
  static async connect(url: string): Promise<RedisSessionRevocations> {
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
    await redis.connect();
    return new RedisSessionRevocations(redis);
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    return (await this.redis.exists(REVOKED_SESSION_KEY_PREFIX + sessionId)) === 1;
  }

  /** Office only: names the sessions as ended until their last access token has expired. */
  async markRevoked(sessionIds: readonly string[], ttlSeconds: number): Promise<void> {
    if (!sessionIds.length) return;
    const transaction = this.redis.multi();
    for (const sid of sessionIds) transaction.set(REVOKED_SESSION_KEY_PREFIX + sid, '1', 'EX', ttlSeconds);
    const results = await transaction.exec();
    const failed = results?.find(([error]) => error);
    if (failed) throw failed[0];
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}

/**
 * The list as the latest answer of `load` (the office's endpoint, or the office's own table), asked
 * again every `intervalMs`. A check waits for the first answer; if the office cannot be reached the
 * previous answer stays in force and the failure is logged.
 */
export class PolledSessionRevocations implements SessionRevocations {
  private revoked = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private readonly first: Promise<void>;
  private failing = false;

  constructor(
    private readonly load: () => Promise<string[]>,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {
    this.first = this.refresh();
    this.timer = setInterval(() => void this.refresh(), intervalMs);
    this.timer.unref();
  }

  private async refresh(): Promise<void> {
    try {
      // Polling is background work: it stays out of the per-request SQL statement count.
      this.revoked = new Set(await runAsBackgroundWork(this.load));
      if (this.failing) this.logger.info('revoked sessions: the office answers again');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.error({ err: error }, 'revoked sessions: cannot ask the office; the last known list stays in force');
      this.failing = true;
    }
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    await this.first;
    return this.revoked.has(sessionId);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
  }
}

/** Asks the office's {@link REVOKED_SESSIONS_PATH} with the shared EVENTS_TOKEN. */
export function officeRevocationFeed(officeUrl: string, eventsToken: string): () => Promise<string[]> {
  const url = new URL(REVOKED_SESSIONS_PATH, officeUrl).toString();
  return async () => {
    const response = await fetch(url, { headers: { authorization: `Bearer ${eventsToken}` }, signal: AbortSignal.timeout(2000) });
    if (!response.ok) throw new Error(`office answered ${response.status}`);
    return ((await response.json()) as { sessionIds: string[] }).sessionIds;
  };
}

export interface RevocationSources {
  config: z.infer<typeof sessionConfigSchema> & { EVENTS_TOKEN?: string; NODE_ENV: string };
  /** The office, for servers that poll it. */
  officeUrl: string;
  /** The office itself reads its own table instead of asking itself over HTTP. */
  local?: () => Promise<string[]>;
  logger: Logger;
}

/**
 * This server's revocation list, installed for every token check in the process. Without Redis and
 * without EVENTS_TOKEN there is nothing to ask: allowed in development (logged), refused in production.
 */
export async function installSessionRevocations({ config, officeUrl, local, logger }: RevocationSources): Promise<SessionRevocations | null> {
  let revocations: SessionRevocations | null = null;
  if (config.REDIS_URL) revocations = await RedisSessionRevocations.connect(config.REDIS_URL);
  else if (local) revocations = new PolledSessionRevocations(local, config.REVOCATION_POLL_MS, logger);
  else if (config.EVENTS_TOKEN) revocations = new PolledSessionRevocations(officeRevocationFeed(officeUrl, config.EVENTS_TOKEN), config.REVOCATION_POLL_MS, logger);
  else if (config.NODE_ENV === 'production') throw new Error('生产环境必须设置 REDIS_URL 或 EVENTS_TOKEN：各服务需要得知哪些登录会话已被注销');
  else logger.warn('neither REDIS_URL nor EVENTS_TOKEN is set: logout and revoked sessions are not checked by this server');
  useRevokedSessionCheck(revocations ? (sid) => revocations.isRevoked(sid) : null);
  return revocations;
}
