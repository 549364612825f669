import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { randomBytes, randomUUID } from 'node:crypto';
import mysql from 'mysql2/promise';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { demoInspections, demoUsers } from '@dr/demo-data';
import { PLAN_2022 } from '@dr/domain';
import { testDatabases } from '@dr/config-jest/databases';
import { graphql, login } from './graphql';

// better-sqlite3 ships no types; the test needs three calls of it to edit a row behind the server's back.
const Database = require('better-sqlite3') as new (file: string) => { pragma(statement: string): unknown; exec(sql: string): void; close(): void };

// Issue "Trust": the tamper-evident audit trail (ADR 0016), through the real gateway, and `npm run audit:verify`.
const REPO_ROOT = resolve(__dirname, '../../..');
const ENTRY = 'seq at actorUsername actorUserId actorRole actorDepartment clientAddress action objectType objectId outcome detail prevHash hash';
const trailQuery = (source: string) => `query($filter: ${source[0].toUpperCase()}${source.slice(1)}AuditTrailFilter, $first: Int) { ${source}AuditTrail(filter: $filter, first: $first) { totalCount nodes { ${ENTRY} } head { seq hash } pageInfo { hasNextPage endCursor } } }`;
const LOGIN = 'mutation Login($input: LoginInput!) { login(input: $input) { token } }';
const UPDATE_VENUE_STATUS = `mutation($id: ID!, $input: VenueInput!) { updateVenue(id: $id, input: $input) { id name } }`;
const SAVE_SECTION = `mutation($input: SaveSectionInput!) { cultureSaveSection(input: $input) { version } }`;

describe.each(testDatabases())('the audit trail through the gateway on %s', (db: 'sqlite' | 'mariadb') => {
  let platform: Platform;
  let gateway: string;
  let office: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'dr-audit-'));
  const prefix = `dr_a${randomBytes(4).toString('hex')}_`;

  beforeAll(async () => {
    // The test plays a trusted reverse proxy on 127.0.0.1, so X-Forwarded-For names the client.
    platform = await startPlatform({ db, dataDir, mysqlDatabasePrefix: prefix, env: { TRUSTED_PROXIES: '127.0.0.1' } });
    gateway = platform.urls.gateway;
    office = await login(gateway, 'office');
  });
  afterAll(async () => {
    await platform?.close();
    if (db === 'mariadb') {
      const connection = await mysql.createConnection({ host: '127.0.0.1', user: 'root' });
      for (const name of ['office', 'culture', 'market', 'fire']) await connection.query(`DROP DATABASE IF EXISTS \`${prefix}${name}\``);
      await connection.end();
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  const trail = async (source: string, token: string, filter: Record<string, unknown> = {}, first = 100) => graphql(gateway, trailQuery(source), { filter, first }, token);

  it('records failed and successful logins with the name tried and the caller\'s address, never the password', async () => {
    const failed = await graphql(gateway, LOGIN, { input: { username: 'culture-admin', password: 'Wr0ng-Secret-Pass' } });
    expect(failed.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await login(gateway, 'culture-admin');
    const result = await trail('office', office, { action: 'login', user: 'culture-admin' });
    expect(result.errors).toBeUndefined();
    const entries = result.data.officeAuditTrail.nodes;
    expect(entries.map((e: { outcome: string }) => e.outcome)).toEqual(['SUCCEEDED', 'FAILED']);
    expect(entries[1]).toMatchObject({ actorUsername: 'culture-admin', actorUserId: null, objectType: 'app_user', clientAddress: expect.stringMatching(/127\.0\.0\.1/) });
    expect(entries[0]).toMatchObject({ actorUserId: demoUsers()[1].id, actorRole: 'DEPARTMENT_ADMIN', actorDepartment: 'culture' });
    expect(JSON.stringify(entries)).not.toContain('Wr0ng-Secret-Pass');
  });

  it('records the office\'s write with who did it; a refused mutation adds nothing', async () => {
    const venues = await graphql(gateway, '{ venues(first: 1) { nodes { id name uscc address street status riskClass } } }', {}, office);
    const venue = venues.data.venues.nodes[0];
    const input = { name: `${venue.name}（改）`, uscc: venue.uscc, address: venue.address, street: venue.street, status: venue.status, riskClass: venue.riskClass };
    const before = (await trail('office', office, { objectType: 'venue', objectId: venue.id })).data.officeAuditTrail.totalCount;
    const market = await login(gateway, 'market-admin');
    const refused = await graphql(gateway, UPDATE_VENUE_STATUS, { id: venue.id, input }, market);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await graphql(gateway, UPDATE_VENUE_STATUS, { id: venue.id, input: { ...input, uscc: 'not-a-code' } }, office);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await trail('office', office, { objectType: 'venue', objectId: venue.id })).data.officeAuditTrail.totalCount).toBe(before);
    const updated = await graphql(gateway, UPDATE_VENUE_STATUS, { id: venue.id, input }, office);
    expect(updated.errors).toBeUndefined();
    const after = (await trail('office', office, { objectType: 'venue', objectId: venue.id })).data.officeAuditTrail;
    expect(after.totalCount).toBe(before + 1);
    expect(after.nodes[0]).toMatchObject({ action: 'update', actorUsername: 'office', actorRole: 'OFFICE_ADMIN', outcome: 'SUCCEEDED' });
    expect(JSON.parse(after.nodes[0].detail).columns).toContain('name');
  });

  it('records an export as a read, and reading the trail itself', async () => {
    const response = await fetch(`${gateway.replace(/\/graphql$/, '')}/files/exports/venues.xlsx`, { headers: { authorization: `Bearer ${office}`, 'x-forwarded-for': '203.0.113.77' } });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    const reads = (await trail('office', office, { action: 'file.read', objectType: 'venues.xlsx' })).data.officeAuditTrail.nodes;
    // The browser's address, carried through the gateway's file proxy, not the gateway's own.
    expect(reads[0]).toMatchObject({ actorUsername: 'office', objectType: 'venues.xlsx', clientAddress: '203.0.113.77' });
    const own = (await trail('office', office, { action: 'audit.read' })).data.officeAuditTrail;
    expect(own.totalCount).toBeGreaterThan(0);
  });

  it('each department keeps its own trail: its admin and the office read it, no one else; one request reads all four', async () => {
    const inspector = await login(gateway, 'culture-inspector');
    const inspection = demoInspections()[0];
    const items = await graphql(gateway, '{ cultureCheckItems(planId: "' + PLAN_2022.id + '") { id } }', {}, inspector);
    const checkItemId = items.data.cultureCheckItems[0].id;
    const saved = await graphql(gateway, SAVE_SECTION, { input: { inspectionId: inspection.id, planId: PLAN_2022.id, expectedVersion: 0, idempotencyKey: randomUUID(), items: [{ checkItemId, outcome: 'COMPLIANT' }], resultCodes: [], orders: [] } }, inspector);
    expect(saved.errors).toBeUndefined();
    const cultureAdmin = await login(gateway, 'culture-admin');
    const own = await trail('culture', cultureAdmin, { objectType: 'department_section' });
    expect(own.errors).toBeUndefined();
    expect(own.data.cultureAuditTrail.nodes[0]).toMatchObject({ action: 'insert', actorUsername: 'culture-inspector', actorDepartment: 'culture' });
    for (const [source, who] of [['market', cultureAdmin], ['culture', inspector], ['office', cultureAdmin]] as const) {
      const refused = await trail(source, who);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const all = await graphql(gateway, `{ officeAuditTrail(first: 1) { head { seq } } cultureAuditTrail(first: 1) { head { seq } } marketAuditTrail(first: 1) { head { seq } } fireAuditTrail(first: 1) { head { seq } } }`, {}, office);
    expect(all.errors).toBeUndefined();
    expect(all.data.cultureAuditTrail.head.seq).toBeGreaterThan(0);
    const tooMany = await trail('office', office, {}, 101);
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('exports the trail as CSV with a BOM and Chinese headers; only for those who may read it', async () => {
    const base = gateway.replace(/\/graphql$/, '');
    const refused = await fetch(`${base}/files/culture/audit.csv`, { headers: { authorization: `Bearer ${await login(gateway, 'market-admin')}` } });
    expect(refused.status).toBe(403);
    const response = await fetch(`${base}/files/culture/audit.csv?objectType=department_section`, { headers: { authorization: `Bearer ${office}` } });
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('序号,时间（UTC）,用户');
    expect(text).toContain('culture-inspector');
    const exported = await trail('culture', office, { action: 'audit.export' });
    expect(exported.data.cultureAuditTrail.nodes[0]).toMatchObject({ actorUsername: 'office' });
  });

  it('npm run audit:verify passes the four chains, then names the entry edited in the database', async () => {
    const { MYSQL_DATABASE: _one, ...inherited } = process.env;
    const env = { ...inherited, DB_CLIENT: db, SQLITE_DIR: dataDir, MYSQL_DATABASE_PREFIX: prefix };
    const verify = (args: string[]) =>
      promisify(execFile)('node', ['packages/subgraph-kit/dist/audit/verify-cli.js', ...args], { cwd: REPO_ROOT, env }).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    const intact = await verify([]);
    expect(intact.stdout).toMatch(/✓ office: 审计链完整/);
    expect(intact.stdout).toMatch(/✓ fire: 审计链完整/);
    expect(intact.code).toBe(0);
    const tamper = "UPDATE audit_entry SET actor_username = 'nobody' WHERE seq = 2";
    if (db === 'sqlite') {
      const file = new Database(join(dataDir, 'culture.sqlite'));
      file.pragma('busy_timeout = 5000');
      file.exec(tamper);
      file.close();
    } else {
      const connection = await mysql.createConnection({ host: '127.0.0.1', user: 'root', database: `${prefix}culture` });
      await connection.query(tamper);
      await connection.end();
    }
    const broken = await verify(['--subgraph', 'culture']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('✗ culture: 审计链已损坏 / audit chain BROKEN — 第 2 条的内容与其哈希不符（被修改）/ hash mismatch at entry 2');
  });
});
