import { AppError, verifyPassword } from '@dr/subgraph-kit';
import { decideLoginAttempt, type ThrottlePolicy } from './login-throttle.policy';
import { throttleKeys, type LoginThrottleStore } from './login-throttle.store';

/** A hash no password matches, verified for unknown usernames so timing does not tell who exists. */
export const NO_USER_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/**
 * Checks a password typed anywhere but the login page (本人确认 on the signing screen, the current password
 * when changing it) against the same throttle as logins: same store, keys and policy, so no screen is a side
 * door for guessing. Returns whether it matched; refuses at once with TOO_MANY_ATTEMPTS (naming `field`) when
 * this account or address has failed too often.
 */
export async function checkThrottledPassword(
  options: { throttle: LoginThrottleStore; policy: ThrottlePolicy; username: string; address: string; field: string },
  password: string,
  hash: string | null,
): Promise<boolean> {
  const keys = throttleKeys(options.username, options.address);
  const scopes = [keys.accountAddress, keys.address, keys.account];
  const now = Date.now();
  const [accountAddress, byAddress, account] = await options.throttle.read(scopes, now);
  const decision = decideLoginAttempt({ accountAddress, address: byAddress, account }, now, options.policy);
  if (!decision.allowed) {
    throw new AppError('TOO_MANY_ATTEMPTS', `密码错误次数过多，请 ${decision.retryAfterSeconds} 秒后再试`, { field: options.field, retryAfterSeconds: decision.retryAfterSeconds });
  }
  const valid = await verifyPassword(password, hash ?? NO_USER_HASH);
  if (valid) await options.throttle.clear(keys.accountAddress);
  else await options.throttle.recordFailure(scopes, now);
  return valid;
}
