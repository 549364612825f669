import { describe, expect, it } from '@jest/globals';
import { commitSeed, drawCommitment, drawOutcome, resultHash, runDraw, snapshotHash, toHex, type DrawOutcome } from '@dr/domain';
import drawVectors from '../../../../docs/draw-vectors.json';
import { browserSha256 } from './browser-sha256';

type Vector = { name: string; inputs: Parameters<typeof runDraw>[1]; expected: { venueSnapshot: string; inspectorSnapshot: string; commitment: string; result?: DrawOutcome; resultHash?: string } };
const vectors = (drawVectors as unknown as { vectors: Vector[] }).vectors.filter((vector) => vector.expected.result);

describe('browserSha256 (the SHA-256 the verification page and the draw wizard run)', () => {
  const sut = browserSha256;

  it('gives the FIPS 180-4 digests, one-shot and incremental, for strings as UTF-8', () => {
    expect(toHex(sut.digest('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(toHex(sut.digest('a', 'b', new Uint8Array([0x63])))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const hasher = sut.create();
    hasher.update('联席办');
    hasher.update(new Uint8Array([0x0a]));
    expect(toHex(hasher.digest())).toBe(toHex(sut.digest('联席办\n')));
  });

  it('computes the published seed commitments of the test vectors (docs/draw-algorithm.md §1)', () => {
    for (const vector of vectors) {
      for (const { party, secret } of vector.inputs.reveals) {
        const published = vector.inputs.seedCommitments.find((commitment) => commitment.party === party);
        expect(commitSeed(sut, party, secret)).toBe(published?.commitment);
      }
    }
  });

  it.each(vectors.map((vector) => [vector.name, vector] as const))('%s: recomputes snapshots, commitment and result byte for byte (R-DRAW-3)', (_name, vector) => {
    const { inputs, expected } = vector;
    const venueSnapshot = snapshotHash(sut, inputs.venues);
    const inspectorSnapshot = snapshotHash(sut, inputs.inspectors);
    expect([venueSnapshot, inspectorSnapshot]).toEqual([expected.venueSnapshot, expected.inspectorSnapshot]);
    expect(drawCommitment(sut, { venueSnapshot, inspectorSnapshot, parameters: inputs.parameters, seedCommitments: inputs.seedCommitments })).toBe(expected.commitment);
    const result = drawOutcome(sut, inputs);
    expect(result).toEqual(expected.result);
    expect(resultHash(sut, result)).toBe(expected.resultHash);
  });
});
