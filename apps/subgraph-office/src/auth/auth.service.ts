import type { KeyObject } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppError, signToken, verifyPassword, type Logger } from '@dr/subgraph-kit';
import { User } from './user.entity';
import { decideLoginAttempt, LOGIN_THROTTLE_POLICY, type ThrottlePolicy } from './login-throttle.policy';
import { throttleKeys, type LoginThrottleStore } from './login-throttle.store';
import { auditLogin } from './login-audit';

const TOKEN_TTL_SECONDS = 8 * 60 * 60;

/** Who is trying to log in, from where (the gateway tells the office the caller's address). */
export interface LoginAttempt {
  username: string;
  password: string;
  address: string;
}

/**
 * Login: checks the password with the KDF and issues a signed token. Failures are counted per
 * (account, address), per address and per account in a shared store and slow further attempts down
 * (login-throttle.policy.ts); nothing ever locks an account.
 */
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly signingKey: KeyObject,
    private readonly throttle: LoginThrottleStore,
    private readonly policy: ThrottlePolicy = LOGIN_THROTTLE_POLICY,
  ) {}

  async login(attempt: LoginAttempt, logger: Logger): Promise<{ token: string; expiresAt: Date; user: User }> {
    const username = attempt.username.trim().toLowerCase();
    const { address } = attempt;
    const keys = throttleKeys(username, address);
    const now = Date.now();
    const [accountAddress, byAddress, account] = await this.throttle.read([keys.accountAddress, keys.address, keys.account], now);
    const decision = decideLoginAttempt({ accountAddress, address: byAddress, account }, now, this.policy);
    if (!decision.allowed) {
      // Answered at once, not by sleeping: a held-open request would cost the server, not the guesser.
      logger.warn({ username, address, outcome: 'throttled', retryAfterSeconds: decision.retryAfterSeconds }, 'login attempt');
      await auditLogin(this.dataSource, username, 'REFUSED');
      throw new AppError('TOO_MANY_ATTEMPTS', `登录失败次数过多，请 ${decision.retryAfterSeconds} 秒后再试`, { retryAfterSeconds: decision.retryAfterSeconds });
    }
    const user = await this.dataSource.getRepository(User).findOneBy({ username });
    // Verify against a real hash even for an unknown user, so timing does not reveal who exists.
    const valid = await verifyPassword(attempt.password, user?.passwordHash ?? 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
    if (!user || !valid) {
      await this.throttle.recordFailure([keys.accountAddress, keys.address, keys.account], now);
      logger.warn({ username, address, outcome: 'failed' }, 'login attempt');
      await auditLogin(this.dataSource, username, 'FAILED');
      throw new AppError('UNAUTHENTICATED', '用户名或密码错误');
    }
    // Only this address's counter for this account: another address's failures are not the user's to forgive.
    await this.throttle.clear(keys.accountAddress);
    logger.info({ username, address, userId: user.id, outcome: 'succeeded' }, 'login attempt');
    await auditLogin(this.dataSource, username, 'SUCCEEDED', user);
    const { token, expiresAt } = await signToken(
      { userId: user.id, username: user.username, displayName: user.displayName, role: user.role, department: user.department, inspectorId: user.inspectorId },
      this.signingKey,
      TOKEN_TTL_SECONDS,
    );
    return { token, expiresAt, user };
  }
}
