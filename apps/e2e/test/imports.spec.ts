import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { generateDemoDirectoryFile, parseDirectoryFile } from '@dr/directory-import';
import { demoInspections, WEIDONG_STREETS } from '@dr/demo-data';
import { commitSeed, PLAN_2022 } from '@dr/domain';
import { nodeSha256 } from '@dr/domain/sha256-node';
import { testDatabases } from '@dr/config-jest/databases';
import { graphql, login } from './graphql';

const JOB = `query($id: ID!) { importJob(id: $id) { id fileName status totalRows processedRows validRows errorCount failureMessage errors(first: 100) { totalCount nodes { row column reason } } } }`;
const dir = mkdtempSync(join(tmpdir(), 'dr-import-e2e-'));

async function upload(platform: Platform, token: string, kind: string, path: string) {
  const origin = new URL(platform.urls.gateway).origin;
  return fetch(`${origin}/files/imports?kind=${kind}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'x-file-name': encodeURIComponent('名录.xlsx') }, body: readFileSync(path) });
}

async function waitFor(platform: Platform, token: string, id: string, busy: string) {
  for (let i = 0; i < 600; i++) {
    const job = (await graphql(platform.urls.gateway, JOB, { id }, token)).data.importJob;
    if (job.status !== busy) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`import ${id} still ${busy}`);
}

describe.each(testDatabases())('directory import and export through the gateway on %s', (db: 'sqlite' | 'mariadb') => {
  let platform: Platform;
  let office: string;

  beforeAll(async () => {
    platform = await startPlatform({ db });
    office = await login(platform.urls.gateway, 'office');
  });
  afterAll(() => platform?.close());

  it('a dry run lists every bad row (row, column, Chinese reason) and nothing is written', async () => {
    const file = await generateDemoDirectoryFile({ kind: 'venues', rows: 400, path: join(dir, `bad-${db}.xlsx`), format: 'xlsx', withErrors: 6, seed: 11 });
    const before = (await graphql(platform.urls.gateway, '{ venues { totalCount } }', {}, office)).data.venues.totalCount;
    const response = await upload(platform, office, 'venues', file.path);
    expect(response.status).toBe(202);
    const job = await waitFor(platform, office, (await response.json()).importId, 'VALIDATING');
    expect(job.status).toBe('INVALID');
    expect(job.fileName).toBe('名录.xlsx');
    expect(job.errorCount).toBe(file.badRows.length);
    expect(job.errors.nodes.map((e: { row: number; column: string }) => ({ row: e.row, column: e.column }))).toEqual(file.badRows.map((b) => ({ row: b.row, column: b.column })));
    for (const error of job.errors.nodes) expect(error.reason).toMatch(/[\u4e00-\u9fa5]/);
    const commit = await graphql(platform.urls.gateway, 'mutation($id: ID!) { commitImport(id: $id) { status } }', { id: job.id }, office);
    expect(commit.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await graphql(platform.urls.gateway, '{ venues { totalCount } }', {}, office)).data.venues.totalCount).toBe(before);
  });

  it('a valid file is committed all at once, then exports and re-imports unchanged', async () => {
    const file = await generateDemoDirectoryFile({ kind: 'venues', rows: 1500, path: join(dir, `good-${db}.xlsx`), format: 'xlsx', seed: 12 });
    const before = (await graphql(platform.urls.gateway, '{ venues { totalCount } }', {}, office)).data.venues.totalCount;
    const validated = await waitFor(platform, office, (await (await upload(platform, office, 'venues', file.path)).json()).importId, 'VALIDATING');
    expect(validated).toMatchObject({ status: 'VALID', validRows: 1500, errorCount: 0, processedRows: 1500 });
    const started = await graphql(platform.urls.gateway, 'mutation($id: ID!) { commitImport(id: $id) { status } }', { id: validated.id }, office);
    expect(started.data.commitImport.status).toBe('COMMITTING');
    const committed = await waitFor(platform, office, validated.id, 'COMMITTING');
    expect(committed.status).toBe('COMMITTED');
    expect((await graphql(platform.urls.gateway, '{ venues { totalCount } }', {}, office)).data.venues.totalCount).toBe(before + 1500);

    const origin = new URL(platform.urls.gateway).origin;
    const exported = await fetch(`${origin}/files/exports/venues.xlsx`, { headers: { authorization: `Bearer ${office}` } });
    expect(exported.status).toBe(200);
    const path = join(dir, `export-${db}.xlsx`);
    writeFileSync(path, Buffer.from(await exported.arrayBuffer()));
    let rows = 0;
    let bad = 0;
    for await (const row of parseDirectoryFile({ kind: 'venues', path, options: { streets: WEIDONG_STREETS.map((s) => s.name) } })) {
      rows++;
      if (row.errors.length) bad++;
    }
    expect(rows).toBe(before + 1500);
    expect(bad).toBe(0);
    const reimport = await waitFor(platform, office, (await (await upload(platform, office, 'venues', path)).json()).importId, 'VALIDATING');
    expect(reimport).toMatchObject({ status: 'VALID', validRows: before + 1500 });

    // Import → draw → inspections: the imported venues are in the next draw's snapshot and results.
    const parties = [
      { party: '联席办', secret: `office-secret-after-import-${db}` },
      { party: '见证人', secret: `witness-secret-after-import-${db}` },
    ];
    const committedDraw = await graphql(
      platform.urls.gateway,
      'mutation($input: CommitDrawInput!) { commitDraw(input: $input) { id venueCount } }',
      {
        input: {
          planId: PLAN_2022.id,
          parameters: { batch: '导入后抽取', asOf: '2022-07-25', strata: [{ riskClass: 'D', basisPoints: 1000 }, { riskClass: 'A', count: 5 }], visitStart: '2022-09-01', visitEnd: '2022-09-30' },
          seedCommitments: parties.map((p) => ({ party: p.party, commitment: commitSeed(nodeSha256, p.party, p.secret) })),
        },
      },
      office,
    );
    // The venues that already have a (demo) task in the plan are not drawn again (R-DRAW-2), so not in the snapshot.
    expect(committedDraw.data.commitDraw.venueCount).toBe(before + 1500 - new Set(demoInspections().map((i) => i.venueId)).size);
    const revealed = await graphql(
      platform.urls.gateway,
      'mutation($input: RevealDrawInput!) { revealDraw(input: $input) { status inspections(first: 100) { totalCount nodes { venue { uscc } } } } }',
      { input: { drawId: committedDraw.data.commitDraw.id, reveals: parties } },
      office,
    );
    expect(revealed.errors).toBeUndefined();
    expect(revealed.data.revealDraw.status).toBe('COMPLETED');
    const imported = new Set<string>();
    for await (const row of parseDirectoryFile({ kind: 'venues', path: file.path, options: { streets: WEIDONG_STREETS.map((s) => s.name) } })) if (row.record) imported.add(row.record.uscc);
    const drawnUscc = revealed.data.revealDraw.inspections.nodes.map((n: { venue: { uscc: string } }) => n.venue.uscc);
    expect(drawnUscc.some((uscc: string) => imported.has(uscc))).toBe(true);
  });

  it('only the office imports venues; a department admin imports only its own officers', async () => {
    const market = await login(platform.urls.gateway, 'market-admin');
    const venues = await generateDemoDirectoryFile({ kind: 'venues', rows: 5, path: join(dir, `dept-v-${db}.xlsx`), format: 'xlsx', seed: 13 });
    expect((await upload(platform, market, 'venues', venues.path)).status).toBe(403);
    const officers = await generateDemoDirectoryFile({ kind: 'inspectors', rows: 30, path: join(dir, `dept-i-${db}.xlsx`), format: 'xlsx', seed: 14 });
    const job = await waitFor(platform, market, (await (await upload(platform, market, 'inspectors', officers.path)).json()).importId, 'VALIDATING');
    expect(job.status).toBe('INVALID');
    expect(job.errors.nodes.some((e: { column: string; reason: string }) => e.column === '所属部门' && e.reason.includes('本部门'))).toBe(true);
    const anonymous = await fetch(`${new URL(platform.urls.gateway).origin}/files/exports/venues.xlsx`);
    expect(anonymous.status).toBe(401);
  });
});
