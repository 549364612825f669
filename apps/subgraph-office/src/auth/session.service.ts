import { createHash, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { In, IsNull, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { signToken, unauthenticated, type RedisSessionRevocations } from '@dr/subgraph-kit';
import { Session } from './session.entity';
import type { User } from './user.entity';

/** Lifetimes (ADR 0019): short access tokens, a refresh token that keeps a working day going. */
export interface SessionSettings {
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = { accessTtlSeconds: 10 * 60, refreshTtlSeconds: 12 * 60 * 60 };

/** What a login or a refresh hands out. The refresh token is `<sid>.<secret>`; only the secret's hash is stored. */
export interface SessionTokens {
  token: string;
  expiresAt: Date;
  refreshToken: string;
  refreshExpiresAt: Date;
}

export type RevokeReason = 'LOGOUT' | 'REVOKED' | 'DISABLED' | 'PASSWORD' | 'REUSED';

/** A revoked sid stays on the list a little longer than an access token lives, for clocks that differ. */
const CLOCK_MARGIN_SECONDS = 60;

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

/**
 * Sessions: starts them, rotates their refresh tokens, ends them, and tells the other servers which
 * have ended (Redis when configured; otherwise they poll {@link revokedSessionIds}).
 */
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly signingKey: KeyObject,
    readonly settings: SessionSettings,
    private readonly redis: RedisSessionRevocations | null,
  ) {}

  private async tokensFor(user: User, sessionId: string, secret: string, refreshExpiresAt: Date): Promise<SessionTokens> {
    const { token, expiresAt } = await signToken(
      { userId: user.id, username: user.username, displayName: user.displayName, role: user.role, department: user.department, inspectorId: user.inspectorId, sessionId, mustChangePassword: user.mustChangePassword },
      this.signingKey,
      this.settings.accessTtlSeconds,
    );
    return { token, expiresAt, refreshToken: `${sessionId}.${secret}`, refreshExpiresAt };
  }

  async start(user: User): Promise<SessionTokens> {
    const now = new Date();
    const secret = randomBytes(32).toString('base64url');
    const session = { id: randomUUID(), userId: user.id, refreshHash: hashOf(secret), createdAt: now, refreshedAt: now, expiresAt: new Date(now.getTime() + this.settings.refreshTtlSeconds * 1000), revokedAt: null, revokeReason: null };
    await this.dataSource.getRepository(Session).insert(session);
    return this.tokensFor(user, session.id, secret, session.expiresAt);
  }

  /**
   * Rotates a refresh token: the presented one must be the session's current one. An older one of a
   * live session means two parties hold it (one of them a thief), so the session ends for both.
   */
  async refresh(refreshToken: string, loadUser: (id: string) => Promise<User | null>): Promise<SessionTokens & { user: User }> {
    const [sessionId, secret] = refreshToken.split('.');
    const expired = () => unauthenticated('登录已过期，请重新登录');
    if (!sessionId || !secret) throw expired();
    const session = await this.dataSource.getRepository(Session).findOneBy({ id: sessionId });
    if (!session || session.revokedAt || session.expiresAt.getTime() <= Date.now()) throw expired();
    const next = randomBytes(32).toString('base64url');
    // Compare-and-swap on the hash: of two refreshes with the same token only one rotates.
    const result = await this.dataSource
      .createQueryBuilder()
      .update(Session)
      .set({ refreshHash: hashOf(next), refreshedAt: new Date() })
      .where('id = :id AND refresh_hash = :hash AND revoked_at IS NULL', { id: sessionId, hash: hashOf(secret) })
      .execute();
    if (!result.affected) {
      await this.end([sessionId], 'REUSED');
      throw unauthenticated('登录凭据已被使用过，为安全起见本次登录已结束，请重新登录');
    }
    const user = await loadUser(session.userId);
    if (!user || user.disabledAt) {
      await this.end([sessionId], 'DISABLED');
      throw unauthenticated('账号已停用，请联系管理员');
    }
    return { ...(await this.tokensFor(user, sessionId, next, session.expiresAt)), user };
  }

  /** Ends the given sessions (already-ended ones are left as they were) and tells every server. */
  async end(sessionIds: readonly string[], reason: RevokeReason, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    if (!sessionIds.length) return [];
    await manager.getRepository(Session).update({ id: In([...sessionIds]), revokedAt: IsNull() }, { revokedAt: new Date(), revokeReason: reason });
    if (manager === this.dataSource.manager) await this.announce(sessionIds);
    return [...sessionIds];
  }

  /** Ends every live session of a user, inside the caller's transaction; call {@link announce} after it commits. */
  async endAllOf(userId: string, reason: RevokeReason, manager: EntityManager): Promise<string[]> {
    const live = await manager.getRepository(Session).find({ select: { id: true }, where: { userId, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) } });
    const ids = live.map((session) => session.id);
    if (ids.length) await manager.getRepository(Session).update({ id: In(ids) }, { revokedAt: new Date(), revokeReason: reason });
    return ids;
  }

  /** With Redis, names the ended sessions there; without, the servers read them from {@link revokedSessionIds}. */
  async announce(sessionIds: readonly string[]): Promise<void> {
    await this.redis?.markRevoked(sessionIds, this.settings.accessTtlSeconds + CLOCK_MARGIN_SECONDS);
  }

  /**
   * The sessions ended recently enough that one of their access tokens may still be alive: what the
   * servers poll. Bounded by the access-token lifetime, not by a count: every one of them matters.
   */
  async revokedSessionIds(): Promise<string[]> {
    const since = new Date(Date.now() - (this.settings.accessTtlSeconds + CLOCK_MARGIN_SECONDS) * 1000);
    const rows = await this.dataSource.getRepository(Session).find({ select: { id: true }, where: { revokedAt: MoreThan(since) } });
    return rows.map((row) => row.id);
  }
}
