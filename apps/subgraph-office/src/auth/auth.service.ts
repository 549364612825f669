import type { DataSource } from 'typeorm';
import { AppError, verifyPassword, type Logger } from '@dr/subgraph-kit';
import { User } from './user.entity';
import { decideLoginAttempt, LOGIN_THROTTLE_POLICY, type ThrottlePolicy } from './login-throttle.policy';
import { throttleKeys, type LoginThrottleStore } from './login-throttle.store';
import type { SessionService, SessionTokens } from './session.service';
import { auditLogin } from './login-audit';
import { NO_USER_HASH } from './throttled-password';

/** Who is trying to log in, from where (the gateway tells the office the caller's address). */
export interface LoginAttempt {
  username: string;
  password: string;
  address: string;
}


/**
 * Login: checks the password with the KDF and starts a session (sessions.service.ts). Failures are
 * counted per (account, address), per address and per account in a shared store and slow further
 * attempts down (login-throttle.policy.ts); nothing ever locks an account. A disabled account counts
 * as a failure too.
 */
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleStore,
    private readonly policy: ThrottlePolicy = LOGIN_THROTTLE_POLICY,
  ) {}

  async login(attempt: LoginAttempt, logger: Logger): Promise<SessionTokens & { user: User }> {
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
    const valid = await verifyPassword(attempt.password, user?.passwordHash ?? NO_USER_HASH);
    // The one place where a login succeeds or fails.
    const outcome = !user || !valid ? 'failed' : user.disabledAt ? 'disabled' : 'succeeded';
    if (!user || outcome !== 'succeeded') {
      await this.throttle.recordFailure([keys.accountAddress, keys.address, keys.account], now);
      logger.warn({ username, address, outcome }, 'login attempt');
      await auditLogin(this.dataSource, username, 'FAILED', outcome === 'disabled' && user ? user : undefined);
      // Only the right password learns that the account is disabled: a guesser learns nothing new.
      if (outcome === 'disabled') throw new AppError('UNAUTHENTICATED', '账号已停用，请联系本单位管理员', { reason: 'ACCOUNT_DISABLED' });
      throw new AppError('UNAUTHENTICATED', '用户名或密码错误');
    }
    // Only this address's counter for this account: another address's failures are not the user's to forgive.
    await this.throttle.clear(keys.accountAddress);
    logger.info({ username, address, userId: user.id, outcome }, 'login attempt');
    await auditLogin(this.dataSource, username, 'SUCCEEDED', user);
    return { ...(await this.sessions.start(user)), user };
  }

  /** Rotates a refresh token into a new access token (and a new refresh token). */
  refresh(refreshToken: string): Promise<SessionTokens & { user: User }> {
    return this.sessions.refresh(refreshToken, (id) => this.dataSource.getRepository(User).findOneBy({ id }));
  }
}
