// Benchmark (issue #3): the pure draw over 1,000,000 venues (4 strata, exclusions) with teams for the
// drawn set, against the floor of one SHA-256 per venue id in the same process. Prints both times,
// the ratio (target ≤ 2) and peak memory (target < 1 GB).
//
//   npm run bench:draw        (from the repository root; builds first)
//   BENCH_VENUES=1000000 BENCH_OFFICERS=5000 node bench/draw.mjs
import { hash } from 'node:crypto';
import { commitSeed, runDraw } from '@dr/domain';
import { nodeSha256 } from '@dr/domain/sha256-node';

const VENUES = Number(process.env.BENCH_VENUES ?? 1_000_000);
const OFFICERS = Number(process.env.BENCH_OFFICERS ?? 5_000);

const day = (n) => new Date(Date.UTC(2022, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

// A province-sized directory: most venues in good standing, a few high-risk; some closed, some recently inspected.
const CLASSES = [['A', 0.6], ['B', 0.3], ['C', 0.08], ['D', 0.02]];
const venues = new Array(VENUES);
for (let i = 0; i < VENUES; i++) {
  const r = (Math.imul(i + 1, 2654435761) >>> 0) / 2 ** 32;
  let acc = 0;
  const riskClass = CLASSES.find(([, share]) => (acc += share) > r)?.[0] ?? 'A';
  venues[i] = {
    id: `V${String(i).padStart(7, '0')}`,
    street: `S${i % 200}`,
    status: i % 20 === 0 ? 'CLOSED' : 'OPERATING',
    riskClass,
    lastInspection: i % 10 === 3 ? { date: day(100 + (i % 90)), problemFound: i % 30 === 3 } : null,
  };
}
const inspectors = [];
for (const department of ['culture', 'market', 'fire']) {
  for (let i = 0; i < OFFICERS; i++) {
    inspectors.push({
      id: `${department}-${i}`,
      department,
      certificateValidFrom: day(0),
      certificateValidUntil: day(i % 50 === 0 ? 150 : 900),
      onLeave: i % 97 === 0,
      conflictVenueIds: i % 10 === 0 ? [venues[(i * 7919) % VENUES].id] : [],
    });
  }
}
const parameters = {
  planId: 'bench',
  batch: 'bench-1',
  streets: [],
  excludeNotOperating: true,
  recentInspectionDays: 180,
  asOf: day(200),
  strata: [
    { riskClass: 'D', basisPoints: 5000 },
    { riskClass: 'C', basisPoints: 2000 },
    { riskClass: 'B', basisPoints: 1000 },
    { riskClass: 'A', basisPoints: 300 },
  ],
  visitPeriod: { start: day(210), end: day(360) },
  leadDepartment: 'culture',
  officersPerDepartment: { culture: 2, market: 2, fire: 2 },
};
const reveals = [
  { party: '联席办', secret: 'office-secret-for-the-benchmark' },
  { party: '公证处', secret: 'notary-secret-for-the-benchmark' },
];
const seedCommitments = reveals.map((r) => ({ party: r.party, commitment: commitSeed(nodeSha256, r.party, r.secret) }));

// CPU time of this process (user + system), less disturbed than wall time by other work on the machine.
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function floor() {
  const started = cpuMs();
  let x = 0;
  for (let i = 0; i < VENUES; i++) x ^= hash('sha256', venues[i].id, 'buffer')[0];
  return { ms: cpuMs() - started, x };
}

function draw() {
  const started = cpuMs();
  const result = runDraw(nodeSha256, { venues, inspectors, parameters, seedCommitments, reveals });
  return { ms: cpuMs() - started, result };
}

floor(); // warm up both paths once
const floors = [floor().ms, floor().ms, floor().ms].sort((a, b) => a - b);
const draws = [draw(), draw(), draw()].sort((a, b) => a.ms - b.ms);
const { result } = draws[0];
const drawn = result.selections.reduce((n, s) => n + s.drawn, 0);
console.log(`\nDraw benchmark: ${VENUES.toLocaleString()} venues, 4 strata, ${inspectors.length.toLocaleString()} officers, Node ${process.version}, best of 3`);
console.log(`  excluded: ${JSON.stringify(result.excluded)}`);
console.log(`  drawn: ${result.selections.map((s) => `${s.riskClass} ${s.drawn}/${s.eligible}`).join(', ')} = ${drawn} venues, ${result.teams.length} teams`);
console.log(`  workload spread (max − min): ${result.workload.map((w) => `${w.department} ${w.max - w.min}`).join(', ')}`);
console.log(`  floor (one SHA-256 per venue id): ${floors[0].toFixed(0)} ms CPU`);
console.log(`  draw (selection + teams):          ${draws[0].ms.toFixed(0)} ms CPU`);
console.log(`  ratio draw / floor: ${(draws[0].ms / floors[0]).toFixed(2)} (target ≤ 2)`);
// maxRSS is the kernel's high-water mark for this process (KiB), directory generation included.
console.log(`  peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, directory included (target < 1024 MB)`);
