import 'reflect-metadata';
import { generateKeyPairSync } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { demoInspectors, demoUsers, DEMO_PASSWORD } from '@dr/demo-data';
import type { Principal } from '@dr/domain';
import { createLogger, verifyToken } from '@dr/subgraph-kit';
import { openTestDataSource } from '@dr/subgraph-kit/testing';
import { testDatabases } from '@dr/config-jest/databases';
import { OFFICE_ENTITIES, OFFICE_MIGRATIONS } from '../src/entities';
import { seedOffice } from '../src/seed';
import { User } from '../src/auth/user.entity';
import { Session } from '../src/auth/session.entity';
import { AccountService } from '../src/auth/account.service';
import { AuthService } from '../src/auth/auth.service';
import { SessionService } from '../src/auth/session.service';
import { SqlLoginThrottleStore } from '../src/auth/login-throttle-sql.store';

// Issue "Trust": accounts (R-ACC-2 … R-ACC-5) and sessions, on the office's real storage.
const STRONG = 'Xq7#lanTing9';
const logger = createLogger('office', 'silent');
const keys = generateKeyPairSync('ed25519');
const principalOf = (username: string): Principal => {
  const user = demoUsers().find((u) => u.username === username)!;
  return { userId: user.id, username, displayName: user.displayName, role: user.role, department: user.department, inspectorId: user.inspectorId };
};
const office = principalOf('office');
const cultureAdmin = principalOf('culture-admin');
const cultureInspector = principalOf('culture-inspector');

const ADDRESS = '192.0.2.10';

describe.each(testDatabases())('accounts and sessions on %s', (db) => {
  let dataSource: DataSource;
  let dispose: () => Promise<void>;
  let sessions: SessionService;
  let accounts: AccountService;
  let auth: AuthService;
  let address = 0;
  const login = (username: string, password: string) => auth.login({ username, password, address: `192.0.2.${++address}` }, logger);
  const codeOf = async (promise: Promise<unknown>) => promise.then(() => 'OK', (error: { extensions?: { code?: string; field?: string; reason?: string } }) => [error.extensions?.code, error.extensions?.field ?? error.extensions?.reason].filter(Boolean).join(':'));
  // A free officer of the culture directory (the demo inspector login has the first one).
  const freeCultureOfficer = () => demoInspectors().filter((i) => i.department === 'culture')[3].id;

  beforeAll(async () => {
    ({ dataSource, dispose } = await openTestDataSource({ name: 'office', entities: OFFICE_ENTITIES, migrations: OFFICE_MIGRATIONS }, db));
    await seedOffice(dataSource, logger);
    // Every demo officer has a login; the fourth culture officer's is taken away, as for an officer new to the platform.
    await dataSource.getRepository(User).delete({ inspectorId: freeCultureOfficer() });
    sessions = new SessionService(dataSource, keys.privateKey, { accessTtlSeconds: 600, refreshTtlSeconds: 3600 }, null);
    accounts = new AccountService(dataSource, sessions, new SqlLoginThrottleStore(dataSource, 3600));
    auth = new AuthService(dataSource, sessions, new SqlLoginThrottleStore(dataSource, 3600));
  });
  afterAll(() => dispose());

  it('R-ACC-2: the office creates a department admin, who must change the password at first login', async () => {
    const created = await accounts.create(office, { username: 'Fire-Admin2', displayName: '消防管理员二', role: 'DEPARTMENT_ADMIN', department: 'fire', inspectorId: null, password: STRONG });
    expect(created).toMatchObject({ username: 'fire-admin2', role: 'DEPARTMENT_ADMIN', department: 'fire', mustChangePassword: true, disabledAt: null });
    const session = await login('fire-admin2', STRONG);
    expect(await verifyToken(session.token, keys.publicKey)).toMatchObject({ username: 'fire-admin2', mustChangePassword: true, sessionId: expect.any(String) });
  });

  it('R-ACC-2: a department admin creates a login for its own officer, one login per officer; nobody else may', async () => {
    const inspectorId = freeCultureOfficer();
    const input = { username: 'culture-officer4', displayName: '文化执法四', role: 'INSPECTOR' as const, department: 'culture' as const, inspectorId, password: STRONG };
    expect(await codeOf(accounts.create(office, input))).toBe('FORBIDDEN');
    expect(await codeOf(accounts.create(cultureInspector, input))).toBe('FORBIDDEN');
    expect(await codeOf(accounts.create(principalOf('market-admin'), input))).toBe('FORBIDDEN');
    expect(await codeOf(accounts.create(cultureAdmin, { ...input, inspectorId: demoInspectors().find((i) => i.department === 'market')!.id }))).toBe('BAD_USER_INPUT:inspectorId');
    expect(await codeOf(accounts.create(cultureAdmin, input))).toBe('OK');
    expect(await codeOf(accounts.create(cultureAdmin, { ...input, username: 'culture-officer4b' }))).toBe('CONFLICT:inspectorId');
    expect(await codeOf(accounts.create(cultureAdmin, { ...input, inspectorId: demoInspectors().filter((i) => i.department === 'culture')[4].id }))).toBe('CONFLICT:username');
  });

  it('R-ACC-1: refuses a weak password, naming the field, and writes nothing', async () => {
    const before = await dataSource.getRepository(User).count();
    const input = { username: 'weakling', displayName: '弱密码', role: 'DEPARTMENT_ADMIN' as const, department: 'market' as const, inspectorId: null };
    for (const password of ['short1!A', 'Password@123', 'weakling#2024A', 'alllowercase12']) {
      expect(await codeOf(accounts.create(office, { ...input, password }))).toBe('BAD_USER_INPUT:password');
    }
    expect(await dataSource.getRepository(User).count()).toBe(before);
  });

  it('lists all accounts for the office and only its own department for a department admin, paged', async () => {
    const all = await accounts.list(office, {}, 0, 5);
    expect(all.nodes).toHaveLength(5);
    expect(all.totalCount).toBeGreaterThanOrEqual(9);
    expect(all.pageInfo.hasNextPage).toBe(true);
    const own = await accounts.list(cultureAdmin, { department: 'market' }, 0, 100);
    expect(new Set(own.nodes.map((u) => u.department))).toEqual(new Set(['culture']));
    expect(await codeOf(accounts.list(cultureInspector, {}, 0, 10))).toBe('FORBIDDEN');
    expect((await accounts.list(office, { text: 'officer4' }, 0, 10)).nodes.map((u) => u.username)).toEqual(['culture-officer4']);
  });

  it('R-ACC-3: disabling ends every session of the account and refuses its logins; enabling lets it in again', async () => {
    const first = await login('culture-inspector', DEMO_PASSWORD);
    const second = await login('culture-inspector', DEMO_PASSWORD);
    expect(await codeOf(accounts.setEnabled(principalOf('market-admin'), cultureInspector.userId, false))).toBe('FORBIDDEN');
    expect(await codeOf(accounts.setEnabled(cultureInspector, cultureInspector.userId, false))).toBe('FORBIDDEN');
    await accounts.setEnabled(cultureAdmin, cultureInspector.userId, false);
    const revoked = await sessions.revokedSessionIds();
    for (const token of [first.token, second.token]) expect(revoked).toContain((await verifyToken(token, keys.publicKey)).sessionId);
    expect(await codeOf(login('culture-inspector', DEMO_PASSWORD))).toBe('UNAUTHENTICATED:ACCOUNT_DISABLED');
    expect(await codeOf(login('culture-inspector', 'Wrong-Pass-123'))).toBe('UNAUTHENTICATED');
    expect(await codeOf(auth.refresh(first.refreshToken))).toBe('UNAUTHENTICATED');
    await accounts.setEnabled(cultureAdmin, cultureInspector.userId, true);
    expect(await codeOf(login('culture-inspector', DEMO_PASSWORD))).toBe('OK');
  });

  it('rotates the refresh token; a used one presented again ends the session (reuse detection)', async () => {
    const session = await login('market-admin', DEMO_PASSWORD);
    const sid = (await verifyToken(session.token, keys.publicKey)).sessionId!;
    const next = await auth.refresh(session.refreshToken);
    expect(next.refreshToken).not.toBe(session.refreshToken);
    expect((await verifyToken(next.token, keys.publicKey)).sessionId).toBe(sid);
    const again = await auth.refresh(next.refreshToken);
    // The thief replays the first one: the session ends, for the thief and the user alike.
    expect(await codeOf(auth.refresh(session.refreshToken))).toBe('UNAUTHENTICATED');
    expect(await codeOf(auth.refresh(again.refreshToken))).toBe('UNAUTHENTICATED');
    expect(await dataSource.getRepository(Session).findOneByOrFail({ id: sid })).toMatchObject({ revokedAt: expect.any(Date), revokeReason: 'REUSED' });
    expect(await sessions.revokedSessionIds()).toContain(sid);
  });

  it('R-ACC-4: a reset password must be changed; changing it ends every session and the old password stops working', async () => {
    const id = (await dataSource.getRepository(User).findOneByOrFail({ username: 'culture-officer4' })).id;
    const live = await login('culture-officer4', STRONG);
    const reset = await accounts.resetPassword(cultureAdmin, id, 'Reset#Pass2024');
    expect(reset.mustChangePassword).toBe(true);
    expect(await sessions.revokedSessionIds()).toContain((await verifyToken(live.token, keys.publicKey)).sessionId);
    const afterReset = await login('culture-officer4', 'Reset#Pass2024');
    const me = { ...(await verifyToken(afterReset.token, keys.publicKey)) };
    expect(me.mustChangePassword).toBe(true);
    expect(await codeOf(accounts.changeOwnPassword(me, 'wrong-current', 'Brand#New2024', ADDRESS))).toBe('BAD_USER_INPUT:currentPassword');
    expect(await codeOf(accounts.changeOwnPassword(me, 'Reset#Pass2024', 'Reset#Pass2024', ADDRESS))).toBe('BAD_USER_INPUT:newPassword');
    expect(await codeOf(accounts.changeOwnPassword(me, 'Reset#Pass2024', 'culture-officer4!A1', ADDRESS))).toBe('BAD_USER_INPUT:newPassword');
    await accounts.changeOwnPassword(me, 'Reset#Pass2024', 'Brand#New2024', ADDRESS);
    expect(await sessions.revokedSessionIds()).toContain(me.sessionId);
    expect(await codeOf(login('culture-officer4', 'Reset#Pass2024'))).toBe('UNAUTHENTICATED');
    const fresh = await login('culture-officer4', 'Brand#New2024');
    expect((await verifyToken(fresh.token, keys.publicKey)).mustChangePassword).toBeUndefined();
  });

  it('R-ACC-4: guessing the current password on the change-password form meets the login throttle', async () => {
    const session = await login('market-officer-3', DEMO_PASSWORD);
    const me = await verifyToken(session.token, keys.publicKey);
    const codes: string[] = [];
    for (let attempt = 0; attempt < 12; attempt++) codes.push(await codeOf(accounts.changeOwnPassword(me, `guess-${attempt}`, 'Brand#New2024', '198.51.100.7')));
    expect(codes[0]).toBe('BAD_USER_INPUT:currentPassword');
    expect(codes).toContain('TOO_MANY_ATTEMPTS:currentPassword');
    // The right password is refused too while the account is throttled: the guesser learns nothing.
    expect(await codeOf(accounts.changeOwnPassword(me, DEMO_PASSWORD, 'Brand#New2024', '198.51.100.7'))).toBe('TOO_MANY_ATTEMPTS:currentPassword');
  });
});
