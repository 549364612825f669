// Benchmark (issue #3), end to end on MariaDB through the gateway:
//  1. import of a 100,000-row XLSX venue directory: time of the dry run and of the commit, and the
//     office server's peak memory (VmHWM), besides the file's generation;
//  2. the draw mutations (commit + reveal) over that 100,000-venue directory (target under 5 s).
//
//   npm run bench:directory          (needs MariaDB at MYSQL_HOST, default 127.0.0.1:3306 root)
//   BENCH_VENUES=100000 BENCH_DB=sqlite node bench/directory-and-draw.mjs
import { readFileSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlatform } from '@dr/platform-runner';
import { generateDemoDirectoryFile } from '@dr/directory-import';
import { commitSeed, PLAN_2022 } from '@dr/domain';
import { nodeSha256 } from '@dr/domain/sha256-node';

const VENUES = Number(process.env.BENCH_VENUES ?? 100_000);
const DB = process.env.BENCH_DB ?? 'mariadb';
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const peakMb = (pid) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

async function post(url, query, variables, token) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const dir = mkdtempSync(join(tmpdir(), 'dr-bench-'));
let started = performance.now();
const file = await generateDemoDirectoryFile({ kind: 'venues', rows: VENUES, path: join(dir, 'venues.xlsx'), format: 'xlsx', seed: 2022 });
console.log(`\nGenerated ${VENUES.toLocaleString()}-row XLSX (${(statSync(file.path).size / 2 ** 20).toFixed(1)} MB) in ${seconds(performance.now() - started)}`);

const platform = await startPlatform({ db: DB, env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' } });
console.log(`Service logs: ${platform.logDir}`);
try {
  const gateway = platform.urls.gateway;
  const origin = new URL(gateway).origin;
  const { login } = await post(gateway, 'mutation($input: LoginInput!) { login(input: $input) { token } }', { input: { username: 'office', password: 'Demo@2022' } });
  const token = login.token;
  const job = async (id) => (await post(gateway, 'query($id: ID!) { importJob(id: $id) { status validRows errorCount processedRows failureMessage } }', { id }, token)).importJob;
  const until = async (id, busy) => {
    for (;;) {
      const current = await job(id);
      if (current.status !== busy) return current;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  started = performance.now();
  const upload = await fetch(`${origin}/files/imports?kind=venues`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'x-file-name': 'venues.xlsx' }, body: readFileSync(file.path) });
  const { importId } = await upload.json();
  const validated = await until(importId, 'VALIDATING');
  const validateMs = performance.now() - started;
  started = performance.now();
  await post(gateway, 'mutation($id: ID!) { commitImport(id: $id) { status } }', { id: importId }, token);
  const committed = await until(importId, 'COMMITTING');
  const commitMs = performance.now() - started;
  console.log(`Import through the gateway on ${DB}: upload + dry run ${seconds(validateMs)} (${validated.status}, ${validated.validRows.toLocaleString()} rows), commit ${seconds(commitMs)} (${committed.status})`);
  console.log(`  office server peak RSS (VmHWM, whole process): ${peakMb(platform.pid('office')).toFixed(0)} MB`);

  const parties = [
    { party: '联席办', secret: 'office-bench-secret-0001' },
    { party: '公证处', secret: 'notary-bench-secret-0001' },
  ];
  const input = {
    planId: PLAN_2022.id,
    parameters: {
      batch: 'bench',
      asOf: '2022-07-25',
      recentInspectionDays: 365,
      strata: [
        { riskClass: 'D', basisPoints: 5000 },
        { riskClass: 'C', basisPoints: 2000 },
        { riskClass: 'B', basisPoints: 1000 },
        { riskClass: 'A', basisPoints: 300 },
      ],
      visitStart: '2022-08-01',
      visitEnd: '2022-12-31',
      officersPerDepartment: [
        { department: 'CULTURE', count: 2 },
        { department: 'MARKET', count: 2 },
        { department: 'FIRE', count: 2 },
      ],
    },
    seedCommitments: parties.map((p) => ({ party: p.party, commitment: commitSeed(nodeSha256, p.party, p.secret) })),
  };
  started = performance.now();
  const { commitDraw } = await post(gateway, 'mutation($input: CommitDrawInput!) { commitDraw(input: $input) { id venueCount } }', { input }, token);
  const commitDrawMs = performance.now() - started;
  started = performance.now();
  const { revealDraw } = await post(gateway, 'mutation($input: RevealDrawInput!) { revealDraw(input: $input) { status drawnCount failureMessage } }', { input: { drawId: commitDraw.id, reveals: parties } }, token);
  const revealMs = performance.now() - started;
  console.log(`Draw through the gateway on ${DB} over ${commitDraw.venueCount.toLocaleString()} venues: commitDraw ${seconds(commitDrawMs)} + revealDraw ${seconds(revealMs)} = ${seconds(commitDrawMs + revealMs)} (target < 5 s); ${revealDraw.status}, ${revealDraw.drawnCount ?? 0} inspections with teams${revealDraw.failureMessage ? ` — ${revealDraw.failureMessage}` : ''}`);
} finally {
  await platform.close();
}
