import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { demoUsers } from '@dr/demo-data';
import { testDatabases } from '@dr/config-jest/databases';
import { graphql, type GraphQLResponse } from './graphql';

// Issue "Trust", item 5: login throttling, the caller's address through the gateway, token age.
const LOGIN = 'mutation Login($input: LoginInput!) { login(input: $input) { token } }';
const WRONG = 'Wr0ng-Pa55-Never-Logged';
const RIGHT = 'Demo@2022';

/** The platform's own key pair, so the test can sign tokens the servers believe are the office's. */
const keys = generateKeyPairSync('ed25519');
const AUTH_PUBLIC_KEY = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const AUTH_PRIVATE_KEY = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** A JWT signed with the real key, with the real issuer, audience and claims, and exactly the given times. */
function craftToken(times: { iat?: number; exp?: number }): string {
  const office = demoUsers().find((u) => u.username === 'office')!;
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const head = `${encode({ alg: 'EdDSA' })}.${encode({ sub: office.id, iss: 'double-random/office', aud: 'double-random', name: office.displayName, username: 'office', role: office.role, dept: null, sid: 'crafted-session', ...times })}`;
  return `${head}.${sign(null, Buffer.from(head), createPrivateKey(AUTH_PRIVATE_KEY)).toString('base64url')}`;
}

describe.each(testDatabases())('login hardening through the gateway on %s', (db: 'sqlite' | 'mariadb') => {
  let platform: Platform;
  let gateway: string;

  beforeAll(async () => {
    // The test plays a trusted reverse proxy on 127.0.0.1, so X-Forwarded-For names the client.
    platform = await startPlatform({ db, env: { TRUSTED_PROXIES: '127.0.0.1', AUTH_PUBLIC_KEY, AUTH_PRIVATE_KEY } });
    gateway = platform.urls.gateway;
  });
  afterAll(() => platform?.close());

  /** One login attempt from `address`, as a proxy in front of the gateway would forward it. */
  async function loginFrom(address: string, username: string, password: string, extraHeaders: Record<string, string> = {}): Promise<GraphQLResponse & { ms: number }> {
    const started = Date.now();
    const response = await fetch(gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...extraHeaders },
      body: JSON.stringify({ query: LOGIN, variables: { input: { username, password } } }),
    });
    return { ...((await response.json()) as GraphQLResponse), ms: Date.now() - started };
  }
  const codeOf = (result: GraphQLResponse) => result.errors?.[0]?.extensions?.code ?? 'OK';

  /** Six wrong passwords: the free ones and the first that makes the next attempt wait. */
  async function failSixTimes(address: string, username: string): Promise<void> {
    for (let i = 0; i < 6; i++) expect(codeOf(await loginFrom(address, username, WRONG))).toBe('UNAUTHENTICATED');
  }

  it('slows wrong passwords down instead of locking the account: a refusal says how long to wait, and after it the right password works', async () => {
    const address = '203.0.113.10';
    await failSixTimes(address, 'office');
    const refused = await loginFrom(address, 'office', RIGHT);
    expect(refused.errors?.[0]).toMatchObject({ message: '登录失败次数过多，请 1 秒后再试', extensions: { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 1 } });
    expect(refused.data?.login ?? null).toBeNull();
    // Refused at once, not by holding the request open.
    expect(refused.ms).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const after = await loginFrom(address, 'office', RIGHT);
    expect(codeOf(after)).toBe('OK');
    expect(after.data.login.token).toEqual(expect.any(String));
    // The success cleared this address's counter for the account: a typo now is just a typo.
    expect(codeOf(await loginFrom(address, 'office', WRONG))).toBe('UNAUTHENTICATED');
  });

  it('lets the real user log in at once from their own address while the account is attacked from another', async () => {
    await failSixTimes('198.51.100.66', 'culture-admin');
    expect(codeOf(await loginFrom('198.51.100.66', 'culture-admin', RIGHT))).toBe('TOO_MANY_ATTEMPTS');
    const user = await loginFrom('192.0.2.20', 'culture-admin', RIGHT);
    expect(codeOf(user)).toBe('OK');
  });

  it('holds back one address spraying a password across many accounts', async () => {
    const address = '198.51.100.77';
    for (let i = 0; i < 21; i++) expect(codeOf(await loginFrom(address, `spray-${i}`, WRONG))).toBe('UNAUTHENTICATED');
    const next = await loginFrom(address, 'market-admin', RIGHT);
    expect(next.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 1 });
    // Another address is not affected by this one's spraying.
    expect(codeOf(await loginFrom('192.0.2.21', 'market-admin', RIGHT))).toBe('OK');
  });

  it('never slows down successful logins, however many', async () => {
    for (let i = 0; i < 15; i++) expect(codeOf(await loginFrom('192.0.2.22', 'fire-admin', RIGHT))).toBe('OK');
  });

  it('a client cannot pick its own address with the header the gateway sends the office', async () => {
    const address = '203.0.113.30';
    await failSixTimes(address, 'office');
    const spoofed = await loginFrom(address, 'office', RIGHT, { 'x-client-address': '192.0.2.99' });
    expect(codeOf(spoofed)).toBe('TOO_MANY_ATTEMPTS');
  });

  it('keeps the counters outside the office process: they survive a restart', async () => {
    const address = '203.0.113.40';
    await failSixTimes(address, 'office');
    await platform.stop('office');
    await platform.start('office');
    // The restart took longer than the 1 s wait; the 7th failure must now make the next one wait 2 s.
    expect(codeOf(await loginFrom(address, 'office', WRONG))).toBe('UNAUTHENTICATED');
    const next = await loginFrom(address, 'office', WRONG);
    expect(next.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 2 });
  });

  it('logs every attempt with username and address, never the password', async () => {
    await loginFrom('203.0.113.50', 'inspector-culture', WRONG);
    await loginFrom('203.0.113.51', 'office', RIGHT);
    // pino writes synchronously to the log file; give the process a moment to flush.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const text = readFileSync(join(platform.logDir, 'office.log'), 'utf8');
    const attempts = text.split('\n').filter((line) => line.includes('"login attempt"')).map((line) => JSON.parse(line));
    expect(attempts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ username: 'inspector-culture', address: '203.0.113.50', outcome: 'failed' }),
        expect.objectContaining({ username: 'office', address: '203.0.113.51', outcome: 'succeeded' }),
        expect.objectContaining({ username: 'office', address: '203.0.113.10', outcome: 'throttled', retryAfterSeconds: 1 }),
      ]),
    );
    expect(text).not.toContain(WRONG);
    expect(text).not.toContain(RIGHT);
  });

  describe('tokens signed with the real key', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const me = (token: string) => graphql(gateway, '{ me { username } }', {}, token);

    it('are accepted with a fresh iat and an exp (the crafted token is otherwise valid)', async () => {
      const result = await me(craftToken({ iat: now(), exp: now() + 3600 }));
      expect(result.data?.me).toEqual({ username: 'office' });
    });

    it('are refused without exp', async () => {
      const result = await me(craftToken({ iat: now() }));
      expect(result.errors?.[0]).toMatchObject({ message: '登录令牌无效，请重新登录', extensions: { code: 'UNAUTHENTICATED' } });
    });

    it('are refused when issued more than 12 hours ago, even with an exp far ahead', async () => {
      const result = await me(craftToken({ iat: now() - 13 * 3600, exp: now() + 30 * 24 * 3600 }));
      expect(result.errors?.[0]).toMatchObject({ message: '登录已过期，请重新登录', extensions: { code: 'UNAUTHENTICATED' } });
      // The office checks tokens itself too (a subgraph is never only behind the gateway's check).
      const direct = await graphql(platform.urls.graphql.office, '{ me { username } }', {}, craftToken({ iat: now() - 13 * 3600, exp: now() + 3600 }));
      expect(direct.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });
});
