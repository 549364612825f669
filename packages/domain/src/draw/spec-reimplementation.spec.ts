import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * An independent reimplementation of dr-draw/1 written from docs/draw-algorithm.md alone: plain
 * node:crypto, no import from the reference implementation. It must reproduce every vector of
 * docs/draw-vectors.json. Each `Variant` is one rule read differently (a mutation, or a plausible literal
 * reading of an older text); the vectors must kill every one of them, so no rule is left unpinned.
 */

type Variant =
  | 'none'
  // Rules of §3–§5 changed one at a time.
  | 'conflictsNotSkipped'
  | 'leaderIsFirstTaken'
  | 'ticketBlockAlwaysZero'
  | 'recentInclusive'
  | 'certificateStrict'
  | 'departmentsAlphabetical'
  | 'quotaRoundedDown'
  // Readings of the text that the document now rules out.
  | 'seedAsRawBytes'
  | 'commitmentOverRecords'
  | 'explanationOnlyWhenSpread'
  | 'excludedAsLists'
  | 'snapshotArraysSortedAndUnique'
  | 'secretLengthInCodePoints'
  | 'secretLengthInUtf8Bytes'
  | 'nullCertificateMeansUnbounded'
  | 'zeroOfficersLeftOut'
  | 'basisPointsCapped'
  | 'duplicateStrataMerged'
  | 'availableCountsConflicted'
  | 'failureHasNoResult';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = Record<string, any>;

const SEP = '\u001f';
const sha = (data: string | Buffer) => createHash('sha256').update(data).digest();
const hex = (data: string | Buffer) => sha(data).toString('hex');
const ID = /^[A-Za-z0-9._:-]{1,64}$/;
const TEXT = /^[^\u0000-\u001f]{1,64}$/;
const DEPARTMENTS = ['culture', 'market', 'fire'];
const isDate = (s: unknown) => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const day = (s: string) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 86_400_000;
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

class Refusal extends Error {
  constructor(
    readonly code: string,
    readonly details: Obj,
  ) {
    super(code);
  }
}

function canonical(value: Json | undefined): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    return `{${Object.keys(value)
      .sort(byString)
      .filter((k) => value[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function snapshotHash(records: Obj[], variant: Variant): string {
  const hasher = createHash('sha256');
  for (const record of [...records].sort((a, b) => byString(a.id, b.id))) {
    const written = variant === 'snapshotArraysSortedAndUnique' && record.conflictVenueIds ? { ...record, conflictVenueIds: [...new Set(record.conflictVenueIds as string[])].sort(byString) } : record;
    hasher.update(`${canonical(written)}\n`);
  }
  return hasher.digest('hex');
}

function commitment(inputs: Obj, venueSnapshot: string, inspectorSnapshot: string, variant: Variant): string {
  const seedCommitments = [...inputs.seedCommitments].sort((a, b) => byString(a.party, b.party));
  const [venues, inspectors] = variant === 'commitmentOverRecords' ? [inputs.venues, inputs.inspectors] : [venueSnapshot, inspectorSnapshot];
  return hex(['dr-draw/1', 'draw', canonical({ algorithm: 'dr-draw/1', venueSnapshot: venues, inspectorSnapshot: inspectors, parameters: inputs.parameters, seedCommitments })].join(SEP));
}

function length(secret: string, variant: Variant): number {
  if (variant === 'secretLengthInCodePoints') return [...secret].length;
  if (variant === 'secretLengthInUtf8Bytes') return Buffer.byteLength(secret);
  return secret.length;
}

/** "Refused inputs", in the order the table gives. */
function validate(venues: Obj[], inspectors: Obj[], p: Obj, variant: Variant): void {
  const refuse = (field: string) => {
    throw new Refusal('INVALID_INPUT', { field });
  };
  for (const v of venues) if (!ID.test(v.id) || !TEXT.test(v.riskClass)) refuse('venues');
  const seen = new Set<string>();
  for (const o of inspectors) {
    if (!ID.test(o.id) || seen.has(o.id) || !DEPARTMENTS.includes(o.department)) refuse('inspectors');
    seen.add(o.id);
  }
  if (!TEXT.test(p.planId) || !TEXT.test(p.batch)) refuse('batch');
  if (!isDate(p.asOf)) refuse('asOf');
  if (!isDate(p.visitPeriod.start) || !isDate(p.visitPeriod.end) || p.visitPeriod.start > p.visitPeriod.end) refuse('visitPeriod');
  if (!Number.isSafeInteger(p.recentInspectionDays) || p.recentInspectionDays < 0) refuse('recentInspectionDays');
  if (p.strata.length === 0) refuse('strata');
  const classes = new Set<string>();
  for (const s of p.strata) {
    if (!TEXT.test(s.riskClass) || (classes.has(s.riskClass) && variant !== 'duplicateStrataMerged')) refuse('strata');
    classes.add(s.riskClass);
    const maxBasisPoints = variant === 'basisPointsCapped' ? Infinity : 10000;
    if ('count' in s ? !Number.isSafeInteger(s.count) || s.count < 0 : !Number.isSafeInteger(s.basisPoints) || s.basisPoints < 0 || s.basisPoints > maxBasisPoints) refuse('strata');
  }
  if (!p.officersPerDepartment[p.leadDepartment]) refuse('leadDepartment');
  for (const [d, n] of Object.entries(p.officersPerDepartment) as [string, number][]) {
    if (!DEPARTMENTS.includes(d) || !Number.isSafeInteger(n) || (n < 1 && !(variant === 'zeroOfficersLeftOut' && n === 0))) refuse('officersPerDepartment');
  }
  for (const street of p.streets) if (!TEXT.test(street)) refuse('streets');
}

/** §2. */
function deriveSeed(commitments: Obj[], reveals: Obj[], variant: Variant): string {
  if (commitments.length < 2 || new Set(commitments.map((c) => c.party)).size !== commitments.length) throw new Refusal('INVALID_INPUT', {});
  const secrets = new Map(reveals.map((r) => [r.party, r.secret as string]));
  for (const { party, commitment } of commitments) {
    const secret = secrets.get(party);
    if (secret === undefined) throw new Refusal('SEED_MISMATCH', { party });
    if (!TEXT.test(party) || length(secret, variant) < 16) throw new Refusal('INVALID_INPUT', {});
    if (hex(['dr-draw/1', 'commit', party, secret].join(SEP)) !== commitment) throw new Refusal('SEED_MISMATCH', { party });
  }
  if (reveals.some((r) => !commitments.some((c) => c.party === r.party))) throw new Refusal('INVALID_INPUT', {});
  const parties = commitments.map((c) => c.party as string).sort(byString);
  return hex(['dr-draw/1', 'seed', ...parties.flatMap((party) => [party, secrets.get(party)!])].join(SEP));
}

/** The seed as it enters a ticket's message: hex text, or (a wrong reading) its raw bytes. */
const seedPart = (seed: string, variant: Variant) => (variant === 'seedAsRawBytes' ? Buffer.from(seed, 'hex').toString('latin1') : seed);

function draw(inputs: Obj, variant: Variant): Obj {
  const { venues, inspectors, parameters: p } = inputs;
  validate(venues, inspectors, p, variant);
  const seed = deriveSeed(inputs.seedCommitments, inputs.reveals, variant);
  const S = seedPart(seed, variant);
  // In the raw-bytes reading, only the seed is latin1; every other part stays UTF-8.
  const message = (...parts: string[]) => (variant === 'seedAsRawBytes' ? Buffer.concat([Buffer.from(parts[0], 'latin1'), Buffer.from(parts.slice(1).join(''), 'utf8')]) : Buffer.from(parts.join(''), 'utf8'));

  // §3
  const classes = p.strata.map((s: Obj) => s.riskClass as string);
  const excluded: Record<string, string[]> = { filteredOut: [], notOperating: [], recentlyInspected: [], otherClass: [] };
  const eligible = new Map<string, string[]>(classes.map((c: string) => [c, []]));
  for (const v of venues) {
    const age = v.lastInspection ? day(p.asOf) - day(v.lastInspection.date) : NaN;
    const recent = variant === 'recentInclusive' ? age <= p.recentInspectionDays : age < p.recentInspectionDays;
    if (p.streets.length > 0 && !p.streets.includes(v.street)) excluded.filteredOut.push(v.id);
    else if (p.excludeNotOperating && v.status !== 'OPERATING') excluded.notOperating.push(v.id);
    else if (p.recentInspectionDays > 0 && v.lastInspection && !v.lastInspection.problemFound && age >= 0 && recent) excluded.recentlyInspected.push(v.id);
    else if (!classes.includes(v.riskClass)) excluded.otherClass.push(v.id);
    else eligible.get(v.riskClass)!.push(v.id);
  }

  // §4
  const selections = p.strata.map((s: Obj) => {
    const ids = eligible.get(s.riskClass)!;
    const n = ids.length;
    const k = 'count' in s ? Math.min(s.count, n) : Math.floor((n * s.basisPoints + (variant === 'quotaRoundedDown' ? 0 : 9999)) / 10000);
    const ticket = (id: string) => sha(message(S, `${SEP}venue${SEP}${s.riskClass}${SEP}${id}`));
    const venueIds = ids
      .map((id) => ({ id, t: ticket(id) }))
      .sort((a, b) => Buffer.compare(a.t, b.t) || byString(a.id, b.id))
      .slice(0, k)
      .map((x) => x.id);
    return { riskClass: s.riskClass, eligible: n, drawn: k, venueIds };
  });
  const drawn: string[] = selections.flatMap((s: Obj) => s.venueIds);
  if (new Set(drawn).size !== drawn.length) throw new Refusal('INVALID_INPUT', { field: 'venues' });

  // §5
  const { start, end } = p.visitPeriod;
  const covers = (from: unknown, until: unknown) => {
    if (variant === 'nullCertificateMeansUnbounded') return (from === null || (from as string) <= start) && (until === null || (until as string) >= end);
    if (variant === 'certificateStrict') return typeof from === 'string' && typeof until === 'string' && from < start && until > end;
    return typeof from === 'string' && typeof until === 'string' && from <= start && until >= end;
  };
  const available = inspectors.filter((o: Obj) => !o.onLeave && covers(o.certificateValidFrom, o.certificateValidUntil));
  const counts = Object.fromEntries(Object.entries(p.officersPerDepartment).filter(([, n]) => n !== 0)) as Record<string, number>;
  const others = Object.keys(counts).filter((d) => d !== p.leadDepartment).sort(byString);
  const departments = variant === 'departmentsAlphabetical' ? Object.keys(counts).sort(byString) : [p.leadDepartment, ...others];
  const load = new Map<string, number>(available.map((o: Obj) => [o.id, 0]));
  const leads = new Map<string, number>(available.map((o: Obj) => [o.id, 0]));
  const ticket = (department: string, id: string) => {
    const level = load.get(id)!;
    const block = variant === 'ticketBlockAlwaysZero' ? 0 : Math.floor(level / 5);
    return sha(message(S, `${SEP}team${SEP}${department}${SEP}${block}${SEP}${id}`)).readUIntBE(6 * (level % 5), 6);
  };
  const teams: Obj[] = [];
  for (const venueId of drawn) {
    const team: Obj = { venueId, leaderId: '', officers: {} };
    for (const department of departments) {
      const needed = counts[department];
      const candidates = available
        .filter((o: Obj) => o.department === department)
        .filter((o: Obj) => variant === 'conflictsNotSkipped' || !o.conflictVenueIds.includes(venueId));
      const taken = candidates
        .sort((a: Obj, b: Obj) => load.get(a.id)! - load.get(b.id)! || ticket(department, a.id) - ticket(department, b.id) || byString(a.id, b.id))
        .slice(0, needed)
        .map((o: Obj) => o.id as string);
      if (taken.length < needed) {
        const count = variant === 'availableCountsConflicted' ? available.filter((o: Obj) => o.department === department).length : candidates.length;
        const details = { venueId, department, needed, available: count };
        if (variant === 'failureHasNoResult') throw new Refusal('NOT_ENOUGH_OFFICERS', details);
        return { algorithm: 'dr-draw/1', seed, error: { code: 'NOT_ENOUGH_OFFICERS', ...details } };
      }
      if (department === p.leadDepartment) {
        const leader = variant === 'leaderIsFirstTaken' ? taken[0] : taken.reduce((best: string, id: string) => (leads.get(id)! < leads.get(best)! ? id : best));
        leads.set(leader, leads.get(leader)! + 1);
        team.leaderId = leader;
      }
      team.officers[department] = taken;
      for (const id of taken) load.set(id, load.get(id)! + 1);
    }
    teams.push(team);
  }

  // §6
  const drawnSet = new Set(drawn);
  const workload = departments.map((department) => {
    const mine = available.filter((o: Obj) => o.department === department);
    const loads = mine.map((o: Obj) => load.get(o.id)!);
    const min = loads.length ? Math.min(...loads) : 0;
    const max = loads.length ? Math.max(...loads) : 0;
    const explanation =
      max - min > 1
        ? mine
            .flatMap((o: Obj) => (o.conflictVenueIds as string[]).filter((v) => drawnSet.has(v)).map((venueId) => ({ officerId: o.id as string, venueId, reason: 'CONFLICT' })))
            .sort((a: { officerId: string; venueId: string }, b: { officerId: string; venueId: string }) => byString(a.officerId, b.officerId) || byString(a.venueId, b.venueId))
        : variant === 'explanationOnlyWhenSpread'
          ? undefined
          : [];
    return { department, officers: mine.length, min, max, explanation };
  });
  const excludedOut = Object.fromEntries(Object.entries(excluded).map(([k, ids]) => [k, variant === 'excludedAsLists' ? ids : ids.length]));
  return { algorithm: 'dr-draw/1', seed, excluded: excludedOut, selections, teams, workload };
}

/** Everything a vector states, recomputed; a refusal becomes `error`. */
function recompute(inputs: Obj, variant: Variant): Obj {
  const venueSnapshot = snapshotHash(inputs.venues, variant);
  const inspectorSnapshot = snapshotHash(inputs.inspectors, variant);
  const out: Obj = { venueSnapshot, inspectorSnapshot, commitment: commitment(inputs, venueSnapshot, inspectorSnapshot, variant) };
  try {
    const result = draw(inputs, variant);
    return { ...out, result: JSON.parse(canonical(result)), resultHash: hex(canonical(result)) };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return { ...out, error: { code: error.code, details: error.details } };
  }
}

const file = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'draw-vectors.json'), 'utf8'));
const vectors: { name: string; inputs: Obj; expected: Obj }[] = file.vectors;
// Compared as canonical JSON: member order in the file is not part of a result.
const agrees = (variant: Variant, vector: { inputs: Obj; expected: Obj }) => canonical(recompute(vector.inputs, variant)) === canonical(vector.expected);

describe('dr-draw/1 reimplemented from docs/draw-algorithm.md alone (R-DRAW-3: anyone can recompute a draw)', () => {
  it.each(vectors.map((v) => [v.name, v] as const))('reproduces vector %s', (_name, vector) => {
    expect(recompute(vector.inputs, 'none')).toEqual(JSON.parse(canonical(vector.expected)));
  });

  const variants: Variant[] = [
    'conflictsNotSkipped',
    'leaderIsFirstTaken',
    'ticketBlockAlwaysZero',
    'recentInclusive',
    'certificateStrict',
    'departmentsAlphabetical',
    'quotaRoundedDown',
    'seedAsRawBytes',
    'commitmentOverRecords',
    'explanationOnlyWhenSpread',
    'excludedAsLists',
    'snapshotArraysSortedAndUnique',
    'secretLengthInCodePoints',
    'secretLengthInUtf8Bytes',
    'nullCertificateMeansUnbounded',
    'zeroOfficersLeftOut',
    'basisPointsCapped',
    'duplicateStrataMerged',
    'availableCountsConflicted',
    'failureHasNoResult',
  ];
  it.each(variants)('the vectors pin the rule: a reimplementation with %s fails at least one', (variant) => {
    // Only a vector the faithful reading reproduces can show that the changed reading is wrong.
    const killedBy = vectors.filter((vector) => agrees('none', vector) && !agrees(variant, vector)).map((v) => v.name);
    expect(killedBy).not.toEqual([]);
  });
});
