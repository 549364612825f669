import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { commitSeed, PLAN_2022, verifyReceipt, type DrawReceipt, type DrawResult } from '@dr/domain';
import { nodeSha256 } from '@dr/domain/sha256-node';
import { testDatabases } from '@dr/config-jest/databases';
import { graphql, login } from './graphql';

const COMMIT = `mutation Commit($input: CommitDrawInput!) { commitDraw(input: $input) { id status commitment venueCount inspectorCount venueSnapshotHash seedCommitments { party commitment } } }`;
const REVEAL = `mutation Reveal($input: RevealDrawInput!) { revealDraw(input: $input) { id status seed resultHash drawnCount failureMessage receiptPath
  outcome { excluded { notOperating recentlyInspected } selections { riskClass eligible drawn } workload { department min max } }
  inspections(first: 100) { totalCount nodes { id drawId scheduledDate status venue { id riskClass status } team { leader { id department } members { id department } } } } } }`;

const parties = [
  { party: '联席办', secret: 'office-secret-2022-0001' },
  { party: '公证处', secret: 'notary-secret-2022-0001' },
];
const commitments = (list = parties) => list.map((p) => ({ party: p.party, commitment: commitSeed(nodeSha256, p.party, p.secret) }));
const parameters = (batch: string, extra: Record<string, unknown> = {}) => ({
  batch,
  asOf: '2022-07-25',
  recentInspectionDays: 365,
  strata: [
    { riskClass: 'D', basisPoints: 5000 },
    { riskClass: 'C', basisPoints: 2000 },
    { riskClass: 'B', basisPoints: 1000 },
    { riskClass: 'A', basisPoints: 300 },
  ],
  visitStart: '2022-08-01',
  visitEnd: '2022-09-30',
  ...extra,
});

describe.each(testDatabases())('the double-random draw through the gateway on %s', (db: 'sqlite' | 'mariadb') => {
  let platform: Platform;
  let gateway: string;
  let office: string;

  beforeAll(async () => {
    platform = await startPlatform({ db });
    gateway = platform.urls.gateway;
    office = await login(gateway, 'office');
  });
  afterAll(() => platform?.close());

  it('a department user may not draw: FORBIDDEN and no draw recorded', async () => {
    const culture = await login(gateway, 'culture-admin');
    const refused = await graphql(gateway, COMMIT, { input: { planId: PLAN_2022.id, parameters: parameters('部门越权'), seedCommitments: commitments() } }, culture);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const draws = await graphql(gateway, `query($id: ID!) { draws(planId: $id) { totalCount } }`, { id: PLAN_2022.id }, office);
    expect(draws.data.draws.totalCount).toBe(0);
  });

  it('R-DRAW-1..3: commit, reveal, inspections with teams, and a receipt anyone can verify', async () => {
    const committed = await graphql(gateway, COMMIT, { input: { planId: PLAN_2022.id, parameters: parameters('2022-第一批'), seedCommitments: commitments() } }, office);
    expect(committed.errors).toBeUndefined();
    const draw = committed.data.commitDraw;
    // The six demo tasks' venues already have a task in the plan: not in its object directory.
    expect(draw).toMatchObject({ status: 'COMMITTED', venueCount: 54, inspectorCount: 26 });
    expect(draw.commitment).toMatch(/^[0-9a-f]{64}$/);

    const wrong = await graphql(gateway, REVEAL, { input: { drawId: draw.id, reveals: [parties[0], { ...parties[1], secret: 'not-the-notary-secret' }] } }, office);
    expect(wrong.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'reveals' } });
    expect(wrong.errors?.[0].message).toContain('公证处');

    const revealed = await graphql(gateway, REVEAL, { input: { drawId: draw.id, reveals: parties } }, office);
    expect(revealed.errors).toBeUndefined();
    const done = revealed.data.revealDraw;
    expect(done.status).toBe('COMPLETED');
    const drawn = done.outcome.selections.reduce((n: number, s: { drawn: number }) => n + s.drawn, 0);
    expect(drawn).toBeGreaterThan(0);
    expect(done.inspections.totalCount).toBe(drawn);
    for (const inspection of done.inspections.nodes) {
      expect(inspection).toMatchObject({ drawId: draw.id, scheduledDate: null, status: 'SCHEDULED' });
      expect(inspection.venue.status).toBe('OPERATING');
      expect(inspection.team.leader.department).toBe('CULTURE');
      const departments = [inspection.team.leader, ...inspection.team.members].map((m: { department: string }) => m.department).sort();
      expect(departments).toEqual(['CULTURE', 'CULTURE', 'FIRE', 'FIRE', 'MARKET', 'MARKET']);
    }
    for (const workload of done.outcome.workload) expect(workload.max - workload.min).toBeLessThanOrEqual(1);

    // The receipt is public: no token. Verified here and by the CLI, from the file alone.
    const response = await fetch(new URL(done.receiptPath, gateway));
    expect(response.status).toBe(200);
    const receipt = (await response.json()) as DrawReceipt;
    expect(receipt.resultHash).toBe(done.resultHash);
    expect(verifyReceipt(nodeSha256, receipt).ok).toBe(true);
    const file = join(mkdtempSync(join(tmpdir(), 'dr-receipt-')), 'receipt.json');
    writeFileSync(file, JSON.stringify(receipt));
    const cli = await promisify(execFile)(process.execPath, [join(__dirname, '..', '..', 'subgraph-office', 'dist', 'draw', 'verify-cli.js'), file]);
    expect(cli.stdout).toContain('验证通过');
    writeFileSync(file, JSON.stringify({ ...receipt, result: { ...receipt.result, teams: (receipt.result as DrawResult).teams.slice(1) } }));
    await expect(promisify(execFile)(process.execPath, [join(__dirname, '..', '..', 'subgraph-office', 'dist', 'draw', 'verify-cli.js'), file])).rejects.toMatchObject({ code: 1 });

    // A committed draw is immutable: a second reveal is refused.
    const again = await graphql(gateway, REVEAL, { input: { drawId: draw.id, reveals: parties } }, office);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');

    // A redraw of the batch needs the draw it replaces and a reason; both stay visible.
    const secondParties = parties.map((p) => ({ ...p, secret: `${p.secret}-redraw` }));
    const noReason = await graphql(gateway, COMMIT, { input: { planId: PLAN_2022.id, parameters: parameters('2022-第一批'), seedCommitments: commitments(secondParties) } }, office);
    expect(noReason.errors?.[0].extensions?.code).toBe('CONFLICT');
    const redraw = await graphql(
      gateway,
      COMMIT,
      { input: { planId: PLAN_2022.id, parameters: parameters('2022-第一批'), seedCommitments: commitments(secondParties), supersedesId: draw.id, redrawReason: '原抽取中一名组长调离' } },
      office,
    );
    expect(redraw.errors).toBeUndefined();
    const redrawn = await graphql(gateway, REVEAL, { input: { drawId: redraw.data.commitDraw.id, reveals: secondParties } }, office);
    expect(redrawn.data.revealDraw.status).toBe('COMPLETED');
    const history = await graphql(gateway, `query($id: ID!) { draws(planId: $id) { totalCount nodes { id status redrawReason supersedes { id } } } inspection(id: "${done.inspections.nodes[0].id}") { status } }`, { id: PLAN_2022.id }, office);
    expect(history.data.draws.nodes.map((d: { id: string }) => d.id)).toEqual(expect.arrayContaining([draw.id, redraw.data.commitDraw.id]));
    expect(history.data.draws.nodes.find((d: { id: string }) => d.id === redraw.data.commitDraw.id)).toMatchObject({ redrawReason: '原抽取中一名组长调离', supersedes: { id: draw.id } });
    expect(history.data.inspection.status).toBe('CANCELLED');
  });

  it('R-DRAW-2: settings that cannot staff a team are refused before any commitment is published, by name (no id), and nothing is recorded', async () => {
    const before = (await graphql(gateway, `query($id: ID!) { draws(planId: $id) { totalCount } }`, { id: PLAN_2022.id }, office)).data.draws.totalCount;
    const refused = await graphql(
      gateway,
      COMMIT,
      { input: { planId: PLAN_2022.id, parameters: parameters('人员不足', { officersPerDepartment: [{ department: 'CULTURE', count: 2 }, { department: 'FIRE', count: 8 }] }), seedCommitments: commitments() } },
      office,
    );
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'parameters.officersPerDepartment' } });
    expect(refused.errors?.[0].message).toMatch(/^检查组人数设置过多：每个检查组需要 8 名卫东区消防救援大队执法人员，可参加的只有 \d 名/);
    expect(refused.errors?.[0].message).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    const after = (await graphql(gateway, `query($id: ID!) { draws(planId: $id) { totalCount } }`, { id: PLAN_2022.id }, office)).data.draws.totalCount;
    expect(after).toBe(before);
    // The same batch with a team that can be staffed is then drawn, first time, with no redraw to name.
    const fixed = await graphql(gateway, COMMIT, { input: { planId: PLAN_2022.id, parameters: parameters('人员不足'), seedCommitments: commitments() } }, office);
    expect(fixed.errors).toBeUndefined();
  });

  it('one plan never draws a venue twice: a second batch leaves out the venues that already have a task', async () => {
    const tasked = await graphql(gateway, `query($id: ID!) { plan(id: $id) { inspections(first: 100) { nodes { venue { id } status } } } }`, { id: PLAN_2022.id }, office);
    const taskedVenues = new Set(tasked.data.plan.inspections.nodes.filter((i: { status: string }) => i.status !== 'CANCELLED').map((i: { venue: { id: string } }) => i.venue.id));
    const committed = await graphql(gateway, COMMIT, { input: { planId: PLAN_2022.id, parameters: parameters('第二批', { recentInspectionDays: 0, strata: [{ riskClass: 'A', basisPoints: 10000 }, { riskClass: 'B', basisPoints: 10000 }, { riskClass: 'C', basisPoints: 10000 }, { riskClass: 'D', basisPoints: 10000 }] }), seedCommitments: commitments() } }, office);
    expect(committed.errors).toBeUndefined();
    expect(committed.data.commitDraw.venueCount).toBe(60 - taskedVenues.size);
    const revealed = await graphql(gateway, REVEAL, { input: { drawId: committed.data.commitDraw.id, reveals: parties } }, office);
    expect(revealed.data.revealDraw.status).toBe('COMPLETED');
    const drawn = await graphql(gateway, `query($id: ID!) { draw(id: $id) { inspections(first: 100) { nodes { venue { id } } } } }`, { id: committed.data.commitDraw.id }, office);
    for (const node of drawn.data.draw.inspections.nodes) expect(taskedVenues.has(node.venue.id)).toBe(false);
  });

  it('refuses parameters outside the plan window, naming the field', async () => {
    const result = await graphql(gateway, COMMIT, { input: { planId: PLAN_2022.id, parameters: parameters('窗口外', { visitEnd: '2023-01-15' }), seedCommitments: commitments() } }, office);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'parameters.visitStart' } });
    const single = await graphql(gateway, COMMIT, { input: { planId: PLAN_2022.id, parameters: parameters('单方'), seedCommitments: commitments().slice(0, 1) } }, office);
    expect(single.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
