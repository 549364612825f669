import { decideLoginAttempt, delayAfterFailures, LOGIN_THROTTLE_POLICY, type ThrottlePolicy } from './login-throttle.policy';

const policy: ThrottlePolicy = {
  rules: {
    accountAddress: { freeFailures: 3, baseDelaySeconds: 2, maxDelaySeconds: 60 },
    address: { freeFailures: 10, baseDelaySeconds: 1, maxDelaySeconds: 300 },
    account: { freeFailures: 20, baseDelaySeconds: 1, maxDelaySeconds: 30 },
  },
  forgetAfterSeconds: 3600,
};
const now = Date.UTC(2022, 8, 1, 9, 0, 0);

describe('login throttle policy', () => {
  it('lets the first few failures cost nothing, then doubles the wait up to the cap', () => {
    const rule = policy.rules.accountAddress;
    expect([0, 1, 2, 3].map((n) => delayAfterFailures(n, rule))).toEqual([0, 0, 0, 0]);
    expect([4, 5, 6, 7, 8, 9].map((n) => delayAfterFailures(n, rule))).toEqual([2, 4, 8, 16, 32, 60]);
    expect(delayAfterFailures(10_000, rule)).toBe(60);
  });

  it('allows an attempt when no counter or only free failures exist', () => {
    expect(decideLoginAttempt({}, now, policy)).toEqual({ allowed: true });
    expect(decideLoginAttempt({ accountAddress: { failures: 3, lastFailureAt: now } }, now, policy)).toEqual({ allowed: true });
  });

  it('refuses with the seconds left of the wait, rounded up, and allows once it has passed', () => {
    const counter = { failures: 5, lastFailureAt: now - 1500 };
    expect(decideLoginAttempt({ accountAddress: counter }, now, policy)).toEqual({ allowed: false, retryAfterSeconds: 3 });
    expect(decideLoginAttempt({ accountAddress: counter }, now + 2500, policy)).toEqual({ allowed: true });
  });

  it('slows down rather than locks out: even after many failures the wait stays bounded', () => {
    const decision = decideLoginAttempt({ accountAddress: { failures: 1000, lastFailureAt: now } }, now, policy);
    expect(decision).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(decideLoginAttempt({ accountAddress: { failures: 1000, lastFailureAt: now } }, now + 60_000, policy)).toEqual({ allowed: true });
  });

  it('takes the longest wait of the three scopes (spraying across accounts is held back by the address)', () => {
    const decision = decideLoginAttempt(
      { accountAddress: null, address: { failures: 12, lastFailureAt: now }, account: { failures: 21, lastFailureAt: now } },
      now,
      policy,
    );
    expect(decision).toEqual({ allowed: false, retryAfterSeconds: 2 });
  });

  it('forgets a counter whose last failure is older than the forget window', () => {
    const old = { failures: 500, lastFailureAt: now - 3600 * 1000 };
    expect(decideLoginAttempt({ accountAddress: old, address: old, account: old }, now, policy)).toEqual({ allowed: true });
  });

  it('the platform policy: per account alone bites later and waits less than per (account, address)', () => {
    const { accountAddress, address, account } = LOGIN_THROTTLE_POLICY.rules;
    expect(account.freeFailures).toBeGreaterThan(address.freeFailures);
    expect(address.freeFailures).toBeGreaterThan(accountAddress.freeFailures);
    expect(account.maxDelaySeconds).toBeLessThanOrEqual(60);
    expect(accountAddress.maxDelaySeconds).toBeLessThanOrEqual(300);
  });
});
