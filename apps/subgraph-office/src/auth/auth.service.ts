import type { KeyObject } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppError, signToken, verifyPassword } from '@dr/subgraph-kit';
import { User } from './user.entity';

const TOKEN_TTL_SECONDS = 8 * 60 * 60;
const MAX_FAILURES = 5;
const LOCK_MS = 15 * 60 * 1000;

/** Login: checks the password with the KDF and issues a signed token. */
export class AuthService {
  /** Failed attempts per username, to slow down password guessing (per process). */
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly signingKey: KeyObject,
  ) {}

  async login(username: string, password: string): Promise<{ token: string; expiresAt: Date; user: User }> {
    const key = username.trim().toLowerCase();
    const record = this.failures.get(key);
    if (record && record.lockedUntil > Date.now()) {
      throw new AppError('FORBIDDEN', '登录失败次数过多，请 15 分钟后再试');
    }
    const user = await this.dataSource.getRepository(User).findOneBy({ username: key });
    // Verify against a real hash even for an unknown user, so timing does not reveal who exists.
    const valid = await verifyPassword(password, user?.passwordHash ?? 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
    if (!user || !valid) {
      const count = (record?.count ?? 0) + 1;
      this.failures.set(key, { count, lockedUntil: count >= MAX_FAILURES ? Date.now() + LOCK_MS : 0 });
      throw new AppError('UNAUTHENTICATED', '用户名或密码错误');
    }
    this.failures.delete(key);
    const { token, expiresAt } = await signToken(
      { userId: user.id, username: user.username, displayName: user.displayName, role: user.role, department: user.department, inspectorId: user.inspectorId },
      this.signingKey,
      TOKEN_TTL_SECONDS,
    );
    return { token, expiresAt, user };
  }
}
