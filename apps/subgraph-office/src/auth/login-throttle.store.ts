import type { FailureCounter, ThrottleScope } from './login-throttle.policy';

/**
 * Where failed-login counters live: Redis when REDIS_URL is set (shared by every office process),
 * otherwise the office's own database. Never process memory: counters must survive a restart and be
 * the same for every process. Counters expire `forgetAfterSeconds` after their latest failure.
 */
export interface LoginThrottleStore {
  /** The counters under `keys`, in the same order; null where there is none (or it has expired). */
  read(keys: readonly string[], now: number): Promise<(FailureCounter | null)[]>;
  /** Adds one failure at `now` under each key (an expired counter starts again at one). */
  recordFailure(keys: readonly string[], now: number): Promise<void>;
  /** Forgets one counter (a successful login clears its account-and-address counter). */
  clear(key: string): Promise<void>;
  close(): Promise<void>;
}

/** The keys one attempt is counted under, per scope. The username is normalised as login does. */
export function throttleKeys(username: string, address: string): Record<ThrottleScope, string> {
  const account = username.trim().toLowerCase();
  return { accountAddress: `aa:${account}|${address}`, address: `ad:${address}`, account: `ac:${account}` };
}
