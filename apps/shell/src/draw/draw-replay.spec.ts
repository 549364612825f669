import { describe, expect, it } from '@jest/globals';
import { buildReceipt, DrawError, verifyReceipt, type DrawOutcome, type DrawReceipt, type DrawResult } from '@dr/domain';
import { browserSha256 } from '@dr/ui/browser-sha256';
import drawVectors from '../../../../docs/draw-vectors.json';
import { replayDraw, teamDepartments } from './draw-replay';
import { parseReceipt, ReceiptFormatError } from './receipt-parse';

type Vector = { inputs: Parameters<typeof buildReceipt>[1]; expected: { result?: DrawResult } };
const vector = (drawVectors as unknown as { vectors: Vector[] }).vectors[0];
const receiptOf = (): DrawReceipt => buildReceipt(browserSha256, vector.inputs, vector.expected.result!);

describe('replayDraw: the draw recomputed in the browser for the live display', () => {
  it('draws the same venues in ticket order and forms the same teams as the published result (R-DRAW-3)', () => {
    const receipt = receiptOf();
    const sut = replayDraw(browserSha256, receipt);
    expect(sut.seed).toBe(receipt.result.seed);
    expect(sut.seedMatchesReceipt).toBe(true);
    expect(sut.strata.map((stratum) => stratum.drawn.map((venue) => venue.venueId))).toEqual(vector.expected.result!.selections.map((selection) => selection.venueIds));
    expect(sut.strata.every((stratum) => stratum.matchesReceipt)).toBe(true);
    for (const stratum of sut.strata) {
      const tickets = stratum.drawn.map((venue) => venue.ticket);
      expect(tickets).toEqual([...tickets].sort());
      for (const ticket of tickets) expect(ticket).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(sut.teams.map((team) => team.leaderId)).toEqual(vector.expected.result!.teams.map((team) => team.leaderId));
    expect(sut.teams.every((team) => team.matchesReceipt)).toBe(true);
  });

  it('marks a team the receipt changed afterwards', () => {
    const receipt = receiptOf();
    const [first, ...rest] = vector.expected.result!.teams;
    const tampered = { ...receipt, result: { ...vector.expected.result!, teams: [{ ...first, leaderId: 'someone-else' }, ...rest] } };
    const sut = replayDraw(browserSha256, tampered);
    expect(sut.teams[0].matchesReceipt).toBe(false);
    expect(sut.teams.slice(1).every((team) => team.matchesReceipt)).toBe(true);
  });

  it('refuses a reveal that does not match its commitment, naming the party', () => {
    const receipt = receiptOf();
    const reveals = receipt.reveals.map((reveal, index) => (index === 0 ? { ...reveal, secret: 'not-the-secret-at-all' } : reveal));
    expect(() => replayDraw(browserSha256, { ...receipt, reveals })).toThrow(DrawError);
  });

  it('puts the lead department first, then the others by code (docs/draw-algorithm.md §5)', () => {
    expect(teamDepartments({ leadDepartment: 'culture', officersPerDepartment: { market: 2, fire: 2, culture: 2 } })).toEqual(['culture', 'fire', 'market']);
  });
});

describe('parseReceipt', () => {
  it('reads a receipt and says what a file that is not one lacks', () => {
    const receipt = receiptOf();
    expect(parseReceipt(JSON.stringify(receipt)).resultHash).toBe(receipt.resultHash);
    expect(() => parseReceipt('not json')).toThrow(ReceiptFormatError);
    expect(() => parseReceipt(JSON.stringify({ ...receipt, result: undefined }))).toThrow('缺少或无法识别抽取结果');
    expect(() => parseReceipt(JSON.stringify({ ...receipt, algorithm: 'dr-draw/9' }))).toThrow(/dr-draw\/9/);
  });

  it('reads a failed draw\'s receipt, whose result is the failure, and it verifies (R-DRAW-3)', () => {
    const failed = (drawVectors as unknown as { vectors: (Vector & { name: string; expected: { result: DrawOutcome } })[] }).vectors.find((v) => v.name === 'not-enough-officers')!;
    const receipt = parseReceipt(JSON.stringify(buildReceipt(browserSha256, failed.inputs, failed.expected.result)));
    expect(receipt.result).toMatchObject({ error: { code: 'NOT_ENOUGH_OFFICERS', needed: 5, available: 4 } });
    expect(verifyReceipt(browserSha256, receipt).ok).toBe(true);
  });
});
