import { startPlatform, type Platform } from '@dr/platform-runner';
import { graphql, login, type GraphQLResponse } from './graphql';

// Issue "Trust": sessions end everywhere within seconds (logout, an admin's revocation, a disabled
// account, a changed password), with Redis and with the embedded default (each server polls the office).
const ME = '{ me { username } }';
const CULTURE = '{ culturePenaltyCases(first: 1) { totalCount } }';
const LOGIN = 'mutation Login($input: LoginInput!) { login(input: $input) { token refreshToken user { id mustChangePassword } } }';
const codeOf = (result: GraphQLResponse) => result.errors?.[0]?.extensions?.code ?? 'OK';
/** How long a revocation may take to reach every server. */
const WITHIN_MS = 5000;

describe.each([
  ['the embedded default (polling the office)', {}],
  ['Redis', { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' }],
])('sessions with %s', (_label, env: NodeJS.ProcessEnv) => {
  let platform: Platform;
  let gateway: string;
  let culture: string;
  let office: string;

  beforeAll(async () => {
    platform = await startPlatform({ env: { ...env, REVOCATION_POLL_MS: '500' } });
    gateway = platform.urls.gateway;
    culture = platform.urls.graphql.culture;
    office = await login(gateway, 'office');
  });
  afterAll(() => platform?.close());

  /** Waits until `token` is refused by the gateway and by the culture subgraph directly; returns how long that took. */
  async function refusedEverywhere(token: string): Promise<number> {
    const started = Date.now();
    for (;;) {
      const [viaGateway, direct] = await Promise.all([graphql(gateway, CULTURE, {}, token), graphql(culture, CULTURE, {}, token)]);
      if (codeOf(viaGateway) === 'UNAUTHENTICATED' && codeOf(direct) === 'UNAUTHENTICATED') {
        expect(viaGateway.errors?.[0]?.message).toBe('登录已失效，请重新登录');
        return Date.now() - started;
      }
      if (Date.now() - started > WITHIN_MS * 2) throw new Error(`still accepted after ${Date.now() - started} ms: ${codeOf(viaGateway)} / ${codeOf(direct)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('logout: within seconds the old access token is refused by the gateway and by a department subgraph directly', async () => {
    const token = await login(gateway, 'culture-admin');
    expect(codeOf(await graphql(gateway, CULTURE, {}, token))).toBe('OK');
    expect(codeOf(await graphql(culture, CULTURE, {}, token))).toBe('OK');
    expect((await graphql(gateway, 'mutation { logout }', {}, token)).data).toEqual({ logout: true });
    expect(await refusedEverywhere(token)).toBeLessThan(WITHIN_MS);
    // Another session of the same user is not affected.
    expect(codeOf(await graphql(culture, CULTURE, {}, await login(gateway, 'culture-admin')))).toBe('OK');
  });

  it("an admin's revocation ends all of a user's sessions everywhere", async () => {
    const first = await login(gateway, 'culture-inspector');
    const second = await login(gateway, 'culture-inspector');
    const { data } = await graphql(gateway, LOGIN, { input: { username: 'culture-inspector', password: 'Demo@2022' } });
    const userId = data.login.user.id;
    expect((await graphql(gateway, 'mutation R($id: ID!) { revokeAccountSessions(id: $id) }', { id: userId }, await login(gateway, 'culture-admin'))).data).toEqual({ revokeAccountSessions: 3 });
    expect(await refusedEverywhere(first)).toBeLessThan(WITHIN_MS);
    expect(await refusedEverywhere(second)).toBeLessThan(WITHIN_MS);
    // …and the refresh token of an ended session no longer works.
    expect(codeOf(await graphql(gateway, 'mutation F($t: String!) { refreshSession(refreshToken: $t) { token } }', { t: data.login.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('refreshes through the gateway: a new access token that works, and the used refresh token ends the session when replayed', async () => {
    const { data } = await graphql(gateway, LOGIN, { input: { username: 'market-admin', password: 'Demo@2022' } });
    const refresh = (t: string) => graphql(gateway, 'mutation F($t: String!) { refreshSession(refreshToken: $t) { token refreshToken } }', { t });
    const next = await refresh(data.login.refreshToken);
    expect(codeOf(await graphql(gateway, ME, {}, next.data.refreshSession.token))).toBe('OK');
    expect(codeOf(await refresh(data.login.refreshToken))).toBe('UNAUTHENTICATED');
    expect(await refusedEverywhere(next.data.refreshSession.token)).toBeLessThan(WITHIN_MS);
  });

  it('a new account must change its password first (on every subgraph), after which its sessions end and the new password works', async () => {
    const admin = await login(gateway, 'culture-admin');
    // A new officer joins the directory (every demo officer already has a login); the admin makes theirs.
    const joined = await graphql(
      gateway,
      'mutation J($input: InspectorInput!) { createInspector(input: $input) { id } }',
      { input: { name: '文化新人', department: 'CULTURE', certificateNumber: `豫WG-SESS-${Date.now() % 1_000_000}`, certificateValidFrom: '2022-01-01', certificateValidUntil: '2027-12-31' } },
      admin,
    );
    expect(joined.errors).toBeUndefined();
    const inspectorId: string = joined.data.createInspector.id;
    const created = await graphql(
      gateway,
      'mutation C($input: CreateAccountInput!) { createAccount(input: $input) { id mustChangePassword } }',
      { input: { username: 'wenhua-06', displayName: '文化执法六', role: 'INSPECTOR', department: 'CULTURE', inspectorId, password: 'First#Pass2024' } },
      admin,
    );
    expect(created.data?.createAccount).toMatchObject({ mustChangePassword: true });
    const token = await login(gateway, 'wenhua-06', 'First#Pass2024');
    for (const url of [gateway, culture]) {
      const refused = await graphql(url, CULTURE, {}, token);
      expect(refused.errors?.[0]).toMatchObject({ message: '首次登录或密码被重置后，须先修改密码', extensions: { code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' } });
    }
    expect((await graphql(gateway, ME, {}, token)).data).toEqual({ me: { username: 'wenhua-06' } });
    const weak = await graphql(gateway, 'mutation P($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }', { c: 'First#Pass2024', n: 'password123' }, token);
    expect(weak.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    const changed = await graphql(gateway, 'mutation P($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }', { c: 'First#Pass2024', n: 'Second#Pass2024' }, token);
    expect(changed.data).toEqual({ changePassword: true });
    expect(await refusedEverywhere(token)).toBeLessThan(WITHIN_MS);
    expect(codeOf(await graphql(culture, CULTURE, {}, await login(gateway, 'wenhua-06', 'Second#Pass2024')))).toBe('OK');
  });

  it('a disabled account is signed out everywhere and cannot log in; an officer cannot disable anyone', async () => {
    const token = await login(gateway, 'fire-admin');
    const { data } = await graphql(gateway, LOGIN, { input: { username: 'fire-admin', password: 'Demo@2022' } });
    const disable = (enabled: boolean, as: string) => graphql(gateway, 'mutation D($id: ID!, $e: Boolean!) { setAccountEnabled(id: $id, enabled: $e) { disabledAt } }', { id: data.login.user.id, e: enabled }, as);
    expect(codeOf(await disable(false, await login(gateway, 'fire-inspector')))).toBe('FORBIDDEN');
    expect((await disable(false, office)).data.setAccountEnabled.disabledAt).toEqual(expect.any(String));
    expect(await refusedEverywhere(token)).toBeLessThan(WITHIN_MS);
    const refused = await graphql(gateway, LOGIN, { input: { username: 'fire-admin', password: 'Demo@2022' } });
    expect(refused.errors?.[0]).toMatchObject({ message: '账号已停用，请联系本单位管理员', extensions: { code: 'UNAUTHENTICATED' } });
    expect((await disable(true, office)).data.setAccountEnabled.disabledAt).toBeNull();
    expect(codeOf(await graphql(gateway, LOGIN, { input: { username: 'fire-admin', password: 'Demo@2022' } }))).toBe('OK');
  });
});
