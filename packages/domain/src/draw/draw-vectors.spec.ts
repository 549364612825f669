import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeSha256 } from '../sha256-node';
import { buildReceipt, DrawError, drawCommitment, drawOutcome, resultHash, runDraw, snapshotHash, verifyReceipt } from './index';
import type { DrawResult, InspectorRecord } from './types';

const file = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'draw-vectors.json'), 'utf8'));
type Vector = { name: string; inputs: Parameters<typeof runDraw>[1]; expected: any };

describe('docs/draw-vectors.json (dr-draw/1)', () => {
  const cases: [string, Vector][] = file.vectors.map((v: Vector) => [v.name, v]);
  it.each(cases)('%s: recomputes the snapshots, commitment and result', (_name: string, vector: Vector) => {
    const { inputs, expected } = vector;
    const venueSnapshot = snapshotHash(nodeSha256, inputs.venues);
    const inspectorSnapshot = snapshotHash(nodeSha256, inputs.inspectors);
    expect(venueSnapshot).toBe(expected.venueSnapshot);
    expect(inspectorSnapshot).toBe(expected.inspectorSnapshot);
    expect(drawCommitment(nodeSha256, { venueSnapshot, inspectorSnapshot, parameters: inputs.parameters, seedCommitments: inputs.seedCommitments })).toBe(expected.commitment);
    if (expected.error) {
      expect(() => runDraw(nodeSha256, inputs)).toThrow(expect.objectContaining({ code: expected.error.code, details: expected.error.details }));
      return;
    }
    // A failed draw (NOT_ENOUGH_OFFICERS) has a result too: the failure (§6).
    const result = drawOutcome(nodeSha256, inputs);
    expect(result).toEqual(expected.result);
    expect(resultHash(nodeSha256, result)).toBe(expected.resultHash);
  });

  it('a failed draw leaves a receipt that verifies, and one with another failure does not', () => {
    const { inputs, expected } = file.vectors.find((v: Vector) => v.name === 'not-enough-officers') as Vector;
    const receipt = buildReceipt(nodeSha256, inputs, drawOutcome(nodeSha256, inputs));
    expect(receipt.result).toEqual(expected.result);
    const verified = verifyReceipt(nodeSha256, receipt);
    expect(verified.ok).toBe(true);
    expect(verified.checks.find((c) => c.check === 'RESULT')?.message).toMatch(/同样无法组成检查组.*一致/);
    const altered = { ...receipt, result: { ...expected.result, error: { ...expected.result.error, available: 5 } } };
    expect(verifyReceipt(nodeSha256, { ...altered, resultHash: resultHash(nodeSha256, altered.result) }).ok).toBe(false);
  });

  // A second, deliberately naive reading of docs/draw-algorithm.md §5, to show the text and the code agree.
  it('the teams follow the specification text, recomputed naively from the vector\'s own inputs', () => {
    const vector: Vector = file.vectors[0];
    const { inputs, expected } = vector;
    const result: DrawResult = expected.result;
    const H = (s: string) => createHash('sha256').update(s).digest();
    const p = inputs.parameters;
    const available = inputs.inspectors.filter((o: InspectorRecord) => !o.onLeave && o.certificateValidFrom <= p.visitPeriod.start && o.certificateValidUntil >= p.visitPeriod.end);
    const load = new Map<string, number>(available.map((o) => [o.id, 0]));
    const leads = new Map<string, number>(available.map((o) => [o.id, 0]));
    const departments = ['culture', 'fire', 'market'] as const;
    const drawn = result.selections.flatMap((s) => s.venueIds);
    drawn.forEach((venueId, index) => {
      for (const department of departments) {
        const ticket = (o: InspectorRecord) => {
          const level = load.get(o.id)!;
          return H(`${result.seed}\u001fteam\u001f${department}\u001f${Math.floor(level / 5)}\u001f${o.id}`).readUIntBE(6 * (level % 5), 6);
        };
        const taken = available
          .filter((o) => o.department === department && !o.conflictVenueIds.includes(venueId))
          .sort((a, b) => load.get(a.id)! - load.get(b.id)! || ticket(a) - ticket(b) || (a.id < b.id ? -1 : 1))
          .slice(0, p.officersPerDepartment[department]!)
          .map((o) => o.id);
        expect(result.teams[index].officers[department]).toEqual(taken);
        if (department === 'culture') {
          const leader = taken.reduce((best, id) => (leads.get(id)! < leads.get(best)! ? id : best));
          expect(result.teams[index].leaderId).toBe(leader);
          leads.set(leader, leads.get(leader)! + 1);
        }
        for (const id of taken) load.set(id, load.get(id)! + 1);
      }
    });
  });

  it('the seed is the hash the specification gives', () => {
    const { inputs, expected } = file.vectors[0] as Vector;
    const parties = [...inputs.reveals].sort((a, b) => (a.party < b.party ? -1 : 1));
    const text = ['dr-draw/1', 'seed', ...parties.flatMap((r) => [r.party, r.secret])].join('\u001f');
    expect(createHash('sha256').update(text).digest('hex')).toBe(expected.result.seed);
  });

  it('refuses a snapshot with two records of one id', () => {
    expect(() => snapshotHash(nodeSha256, [{ id: 'a' }, { id: 'a' }])).toThrow(DrawError);
  });
});
