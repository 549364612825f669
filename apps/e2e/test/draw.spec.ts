import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { commitSeed, PLAN_2022, verifyReceipt, type DrawReceipt, type DrawResult } from '@dr/domain';
import { nodeSha256 } from '@dr/domain/dist/sha256-node';
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
    expect(draw).toMatchObject({ status: 'COMMITTED', venueCount: 60, inspectorCount: 26 });
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

  it('fails with a message naming the venue and the department when a team cannot be staffed, and records the failure', async () => {
    const committed = await graphql(
      gateway,
      COMMIT,
      { input: { planId: PLAN_2022.id, parameters: parameters('人员不足', { officersPerDepartment: [{ department: 'CULTURE', count: 2 }, { department: 'FIRE', count: 8 }] }), seedCommitments: commitments() } },
      office,
    );
    expect(committed.errors).toBeUndefined();
    const revealed = await graphql(gateway, REVEAL, { input: { drawId: committed.data.commitDraw.id, reveals: parties } }, office);
    expect(revealed.data.revealDraw.status).toBe('FAILED');
    expect(revealed.data.revealDraw.failureMessage).toMatch(/检查对象 .+ 无法组成检查组：需要 8 名可参加的卫东区消防救援大队执法人员/);
    expect(revealed.data.revealDraw.inspections.totalCount).toBe(0);

    // The failure is public and verifiable like a completed draw (docs/draw-algorithm.md §6): no token needed.
    const failed = revealed.data.revealDraw;
    expect(failed.receiptPath).toBe(`/files/draws/${failed.id}/receipt.json`);
    const response = await fetch(new URL(failed.receiptPath, gateway));
    expect(response.status).toBe(200);
    const receipt = (await response.json()) as DrawReceipt;
    expect(receipt.commitment).toBe(committed.data.commitDraw.commitment);
    expect(receipt.result).toMatchObject({ seed: failed.seed, error: { code: 'NOT_ENOUGH_OFFICERS', department: 'fire', needed: 8, available: expect.any(Number) } });
    expect(receipt.resultHash).toBe(failed.resultHash);
    const file = join(mkdtempSync(join(tmpdir(), 'dr-receipt-')), 'receipt.json');
    writeFileSync(file, JSON.stringify(receipt));
    const cli = await promisify(execFile)(process.execPath, [join(__dirname, '..', '..', 'subgraph-office', 'dist', 'draw', 'verify-cli.js'), file]);
    expect(cli.stdout).toContain('验证通过：抽取未能完成');
    // A receipt claiming another failure (one more officer available than there was) does not verify.
    const failure = 'error' in receipt.result ? receipt.result.error : null;
    writeFileSync(file, JSON.stringify({ ...receipt, result: { ...receipt.result, error: { ...failure, available: failure!.available + 1 } } }));
    await expect(promisify(execFile)(process.execPath, [join(__dirname, '..', '..', 'subgraph-office', 'dist', 'draw', 'verify-cli.js'), file])).rejects.toMatchObject({ code: 1 });

    // The redraw of the batch must name the failed draw; then the history reads failure → redraw.
    const unnamed = await graphql(gateway, COMMIT, { input: { planId: PLAN_2022.id, parameters: parameters('人员不足'), seedCommitments: commitments() } }, office);
    expect(unnamed.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(unnamed.errors?.[0].message).not.toContain(failed.id);
    const redraw = await graphql(
      gateway,
      COMMIT,
      { input: { planId: PLAN_2022.id, parameters: parameters('人员不足'), seedCommitments: commitments(), supersedesId: failed.id, redrawReason: '消防人员不足，每组改为 2 人' } },
      office,
    );
    expect(redraw.errors).toBeUndefined();
    const redrawn = await graphql(gateway, REVEAL, { input: { drawId: redraw.data.commitDraw.id, reveals: parties } }, office);
    expect(redrawn.data.revealDraw.status).toBe('COMPLETED');
    const history = await graphql(gateway, `query($id: ID!) { draw(id: $id) { supersedes { id status receiptPath } redrawReason } }`, { id: redraw.data.commitDraw.id }, office);
    expect(history.data.draw).toEqual({ supersedes: { id: failed.id, status: 'FAILED', receiptPath: failed.receiptPath }, redrawReason: '消防人员不足，每组改为 2 人' });
  });

  it('refuses parameters outside the plan window, naming the field', async () => {
    const result = await graphql(gateway, COMMIT, { input: { planId: PLAN_2022.id, parameters: parameters('窗口外', { visitEnd: '2023-01-15' }), seedCommitments: commitments() } }, office);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'parameters.visitStart' } });
    const single = await graphql(gateway, COMMIT, { input: { planId: PLAN_2022.id, parameters: parameters('单方'), seedCommitments: commitments().slice(0, 1) } }, office);
    expect(single.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
