import type { DataSource } from 'typeorm';
import { AppError, badInput, verifyPassword, type Logger } from '@dr/subgraph-kit';
import { User } from './user.entity';
import { decideLoginAttempt, LOGIN_THROTTLE_POLICY, type ThrottlePolicy } from './login-throttle.policy';
import { throttleKeys, type LoginThrottleStore } from './login-throttle.store';

/** A hash no password matches, verified for unknown usernames so timing does not tell who exists. */
const NO_USER_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** What the signer typed on the phone (本人确认), and where the request came from. */
export interface SignerCredentials {
  /** The officer in the inspector directory the signature is for. */
  inspectorId: string;
  username: string;
  password: string;
  address: string;
}

/**
 * 本人确认: before a signature is recorded for officer X, X confirms with X's own login (the one linked
 * to X in `app_user.inspector_id`) and password, on the phone of whoever is signed in. Wrong passwords
 * count in the login throttle exactly as failed logins do (same store, same keys, same policy), so the
 * signing screen is no side door for guessing. No token is issued.
 */
export class SignerConfirmation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly throttle: LoginThrottleStore,
    private readonly policy: ThrottlePolicy = LOGIN_THROTTLE_POLICY,
  ) {}

  /** The signer's login; BAD_USER_INPUT (field `signerPassword` / `signerUsername`) or TOO_MANY_ATTEMPTS otherwise. */
  async confirm(credentials: SignerCredentials, logger: Logger): Promise<User> {
    const username = credentials.username.trim().toLowerCase();
    if (!username) throw badInput('signerUsername', '请输入签字人本人的用户名');
    if (!credentials.password) throw badInput('signerPassword', '请签字人本人输入登录密码');
    const keys = throttleKeys(username, credentials.address);
    const scopes = [keys.accountAddress, keys.address, keys.account];
    const now = Date.now();
    const [accountAddress, byAddress, account] = await this.throttle.read(scopes, now);
    const decision = decideLoginAttempt({ accountAddress, address: byAddress, account }, now, this.policy);
    if (!decision.allowed) {
      logger.warn({ username, address: credentials.address, outcome: 'throttled', retryAfterSeconds: decision.retryAfterSeconds }, 'signer confirmation');
      throw new AppError('TOO_MANY_ATTEMPTS', `密码错误次数过多，请 ${decision.retryAfterSeconds} 秒后再试`, { field: 'signerPassword', retryAfterSeconds: decision.retryAfterSeconds });
    }
    const user = await this.dataSource.getRepository(User).findOneBy({ username });
    const valid = await verifyPassword(credentials.password, user?.passwordHash ?? NO_USER_HASH);
    if (!user || !valid) {
      await this.throttle.recordFailure(scopes, now);
      logger.warn({ username, address: credentials.address, outcome: 'failed' }, 'signer confirmation');
      throw badInput('signerPassword', '签字人用户名或密码错误，请签字人本人输入');
    }
    await this.throttle.clear(keys.accountAddress);
    if (user.inspectorId !== credentials.inspectorId) {
      logger.warn({ username, userId: user.id, inspectorId: credentials.inspectorId, outcome: 'other officer' }, 'signer confirmation');
      throw badInput('signerUsername', '该账号不是签字执法人员本人的账号，请签字人本人登录确认');
    }
    logger.info({ username, userId: user.id, inspectorId: credentials.inspectorId, outcome: 'confirmed' }, 'signer confirmation');
    return user;
  }
}
