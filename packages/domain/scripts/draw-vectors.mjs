// Writes docs/draw-vectors.json: inputs and expected outputs of dr-draw/1, from the reference
// implementation. Run after a deliberate change of the algorithm (which also needs a new version).
//   node packages/domain/scripts/draw-vectors.mjs
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitSeed, drawCommitment, DrawError, drawOutcome, resultHash, SEP, snapshotHash, toHex } from '../dist/index.js';
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
    // A failed draw (NOT_ENOUGH_OFFICERS) has a result too: the failure, hashed and published (§6).
    const result = drawOutcome(nodeSha256, inputs);
    expected = { venueSnapshot, inspectorSnapshot, commitment, result, resultHash: resultHash(nodeSha256, result) };
  } catch (error) {
    if (!(error instanceof DrawError)) throw error;
    expected = { venueSnapshot, inspectorSnapshot, commitment, error: { code: error.code, details: error.details } };
  }
  return { name, description, inputs, expected };
}

// Small directories for the vectors that pin one rule each (see the "pins" of every vector).
const small = (id, riskClass, extra = {}) => ({ id, street: '东安路街道', status: 'OPERATING', riskClass, lastInspection: null, ...extra });
const smallBase = {
  ...base,
  recentInspectionDays: 30,
  strata: [{ riskClass: 'A', count: 100 }],
  officersPerDepartment: { culture: 1, market: 1 },
};
const boundaryVenues = [
  small('b-01', 'A', { lastInspection: { date: '2022-06-25', problemFound: false } }), // exactly 30 days: not recent
  small('b-02', 'A', { lastInspection: { date: '2022-06-26', problemFound: false } }), // 29 days: recent
  small('b-03', 'A', { lastInspection: { date: '2022-07-26', problemFound: false } }), // after asOf: not recent
  small('b-04', 'A', { lastInspection: { date: '2022-07-15', problemFound: true } }), // problem found: not recent
  small('b-05', 'A', { lastInspection: { date: '2022-07-25', problemFound: false } }), // on asOf: recent
  small('b-06', 'B'),
];
const boundaryOfficers = [
  officer('market', 1, { certificateValidFrom: '2022-08-01', certificateValidUntil: '2022-08-31' }), // exactly the visit period: available
  officer('market', 2, { certificateValidFrom: '2022-08-02' }), // starts a day late: not available
  officer('market', 3),
  officer('culture', 1, { certificateValidUntil: '2022-08-30' }), // ends a day early: not available
  officer('culture', 2, { certificateValidFrom: null, certificateValidUntil: null }), // null dates: not available
  officer('culture', 3),
  officer('culture', 4, { certificateValidFrom: '0000-01-01' }),
];
const loadVenues = Array.from({ length: 14 }, (_, i) => small(`l-${String(i + 1).padStart(2, '0')}`, 'A'));
const loadOfficers = [
  // Unsorted, with a duplicate, naming venues outside the snapshot: hashed as written, no effect on the draw.
  officer('market', 1, { conflictVenueIds: ['zz-2', 'zz-1', 'zz-1'] }),
  officer('market', 2),
  officer('culture', 1, { conflictVenueIds: ['l-02', 'l-05', 'l-07', 'l-11'] }),
  officer('culture', 2),
  officer('culture', 3),
];
const astral = (text) => [...text].map((c) => String.fromCodePoint(0x20000 + c.charCodeAt(0))).join('');
// 8 characters outside the BMP: 16 UTF-16 code units, so long enough; 8 code points.
const astralReveals = [
  { party: '联席办', secret: astral('officeAB') },
  { party: '公证处', secret: astral('notaryCD') },
];
// 10 Chinese characters: 10 UTF-16 code units (30 UTF-8 bytes), too short.
const shortReveals = [
  { party: '联席办', secret: '一二三四五六七八九十' },
  { party: '公证处', secret: 'notary: 0b9e55d1c7a2f364' },
];
// commitSeed refuses a short secret, so its commitment is computed by hand, as §1 says.
const rawCommit = ({ party, secret }) => ({ party, commitment: toHex(nodeSha256.digest(['dr-draw/1', 'commit', party, secret].join(SEP))) });

const vectors = {
  algorithm: 'dr-draw/1',
  specification: 'docs/draw-algorithm.md',
  format: 'expected: venueSnapshot, inspectorSnapshot, commitment, then result + resultHash (completed or failed draw) or error { code, details } (refused inputs)',
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
    vector('not-enough-officers', 'fire cannot staff a team of 5 with 4 available officers: the draw fails naming the venue and the department, and the failure is its result', {
      venues,
      inspectors,
      parameters: { ...base, batch: '2022-第三批', officersPerDepartment: { culture: 2, market: 2, fire: 5 } },
      seedCommitments,
      reveals,
    }),
    vector('boundaries-lead-market', 'pins: recent inspection is day(asOf) − day(date) < days (30 days is not recent, 29 and 0 are, a later date is not); certificate dates compared inclusively; null certificate dates make an officer unavailable; lead department first even when it is not first by code', {
      venues: boundaryVenues,
      inspectors: boundaryOfficers,
      parameters: { ...smallBase, batch: '边界', leadDepartment: 'market' },
      seedCommitments,
      reveals,
    }),
    vector('conflicts-leaders-load-blocks', 'pins: conflicts are skipped and explained when the spread exceeds one; the leader is the least-led; loads above 4 use ticket block 1; a snapshot array is hashed as written (unsorted, duplicated)', {
      venues: loadVenues,
      inspectors: loadOfficers,
      parameters: { ...smallBase, batch: '负荷', strata: [{ riskClass: 'A', count: 14 }], officersPerDepartment: { culture: 2, market: 1 } },
      seedCommitments,
      reveals,
    }),
    vector('not-enough-after-conflicts', 'pins: `available` counts the department\'s available officers without a conflict with the venue (2 of 3 here)', {
      venues: loadVenues.slice(0, 3),
      inspectors: [officer('culture', 1), officer('culture', 2), officer('culture', 3, { conflictVenueIds: ['l-01', 'l-02', 'l-03'] })],
      parameters: { ...smallBase, batch: '回避后不足', officersPerDepartment: { culture: 3 } },
      seedCommitments,
      reveals,
    }),
    vector('secret-length-in-utf16-units', 'pins: a secret of 8 characters outside the BMP is 16 UTF-16 code units, long enough', {
      venues: boundaryVenues,
      inspectors: boundaryOfficers,
      parameters: { ...smallBase, batch: '长度', officersPerDepartment: { culture: 1 } },
      seedCommitments: astralReveals.map((r) => ({ party: r.party, commitment: commitSeed(nodeSha256, r.party, r.secret) })),
      reveals: astralReveals,
    }),
    vector('secret-too-short', 'pins: 10 Chinese characters are 10 UTF-16 code units (30 UTF-8 bytes): refused', {
      venues: boundaryVenues,
      inspectors: boundaryOfficers,
      parameters: { ...smallBase, batch: '过短', officersPerDepartment: { culture: 1 } },
      seedCommitments: shortReveals.map(rawCommit),
      reveals: shortReveals,
    }),
    vector('zero-officers-refused', 'pins: a department asked for 0 officers is refused, not left out', {
      venues: boundaryVenues,
      inspectors: boundaryOfficers,
      parameters: { ...smallBase, batch: '零人', officersPerDepartment: { culture: 1, market: 0 } },
      seedCommitments,
      reveals,
    }),
    vector('stratum-over-100-percent-refused', 'pins: basisPoints above 10000 is refused, not capped', {
      venues: boundaryVenues,
      inspectors: boundaryOfficers,
      parameters: { ...smallBase, batch: '超额', strata: [{ riskClass: 'A', basisPoints: 10001 }] },
      seedCommitments,
      reveals,
    }),
    vector('stratum-duplicated-refused', 'pins: a risk class listed twice is refused, not merged or drawn twice', {
      venues: boundaryVenues,
      inspectors: boundaryOfficers,
      parameters: { ...smallBase, batch: '重复', strata: [{ riskClass: 'A', count: 1 }, { riskClass: 'A', count: 1 }] },
      seedCommitments,
      reveals,
    }),
  ],
};
const path = join(import.meta.dirname, '..', '..', '..', 'docs', 'draw-vectors.json');
writeFileSync(path, `${JSON.stringify(vectors, null, 2)}\n`);
console.log(`wrote ${vectors.vectors.length} vectors to ${path}`);
