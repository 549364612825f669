// Writes docs/draw-vectors.json: inputs and expected outputs of dr-draw/1, from the reference
// implementation. Run after a deliberate change of the algorithm (which also needs a new version).
//   node packages/domain/scripts/draw-vectors.mjs
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitSeed, drawCommitment, DrawError, resultHash, runDraw, snapshotHash } from '../dist/index.js';
import { nodeSha256 } from '../dist/sha256-node.js';

const reveals = [
  { party: '联席办', secret: 'office: 7f3a9c2e41d8b605' },
  { party: '公证处', secret: 'notary: 0b9e55d1c7a2f364' },
];
const seedCommitments = reveals.map((r) => ({ party: r.party, commitment: commitSeed(nodeSha256, r.party, r.secret) }));
const base = {
  planId: '2022c025-0000-4000-8000-000000000025',
  batch: '2022-第一批',
  streets: [],
  excludeNotOperating: true,
  recentInspectionDays: 180,
  asOf: '2022-07-25',
  strata: [
    { riskClass: 'D', basisPoints: 5000 },
    { riskClass: 'C', basisPoints: 2000 },
    { riskClass: 'B', basisPoints: 1000 },
    { riskClass: 'A', count: 2 },
  ],
  visitPeriod: { start: '2022-08-01', end: '2022-08-31' },
  leadDepartment: 'culture',
  officersPerDepartment: { culture: 2, market: 2, fire: 2 },
};
const classes = ['A', 'A', 'A', 'B', 'B', 'C', 'D', 'A', 'B', 'D'];
const venues = Array.from({ length: 30 }, (_, i) => ({
  id: `venue-${String(i + 1).padStart(2, '0')}`,
  street: ['东安路街道', '五一路街道', '建设路街道'][i % 3],
  status: i % 11 === 10 ? 'SUSPENDED' : 'OPERATING',
  riskClass: classes[i % classes.length],
  lastInspection: i % 7 === 3 ? { date: '2022-03-15', problemFound: i % 2 === 0 } : null,
}));
const officer = (department, i, extra = {}) => ({
  id: `${department}-${String(i).padStart(2, '0')}`,
  department,
  certificateValidFrom: '2021-01-01',
  certificateValidUntil: '2024-12-31',
  onLeave: false,
  conflictVenueIds: [],
  ...extra,
});
const inspectors = [
  ...Array.from({ length: 6 }, (_, i) => officer('culture', i + 1, i === 2 ? { conflictVenueIds: ['venue-07', 'venue-10'] } : {})),
  ...Array.from({ length: 5 }, (_, i) => officer('market', i + 1, i === 4 ? { onLeave: true } : {})),
  ...Array.from({ length: 5 }, (_, i) => officer('fire', i + 1, i === 0 ? { certificateValidUntil: '2022-08-15' } : {})),
];

function vector(name, description, inputs) {
  const venueSnapshot = snapshotHash(nodeSha256, inputs.venues);
  const inspectorSnapshot = snapshotHash(nodeSha256, inputs.inspectors);
  const commitment = drawCommitment(nodeSha256, { venueSnapshot, inspectorSnapshot, parameters: inputs.parameters, seedCommitments: inputs.seedCommitments });
  let expected;
  try {
    const result = runDraw(nodeSha256, inputs);
    expected = { venueSnapshot, inspectorSnapshot, commitment, result, resultHash: resultHash(nodeSha256, result) };
  } catch (error) {
    if (!(error instanceof DrawError)) throw error;
    expected = { venueSnapshot, inspectorSnapshot, commitment, error: { code: error.code, details: error.details } };
  }
  return { name, description, inputs, expected };
}

const vectors = {
  algorithm: 'dr-draw/1',
  specification: 'docs/draw-algorithm.md',
  vectors: [
    vector('strata-exclusions-teams', '4 strata (shares and a count), a suspended venue, recent inspections, a conflict, an officer on leave, a certificate ending inside the visit period', {
      venues,
      inspectors,
      parameters: base,
      seedCommitments,
      reveals,
    }),
    vector('streets-filter-one-per-department', '定向 to two streets, one officer per department', {
      venues,
      inspectors,
      parameters: { ...base, batch: '2022-第二批', streets: ['东安路街道', '建设路街道'], officersPerDepartment: { culture: 1, market: 1, fire: 1 } },
      seedCommitments,
      reveals,
    }),
    vector('not-enough-officers', 'fire cannot staff a team of 4: the draw fails naming the venue and the department', {
      venues,
      inspectors,
      parameters: { ...base, batch: '2022-第三批', officersPerDepartment: { culture: 2, market: 2, fire: 5 } },
      seedCommitments,
      reveals,
    }),
  ],
};
const path = join(import.meta.dirname, '..', '..', '..', 'docs', 'draw-vectors.json');
writeFileSync(path, `${JSON.stringify(vectors, null, 2)}\n`);
console.log(`wrote ${vectors.vectors.length} vectors to ${path}`);
