import type { DataSource } from 'typeorm';
import { AppError, badInput, type Logger } from '@dr/subgraph-kit';
import { User } from './user.entity';
import { LOGIN_THROTTLE_POLICY, type ThrottlePolicy } from './login-throttle.policy';
import type { LoginThrottleStore } from './login-throttle.store';
import { checkThrottledPassword } from './throttled-password';

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
    const user = await this.dataSource.getRepository(User).findOneBy({ username });
    let valid: boolean;
    try {
      valid = await checkThrottledPassword({ throttle: this.throttle, policy: this.policy, username, address: credentials.address, field: 'signerPassword' }, credentials.password, user?.passwordHash ?? null);
    } catch (error) {
      if (error instanceof AppError) logger.warn({ username, address: credentials.address, outcome: 'throttled' }, 'signer confirmation');
      throw error;
    }
    if (!user || !valid) {
      logger.warn({ username, address: credentials.address, outcome: 'failed' }, 'signer confirmation');
      throw badInput('signerPassword', '签字人用户名或密码错误，请签字人本人输入');
    }
    // A disabled account signs nothing, as it logs in to nothing.
    if (user.disabledAt) throw badInput('signerUsername', '该账号已停用，不能用于签字确认');
    if (user.inspectorId !== credentials.inspectorId) {
      logger.warn({ username, userId: user.id, inspectorId: credentials.inspectorId, outcome: 'other officer' }, 'signer confirmation');
      throw badInput('signerUsername', '该账号不是签字执法人员本人的账号，请签字人本人登录确认');
    }
    logger.info({ username, userId: user.id, inspectorId: credentials.inspectorId, outcome: 'confirmed' }, 'signer confirmation');
    return user;
  }
}
