import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

/*
 * Mutation test of the REAL reference implementation (issue "Trust"): each mutant below is one rule of
 * docs/draw-algorithm.md changed in the source of packages/domain/src (a textual replacement), the
 * tree is transpiled with TypeScript's transpileModule into a temporary folder and loaded, and the
 * vectors of docs/draw-vectors.json are recomputed with it. Every mutant must apply (its text is
 * found exactly once, so a refactor cannot make it vacuous) and must be killed by at least one vector.
 * spec-reimplementation.spec.ts does the same to an independent reimplementation.
 */

interface Mutant {
  /** The rule changed, as the reimplementation spec names it where it has one. */
  name: string;
  /** Path under packages/domain/src. */
  file: string;
  find: string;
  replace: string;
}

const MUTANTS: Mutant[] = [
  { name: 'conflictsNotSkipped', file: 'draw/teams.ts', find: '(conflicted?.has(candidate.id) ? passedOver : chosen).push(candidate);', replace: 'chosen.push(candidate);' },
  { name: 'leaderIsFirstTaken (leader count ignored)', file: 'draw/teams.ts', find: 'leader = chosen.reduce((best, c) => (c.leads < best.leads ? c : best));', replace: 'leader = chosen[0];' },
  { name: 'ticketBlockAlwaysZero', file: 'draw/teams.ts', find: '${Math.floor(load / LEVELS_PER_DIGEST)}', replace: '0' },
  { name: 'ticketOffsetAlwaysZero', file: 'draw/teams.ts', find: 'prefix48(digest.subarray(6 * (load % LEVELS_PER_DIGEST)))', replace: 'prefix48(digest)' },
  { name: 'recentInclusive (< becomes ≤)', file: 'draw/select.ts', find: 'asOf - dayNumber(venue.lastInspection.date) < parameters.recentInspectionDays', replace: 'asOf - dayNumber(venue.lastInspection.date) <= parameters.recentInspectionDays' },
  { name: 'certificateStrict', file: 'draw/teams.ts', find: 'o.certificateValidFrom <= start && o.certificateValidUntil >= end', replace: 'o.certificateValidFrom < start && o.certificateValidUntil > end' },
  { name: 'departmentsAlphabetical', file: 'draw/teams.ts', find: '.sort((a, b) => (a === lead ? -1 : b === lead ? 1 : a < b ? -1 : 1))', replace: '.sort()' },
  { name: 'quotaRoundedDown', file: 'draw/select.ts', find: 'Math.floor((eligible * rule.basisPoints + 9999) / 10000)', replace: 'Math.floor((eligible * rule.basisPoints) / 10000)' },
  { name: 'seedNotAsHexText', file: 'draw/select.ts', find: 'const prefix = `${seedHex}${SEP}venue', replace: "const prefix = `${Buffer.from(seedHex, 'hex').toString('latin1')}${SEP}venue" },
  { name: 'seedPartiesUnsorted', file: 'draw/seed.ts', find: 'for (const party of [...parties].sort())', replace: 'for (const party of [...parties])' },
  { name: 'explanationOnlyWhenSpread > 0', file: 'draw/teams.ts', find: 'max - min > 1', replace: 'max - min > 0' },
  {
    name: 'snapshotArraysSortedAndUnique',
    file: 'draw/draw.ts',
    find: 'pending += `${canonicalJson(sorted[i])}\\n`;',
    replace: 'pending += `${canonicalJson(Object.fromEntries(Object.entries(sorted[i]).map(([k, v]) => [k, Array.isArray(v) ? [...new Set(v)].sort() : v])))}\\n`;',
  },
  { name: 'secretLengthInCodePoints', file: 'draw/seed.ts', find: 'secret.length < 16', replace: '[...secret].length < 16' },
  { name: 'secretLengthInUtf8Bytes', file: 'draw/seed.ts', find: 'secret.length < 16', replace: 'Buffer.byteLength(secret) < 16' },
  {
    name: 'nullCertificateMeansUnbounded',
    file: 'draw/teams.ts',
    find: 'o.certificateValidFrom <= start && o.certificateValidUntil >= end',
    replace: '(o.certificateValidFrom === null || o.certificateValidFrom <= start) && (o.certificateValidUntil === null || o.certificateValidUntil >= end)',
  },
  { name: 'zeroOfficersLeftOut', file: 'draw/draw.ts', find: 'count! < 1)', replace: 'count! < 0)' },
  { name: 'basisPointsCapped (over 100% accepted)', file: 'draw/draw.ts', find: ' || rule.basisPoints > 10000', replace: '' },
  { name: 'duplicateStrataMerged (duplicates accepted)', file: 'draw/draw.ts', find: ' || classes.has(rule.riskClass)', replace: '' },
  { name: 'availableCountsConflicted', file: 'draw/teams.ts', find: 'available: chosen.length }', replace: 'available: chosen.length + passedOver.length }' },
  {
    name: 'commitmentOverRecords (without the snapshot hashes)',
    file: 'draw/draw.ts',
    find: 'canonicalJson({ ...inputs, algorithm: DRAW_ALGORITHM, seedCommitments })',
    replace: 'canonicalJson({ parameters: inputs.parameters, algorithm: DRAW_ALGORITHM, seedCommitments })',
  },
  {
    name: 'excludedAsLists',
    file: 'draw/draw.ts',
    find: 'excluded: eligibility.excluded,',
    replace: "excluded: Object.fromEntries(Object.entries(eligibility.excluded).map(([k, n]) => [k, Array.from({ length: n }, () => '')])),",
  },
  { name: 'failureHasNoResult', file: 'draw/draw.ts', find: "if (!(error instanceof DrawError) || error.code !== 'NOT_ENOUGH_OFFICERS') throw error;", replace: 'throw error;' },
];

const SRC = join(__dirname, '..');
const file = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'draw-vectors.json'), 'utf8'));
const vectors: { name: string; inputs: any; expected: any }[] = file.vectors;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.d.ts') ? [relative(SRC, path)] : [];
  });
}

const transpile = (text: string, fileName: string) =>
  ts.transpileModule(text, { fileName, compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;

const original = new Map(sources(SRC).map((path) => [path, readFileSync(join(SRC, path), 'utf8')]));
const compiled = new Map([...original].map(([path, text]) => [path, transpile(text, path)]));
const root = mkdtempSync(join(tmpdir(), 'dr-draw-mutants-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes the transpiled tree (with one file replaced) and loads its draw module and SHA-256. */
function load(name: string, replaced?: { path: string; text: string }): { draw: any; sha256: any } {
  const dir = join(root, name.replace(/[^A-Za-z0-9]+/g, '-'));
  for (const [path, output] of compiled) {
    const target = join(dir, path.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, replaced?.path === path ? transpile(replaced.text, path) : output);
  }
  return { draw: require(join(dir, 'draw', 'index.js')), sha256: require(join(dir, 'sha256-node.js')).nodeSha256 };
}

/** Everything a vector states, recomputed with one build of the implementation (a refusal as `error`). */
function recompute({ draw, sha256 }: { draw: any; sha256: any }, inputs: any): unknown {
  try {
    const venueSnapshot = draw.snapshotHash(sha256, inputs.venues);
    const inspectorSnapshot = draw.snapshotHash(sha256, inputs.inspectors);
    const commitment = draw.drawCommitment(sha256, { venueSnapshot, inspectorSnapshot, parameters: inputs.parameters, seedCommitments: inputs.seedCommitments });
    try {
      const result = draw.drawOutcome(sha256, inputs);
      return { venueSnapshot, inspectorSnapshot, commitment, result, resultHash: draw.resultHash(sha256, result) };
    } catch (error) {
      if (!(error instanceof Error) || !('code' in error)) throw error;
      return { venueSnapshot, inspectorSnapshot, commitment, error: { code: (error as any).code, details: (error as any).details } };
    }
  } catch (error) {
    return { crashed: String(error) };
  }
}

const canonical = (value: unknown): string => JSON.stringify(value, (_key, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
const agrees = (build: { draw: any; sha256: any }, vector: { inputs: any; expected: any }) => canonical(recompute(build, vector.inputs)) === canonical(vector.expected);

describe('dr-draw/1 reference implementation under mutation (R-DRAW-3: the vectors pin every rule)', () => {
  it('the transpiled, unmutated reference reproduces every vector (the harness itself is sound)', () => {
    const build = load('unmutated');
    expect(vectors.filter((vector) => !agrees(build, vector)).map((vector) => vector.name)).toEqual([]);
  });

  it.each(MUTANTS.map((mutant) => [mutant.name, mutant] as const))('mutant %s applies to the source and fails at least one vector', (_name, mutant) => {
    const text = original.get(mutant.file);
    expect(text).toBeDefined();
    // The mutation must really change the code: its text occurs exactly once.
    expect(text!.split(mutant.find).length - 1).toBe(1);
    const build = load(mutant.name, { path: mutant.file, text: text!.replace(mutant.find, mutant.replace) });
    const killedBy = vectors.filter((vector) => !agrees(build, vector)).map((vector) => vector.name);
    expect(killedBy).not.toEqual([]);
    // Killed by a different answer, not by a mutant that no longer runs (a broken replacement).
    expect(vectors.map((vector) => recompute(build, vector.inputs)).filter((out: any) => out.crashed)).toEqual([]);
  });
});
