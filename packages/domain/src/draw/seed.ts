import { DRAW_ALGORITHM, type SeedCommitment, type SeedReveal } from './types';
import { SEP, toHex, type Sha256 } from './sha256';
import { DrawError } from './errors';

const PARTY = /^[^\u0000-\u001f]{1,64}$/;

/** The commitment a party publishes before the draw: SHA-256 over the algorithm, its name and its secret. */
export function commitSeed(sha256: Sha256, party: string, secret: string): string {
  if (!PARTY.test(party)) throw new DrawError('INVALID_INPUT', `参与方名称无效：${party}`);
  if (secret.length < 16) throw new DrawError('INVALID_INPUT', `${party} 的随机种子过短（至少 16 个字符）`);
  return toHex(sha256.digest(DRAW_ALGORITHM, SEP, 'commit', SEP, party, SEP, secret));
}

/**
 * Checks every revealed secret against its published commitment and derives the draw seed from all of
 * them (sorted by party), so no single party can steer the result (R-DRAW-3).
 */
export function deriveSeed(sha256: Sha256, commitments: SeedCommitment[], reveals: SeedReveal[]): Uint8Array {
  if (commitments.length < 2) throw new DrawError('INVALID_INPUT', '至少需要两个参与方提交随机种子承诺（如联席办与见证人）');
  const parties = new Set(commitments.map((c) => c.party));
  if (parties.size !== commitments.length) throw new DrawError('INVALID_INPUT', '同一参与方只能提交一个承诺');
  const revealed = new Map(reveals.map((r) => [r.party, r.secret]));
  for (const { party, commitment } of commitments) {
    const secret = revealed.get(party);
    if (secret === undefined) throw new DrawError('SEED_MISMATCH', `参与方“${party}”尚未公开随机种子`, { party });
    if (commitSeed(sha256, party, secret) !== commitment) {
      throw new DrawError('SEED_MISMATCH', `参与方“${party}”公开的随机种子与其事先公布的承诺不符`, { party });
    }
  }
  if (reveals.some((r) => !parties.has(r.party))) throw new DrawError('INVALID_INPUT', '公开的随机种子中有未提交承诺的参与方');
  const parts: string[] = [DRAW_ALGORITHM, SEP, 'seed'];
  for (const party of [...parties].sort()) parts.push(SEP, party, SEP, revealed.get(party)!);
  return sha256.digest(...parts);
}
