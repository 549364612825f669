import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { DEPARTMENTS, type Department } from '../department';
import { nodeSha256 as sut256 } from '../sha256-node';
import { buildReceipt, commitSeed, drawCommitment, DrawError, runDraw, snapshotHash, stratumQuota, verifyReceipt } from './index';
import type { DrawParameters, DrawResult, InspectorRecord, SeedReveal, VenueRecord } from './types';

// ---------- generators of random directories and parameters ----------
const CLASSES = ['A', 'B', 'C', 'D'];
const STREETS = ['东安路街道', '五一路街道', '建设路街道'];
const date = (day: number) => new Date(Date.UTC(2022, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

const venueArb = (i: number) =>
  fc.record({
    street: fc.constantFrom(...STREETS),
    status: fc.constantFrom('OPERATING', 'OPERATING', 'OPERATING', 'SUSPENDED', 'CLOSED') as fc.Arbitrary<VenueRecord['status']>,
    riskClass: fc.constantFrom(...CLASSES),
    lastInspection: fc.option(fc.record({ date: fc.integer({ min: 0, max: 360 }).map(date), problemFound: fc.boolean() }), { nil: null }),
  }).map((v): VenueRecord => ({ id: `v${i}`, ...v }));

const directoryArb = fc
  .record({ venues: fc.integer({ min: 0, max: 60 }), officers: fc.record({ culture: fc.integer({ min: 2, max: 12 }), market: fc.integer({ min: 2, max: 10 }), fire: fc.integer({ min: 2, max: 10 }) }), conflicts: fc.boolean() })
  .chain(({ venues, officers, conflicts }) =>
    fc.record({
      venues: fc.tuple(...Array.from({ length: venues }, (_, i) => venueArb(i))),
      inspectors: fc.tuple(
        ...DEPARTMENTS.flatMap((department) =>
          Array.from({ length: officers[department] }, (_, i) =>
            fc
              .record({
                onLeave: fc.boolean().map((b) => b && i % 3 === 0),
                from: fc.integer({ min: 0, max: 200 }),
                length: fc.integer({ min: 100, max: 800 }),
                conflictVenueIds: conflicts ? fc.uniqueArray(fc.integer({ min: 0, max: Math.max(venues - 1, 0) }).map((n) => `v${n}`), { maxLength: 3 }) : fc.constant<string[]>([]),
              })
              .map(({ onLeave, from, length, conflictVenueIds }): InspectorRecord => ({
                id: `${department}-${i}`,
                department,
                certificateValidFrom: date(from),
                certificateValidUntil: date(from + length),
                onLeave,
                conflictVenueIds,
              })),
          ),
        ),
      ),
    }),
  );

const parametersArb = fc
  .record({
    streets: fc.subarray(STREETS),
    excludeNotOperating: fc.boolean(),
    recentInspectionDays: fc.integer({ min: 0, max: 200 }),
    strata: fc.shuffledSubarray(CLASSES, { minLength: 1 }).chain((classes) =>
      fc.tuple(...classes.map((riskClass) => fc.oneof(fc.integer({ min: 0, max: 10000 }).map((basisPoints) => ({ riskClass, basisPoints })), fc.integer({ min: 0, max: 8 }).map((count) => ({ riskClass, count }))))),
    ),
    visitStart: fc.integer({ min: 150, max: 300 }),
    visitLength: fc.integer({ min: 0, max: 60 }),
    perDepartment: fc.record({ culture: fc.integer({ min: 1, max: 2 }), market: fc.integer({ min: 1, max: 2 }), fire: fc.integer({ min: 1, max: 2 }) }),
  })
  .map(
    (p): DrawParameters => ({
      planId: 'plan-2022',
      batch: '第一批',
      streets: p.streets,
      excludeNotOperating: p.excludeNotOperating,
      recentInspectionDays: p.recentInspectionDays,
      asOf: date(p.visitStart - 1),
      strata: p.strata,
      visitPeriod: { start: date(p.visitStart), end: date(p.visitStart + p.visitLength) },
      leadDepartment: 'culture',
      officersPerDepartment: p.perDepartment,
    }),
  );

const partiesArb = fc.uniqueArray(fc.constantFrom('联席办', '公证处', '见证人', '纪检组'), { minLength: 2, maxLength: 4 }).chain((parties) =>
  fc.tuple(...parties.map((party) => fc.string({ minLength: 16, maxLength: 40 }).map((secret): SeedReveal => ({ party, secret })))),
);

const inputsArb = fc.record({ directory: directoryArb, parameters: parametersArb, reveals: partiesArb }).map(({ directory, parameters, reveals }) => ({
  ...directory,
  parameters,
  reveals,
  seedCommitments: reveals.map(({ party, secret }) => ({ party, commitment: commitSeed(sut256, party, secret) })),
}));

type Inputs = Parameters<typeof runDraw>[1];

function tryDraw(inputs: Inputs): DrawResult | DrawError {
  try {
    return runDraw(sut256, inputs);
  } catch (error) {
    if (error instanceof DrawError) return error;
    throw error;
  }
}

// ---------- a naive reference, written from docs/draw-algorithm.md, to check the fast code against ----------
const sha = (...parts: (string | Uint8Array)[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
const SEP = '\u001f';
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function referenceSelection(inputs: Inputs): string[][] {
  const p = inputs.parameters;
  const parties = [...inputs.reveals].sort((a, b) => byId(a.party, b.party));
  const seed = sha('dr-draw/1', SEP, 'seed', ...parties.flatMap((r) => [SEP, r.party, SEP, r.secret])).toString('hex');
  const days = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  return p.strata.map((rule) => {
    const eligible = inputs.venues.filter(
      (v) =>
        (p.streets.length === 0 || p.streets.includes(v.street)) &&
        !(p.excludeNotOperating && v.status !== 'OPERATING') &&
        !(p.recentInspectionDays > 0 && v.lastInspection && !v.lastInspection.problemFound && days(p.asOf) - days(v.lastInspection.date) >= 0 && days(p.asOf) - days(v.lastInspection.date) < p.recentInspectionDays) &&
        v.riskClass === rule.riskClass,
    );
    const k = 'count' in rule ? Math.min(rule.count, eligible.length) : Math.ceil((eligible.length * rule.basisPoints) / 10000);
    return eligible
      .map((v) => ({ id: v.id, ticket: sha(seed, SEP, 'venue', SEP, rule.riskClass, SEP, v.id) }))
      .sort((a, b) => Buffer.compare(a.ticket, b.ticket) || byId(a.id, b.id))
      .slice(0, k)
      .map((t) => t.id);
  });
}

describe('the double-random draw (R-DRAW-1..3)', () => {
  it('R-DRAW-3: the same inputs give the same result, in whatever order the directories are listed', () => {
    fc.assert(
      fc.property(inputsArb, fc.integer(), (inputs, shuffleSeed) => {
        const rotate = <T>(list: T[]) => (list.length ? [...list.slice(Math.abs(shuffleSeed) % list.length), ...list.slice(0, Math.abs(shuffleSeed) % list.length)] : list);
        const first = tryDraw(inputs);
        const again = tryDraw({ ...inputs, venues: rotate([...inputs.venues].reverse()), inspectors: rotate(inputs.inspectors), reveals: [...inputs.reveals].reverse() });
        expect(again).toEqual(first);
      }),
      { numRuns: 150 },
    );
  });

  it('R-DRAW-1: draws per stratum exactly what the reference reading of the specification draws, and the rounding rule', () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        const result = tryDraw(inputs);
        if (result instanceof DrawError) return;
        expect(result.selections.map((s) => s.venueIds)).toEqual(referenceSelection(inputs));
        for (const [i, selection] of result.selections.entries()) {
          expect(selection.drawn).toBe(stratumQuota(inputs.parameters.strata[i], selection.eligible));
          expect(selection.venueIds).toHaveLength(selection.drawn);
        }
        const drawn = result.selections.flatMap((s) => s.venueIds);
        expect(new Set(drawn).size).toBe(drawn.length);
      }),
      { numRuns: 200 },
    );
  });

  it('R-DRAW-2: every team has its quota per department from available officers, a lead-department leader, nobody twice, nobody conflicted', () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        const result = tryDraw(inputs);
        const p = inputs.parameters;
        const officers = new Map(inputs.inspectors.map((o) => [o.id, o]));
        const available = (o: InspectorRecord) => !o.onLeave && o.certificateValidFrom <= p.visitPeriod.start && o.certificateValidUntil >= p.visitPeriod.end;
        const drawn = result instanceof DrawError ? [] : result.selections.flatMap((s) => s.venueIds);
        // The draw fails exactly when some drawn venue cannot be staffed by some department.
        if (result instanceof DrawError) {
          expect(result.code).toBe('NOT_ENOUGH_OFFICERS');
          const { venueId, department, needed } = result.details as { venueId: string; department: Department; needed: number };
          const possible = inputs.inspectors.filter((o) => o.department === department && available(o) && !o.conflictVenueIds.includes(venueId));
          expect(possible.length).toBeLessThan(needed);
          expect(result.message).toContain(venueId);
          return;
        }
        expect(result.teams.map((t) => t.venueId)).toEqual(drawn);
        for (const team of result.teams) {
          const everyone = Object.values(team.officers).flat();
          expect(new Set(everyone).size).toBe(everyone.length);
          expect(team.officers.culture).toContain(team.leaderId);
          for (const [department, ids] of Object.entries(team.officers) as [Department, string[]][]) {
            expect(ids).toHaveLength(p.officersPerDepartment[department]!);
            for (const id of ids) {
              const officer = officers.get(id)!;
              expect(officer.department).toBe(department);
              expect(available(officer)).toBe(true);
              expect(officer.conflictVenueIds).not.toContain(team.venueId);
            }
          }
        }
        for (const workload of result.workload) {
          if (workload.max - workload.min > 1) expect(workload.explanation.length).toBeGreaterThan(0);
          if (!inputs.inspectors.some((o) => o.department === workload.department && o.conflictVenueIds.length > 0)) {
            expect(workload.max - workload.min).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('R-DRAW-3: changing any input changes the commitment', () => {
    fc.assert(
      fc.property(inputsArb, fc.nat(), (inputs, pick) => {
        if (inputs.venues.length === 0) return;
        const commit = (i: Inputs) =>
          drawCommitment(sut256, { venueSnapshot: snapshotHash(sut256, i.venues), inspectorSnapshot: snapshotHash(sut256, i.inspectors), parameters: i.parameters, seedCommitments: i.seedCommitments });
        const base = commit(inputs);
        const venue = inputs.venues[pick % inputs.venues.length];
        const changes: Inputs[] = [
          { ...inputs, venues: inputs.venues.map((v) => (v === venue ? { ...v, riskClass: v.riskClass === 'A' ? 'B' : 'A' } : v)) },
          { ...inputs, venues: inputs.venues.filter((v) => v !== venue) },
          { ...inputs, inspectors: inputs.inspectors.map((o, i) => (i === pick % inputs.inspectors.length ? { ...o, onLeave: !o.onLeave } : o)) },
          { ...inputs, parameters: { ...inputs.parameters, recentInspectionDays: inputs.parameters.recentInspectionDays + 1 } },
          { ...inputs, parameters: { ...inputs.parameters, batch: '第二批' } },
          { ...inputs, seedCommitments: inputs.seedCommitments.map((c, i) => (i === 0 ? { ...c, commitment: commitSeed(sut256, c.party, 'another secret of sixteen+') } : c)) },
        ];
        for (const changed of changes) expect(commit(changed)).not.toBe(base);
      }),
      { numRuns: 100 },
    );
  });

  it('R-DRAW-3: a receipt verifies, and any tampering with it fails verification', () => {
    fc.assert(
      fc.property(inputsArb, fc.nat(), (inputs, pick) => {
        const result = tryDraw(inputs);
        if (result instanceof DrawError) return;
        const receipt = buildReceipt(sut256, inputs, result);
        expect(verifyReceipt(sut256, JSON.parse(JSON.stringify(receipt))).ok).toBe(true);
        const tampered = [
          { ...receipt, reveals: receipt.reveals.map((r, i) => (i === pick % receipt.reveals.length ? { ...r, secret: `${r.secret}x` } : r)) },
          { ...receipt, parameters: { ...receipt.parameters, batch: 'other' } },
          { ...receipt, resultHash: receipt.resultHash.replace(/^./, (c) => (c === '0' ? '1' : '0')) },
          ...(receipt.venueSnapshot.records.length
            ? [{ ...receipt, venueSnapshot: { ...receipt.venueSnapshot, records: receipt.venueSnapshot.records.map((v, i) => (i === pick % receipt.venueSnapshot.records.length ? { ...v, street: '伪造街道' } : v)) } }]
            : []),
          ...(result.teams.length
            ? [{ ...receipt, result: { ...result, teams: result.teams.map((t, i) => (i === 0 ? { ...t, leaderId: `${t.leaderId}x` } : t)) } }]
            : []),
        ];
        for (const receiptCopy of tampered) expect(verifyReceipt(sut256, receiptCopy).ok).toBe(false);
      }),
      { numRuns: 80 },
    );
  });

  it('refuses a revealed secret that does not match its commitment, naming the party', () => {
    const reveals = [
      { party: '联席办', secret: 'office-secret-0123456789' },
      { party: '公证处', secret: 'notary-secret-0123456789' },
    ];
    const seedCommitments = reveals.map((r) => ({ party: r.party, commitment: commitSeed(sut256, r.party, r.secret) }));
    const parameters: DrawParameters = {
      planId: 'p',
      batch: 'b',
      streets: [],
      excludeNotOperating: true,
      recentInspectionDays: 0,
      asOf: '2022-07-25',
      strata: [{ riskClass: 'A', count: 0 }],
      visitPeriod: { start: '2022-08-01', end: '2022-08-31' },
      leadDepartment: 'culture',
      officersPerDepartment: { culture: 2 },
    };
    expect(() => runDraw(sut256, { venues: [], inspectors: [], parameters, seedCommitments, reveals: [reveals[0], { ...reveals[1], secret: 'changed-secret-0123456789' }] })).toThrow(
      expect.objectContaining({ code: 'SEED_MISMATCH', message: expect.stringContaining('公证处') }),
    );
    expect(() => runDraw(sut256, { venues: [], inspectors: [], parameters, seedCommitments: seedCommitments.slice(0, 1), reveals: reveals.slice(0, 1) })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });

  it('rounds a share up: 1 basis point of 1 venue is 1, 50% of 3 is 2, a count never exceeds the stratum', () => {
    expect(stratumQuota({ riskClass: 'A', basisPoints: 1 }, 1)).toBe(1);
    expect(stratumQuota({ riskClass: 'D', basisPoints: 5000 }, 3)).toBe(2);
    expect(stratumQuota({ riskClass: 'C', basisPoints: 0 }, 100)).toBe(0);
    expect(stratumQuota({ riskClass: 'B', count: 10 }, 4)).toBe(4);
  });
});
