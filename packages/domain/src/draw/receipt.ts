import { drawCommitment, drawOutcome, resultHash, snapshotHash } from './draw';
import { DrawError } from './errors';
import type { Sha256 } from './sha256';
import { DRAW_ALGORITHM, isDrawFailure, type DrawOutcome, type DrawParameters, type InspectorRecord, type SeedCommitment, type SeedReveal, type VenueRecord } from './types';

/** Everything needed to recompute a draw (R-DRAW-3 step 4): inputs, commitments, reveals, result. */
export interface DrawReceipt {
  algorithm: typeof DRAW_ALGORITHM;
  commitment: string;
  venueSnapshot: { hash: string; records: VenueRecord[] };
  inspectorSnapshot: { hash: string; records: InspectorRecord[] };
  parameters: DrawParameters;
  seedCommitments: SeedCommitment[];
  reveals: SeedReveal[];
  /** The teams, or for a failed draw the failure (NOT_ENOUGH_OFFICERS with venue, department, needed, available). */
  result: DrawOutcome;
  resultHash: string;
}

export interface VerificationCheck {
  check: 'ALGORITHM' | 'VENUE_SNAPSHOT' | 'INSPECTOR_SNAPSHOT' | 'COMMITMENT' | 'SEED' | 'RESULT';
  ok: boolean;
  /** What was checked, in Chinese, for the public verification page. */
  message: string;
}

export function buildReceipt(
  sha256: Sha256,
  inputs: { venues: VenueRecord[]; inspectors: InspectorRecord[]; parameters: DrawParameters; seedCommitments: SeedCommitment[]; reveals: SeedReveal[] },
  result: DrawOutcome,
): DrawReceipt {
  const venueSnapshot = snapshotHash(sha256, inputs.venues);
  const inspectorSnapshot = snapshotHash(sha256, inputs.inspectors);
  return {
    algorithm: DRAW_ALGORITHM,
    commitment: drawCommitment(sha256, { venueSnapshot, inspectorSnapshot, parameters: inputs.parameters, seedCommitments: inputs.seedCommitments }),
    venueSnapshot: { hash: venueSnapshot, records: inputs.venues },
    inspectorSnapshot: { hash: inspectorSnapshot, records: inputs.inspectors },
    parameters: inputs.parameters,
    seedCommitments: inputs.seedCommitments,
    reveals: inputs.reveals,
    result,
    resultHash: resultHash(sha256, result),
  };
}

/**
 * Recomputes a draw from its receipt alone and says, check by check, whether it matches: the
 * snapshots hash to what was committed, the commitment covers these inputs, every revealed secret
 * matches its commitment, and the recomputed result is the published one.
 */
export function verifyReceipt(sha256: Sha256, receipt: DrawReceipt): { ok: boolean; checks: VerificationCheck[] } {
  const checks: VerificationCheck[] = [];
  const add = (check: VerificationCheck['check'], ok: boolean, message: string) => checks.push({ check, ok, message });
  add('ALGORITHM', receipt.algorithm === DRAW_ALGORITHM, `算法版本 ${receipt.algorithm}${receipt.algorithm === DRAW_ALGORITHM ? '' : `（本程序实现的是 ${DRAW_ALGORITHM}）`}`);
  const venueHash = snapshotHash(sha256, receipt.venueSnapshot.records);
  add('VENUE_SNAPSHOT', venueHash === receipt.venueSnapshot.hash, `检查对象名录快照（${receipt.venueSnapshot.records.length} 条）哈希${venueHash === receipt.venueSnapshot.hash ? '一致' : '不一致'}`);
  const inspectorHash = snapshotHash(sha256, receipt.inspectorSnapshot.records);
  add('INSPECTOR_SNAPSHOT', inspectorHash === receipt.inspectorSnapshot.hash, `执法检查人员名录快照（${receipt.inspectorSnapshot.records.length} 条）哈希${inspectorHash === receipt.inspectorSnapshot.hash ? '一致' : '不一致'}`);
  const commitment = drawCommitment(sha256, { venueSnapshot: venueHash, inspectorSnapshot: inspectorHash, parameters: receipt.parameters, seedCommitments: receipt.seedCommitments });
  add('COMMITMENT', commitment === receipt.commitment, `抽取前公布的承诺${commitment === receipt.commitment ? '与名录、参数和种子承诺相符' : '与名录、参数或种子承诺不符'}`);
  try {
    const result = drawOutcome(sha256, {
      venues: receipt.venueSnapshot.records,
      inspectors: receipt.inspectorSnapshot.records,
      parameters: receipt.parameters,
      seedCommitments: receipt.seedCommitments,
      reveals: receipt.reveals,
    });
    add('SEED', true, `各方公开的随机种子与其承诺相符（${receipt.seedCommitments.map((c) => c.party).join('、')}）`);
    const recomputed = resultHash(sha256, result);
    const same = recomputed === receipt.resultHash && recomputed === resultHash(sha256, receipt.result);
    if (isDrawFailure(result)) {
      // A failed draw is checked like a completed one: the same inputs must fail the same way.
      add('RESULT', same, same ? `重新计算同样无法组成检查组，与公布的失败记录一致（${recomputed.slice(0, 16)}…）` : '重新计算的结果与公布的失败记录不一致');
    } else {
      add('RESULT', same, same ? `重新计算的抽取结果与公布结果一致（${recomputed.slice(0, 16)}…）` : '重新计算的抽取结果与公布结果不一致');
    }
  } catch (error) {
    if (!(error instanceof DrawError)) throw error;
    add(error.code === 'SEED_MISMATCH' ? 'SEED' : 'RESULT', false, error.message);
  }
  return { ok: checks.every((c) => c.ok) && checks.length === 6, checks };
}
