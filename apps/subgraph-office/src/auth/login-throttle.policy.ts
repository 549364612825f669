/**
 * Login throttling as a pure rule: given the failure counters that concern one attempt and the time,
 * may it be tried now, or how many seconds must the caller wait? No I/O here; the stores keep the
 * counters (login-throttle.store.ts) and the auth service applies the answer.
 *
 * Failures slow a guesser down (exponential backoff, capped); they never lock an account, so nobody
 * can keep the joint office out by typing wrong passwords on purpose.
 */

/** Why an attempt is counted: one account from one address, one address over all accounts, one account over all addresses. */
export type ThrottleScope = 'accountAddress' | 'address' | 'account';

export interface ThrottleRule {
  /** Failures that cost nothing (typing mistakes); the next attempt after more of them waits. */
  freeFailures: number;
  /** The wait after the first failure beyond the free ones; it doubles with each further failure. */
  baseDelaySeconds: number;
  /** The wait never grows beyond this. */
  maxDelaySeconds: number;
}

export interface ThrottlePolicy {
  rules: Record<ThrottleScope, ThrottleRule>;
  /** A counter whose last failure is this old is forgotten (the stores expire it too). */
  forgetAfterSeconds: number;
}

/**
 * The platform's policy. Per (account, address) it bites early; per address it is looser (an office
 * behind one NAT address) and stops spraying across accounts; per account alone it bites late and waits
 * at most a minute, so the real user of an account attacked from elsewhere still gets in.
 */
export const LOGIN_THROTTLE_POLICY: ThrottlePolicy = {
  rules: {
    accountAddress: { freeFailures: 5, baseDelaySeconds: 1, maxDelaySeconds: 300 },
    address: { freeFailures: 20, baseDelaySeconds: 1, maxDelaySeconds: 300 },
    account: { freeFailures: 50, baseDelaySeconds: 1, maxDelaySeconds: 60 },
  },
  forgetAfterSeconds: 60 * 60,
};

/** Failed logins counted under one key. */
export interface FailureCounter {
  failures: number;
  /** Epoch milliseconds of the latest failure. */
  lastFailureAt: number;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** How long after its latest failure a counter holds the next attempt back, in seconds. */
export function delayAfterFailures(failures: number, rule: ThrottleRule): number {
  if (failures <= rule.freeFailures) return 0;
  const exponent = failures - rule.freeFailures - 1;
  // Beyond 2^30 the cap has long applied; stop before the number grows without bound.
  return Math.min(rule.maxDelaySeconds, rule.baseDelaySeconds * 2 ** Math.min(exponent, 30));
}

/** Whether an attempt may go ahead now; when not, the longest wait any of its counters asks for. */
export function decideLoginAttempt(counters: Partial<Record<ThrottleScope, FailureCounter | null>>, now: number, policy: ThrottlePolicy = LOGIN_THROTTLE_POLICY): ThrottleDecision {
  let waitMs = 0;
  for (const scope of Object.keys(policy.rules) as ThrottleScope[]) {
    const counter = counters[scope];
    if (!counter || now - counter.lastFailureAt >= policy.forgetAfterSeconds * 1000) continue;
    const until = counter.lastFailureAt + delayAfterFailures(counter.failures, policy.rules[scope]) * 1000;
    waitMs = Math.max(waitMs, until - now);
  }
  return waitMs > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) } : { allowed: true };
}
