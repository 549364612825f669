import { createHash } from 'node:crypto';

/** The `prev_hash` of the first entry: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** Names the serialisation below; a new one would get a new name and keep this one verifiable. */
export const AUDIT_FORMAT = 'dr-audit/1';

/** The fields an entry's hash covers, as they are stored. */
export interface AuditEntryFields {
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorUsername: string;
  actorRole: string | null;
  actorDepartment: string | null;
  clientAddress: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  outcome: string;
  /** The stored JSON text, hashed as the text it is (never re-serialised). */
  detail: string;
  prevHash: string;
}

/**
 * The canonical serialisation (`dr-audit/1`): the JSON array
 * `["dr-audit/1", seq, at, actorUserId, actorUsername, actorRole, actorDepartment, clientAddress,
 * action, objectType, objectId, outcome, detail, prevHash]` as `JSON.stringify` writes it (no spaces;
 * `at` as ISO 8601 UTC with milliseconds, `2026-05-01T08:00:00.000Z`; absent values `null`), encoded
 * as UTF-8. An array fixes the order, so no key sorting is needed to reproduce it in any language.
 */
export function canonicalAuditText(entry: AuditEntryFields): string {
  return JSON.stringify([
    AUDIT_FORMAT,
    entry.seq,
    entry.at.toISOString(),
    entry.actorUserId,
    entry.actorUsername,
    entry.actorRole,
    entry.actorDepartment,
    entry.clientAddress,
    entry.action,
    entry.objectType,
    entry.objectId,
    entry.outcome,
    entry.detail,
    entry.prevHash,
  ]);
}

/** SHA-256 (lower-case hex) of the entry's canonical serialisation, `prev_hash` included. */
export function auditEntryHash(entry: AuditEntryFields): string {
  return createHash('sha256').update(canonicalAuditText(entry), 'utf8').digest('hex');
}

/** What is wrong with an entry, in the verifier's words. */
export type ChainProblem =
  | { kind: 'gap'; seq: number; expectedSeq: number }
  | { kind: 'prev-mismatch'; seq: number }
  | { kind: 'hash-mismatch'; seq: number }
  | { kind: 'head-mismatch'; seq: number; headSeq: number };

/** How far a walk over the chain got: entries checked, the last good entry, the first problem. */
export interface ChainWalk {
  checked: number;
  lastSeq: number;
  lastHash: string;
  problem: ChainProblem | null;
}

/**
 * Checks entries in `seq` order, page by page: sequence numbers run 1, 2, 3 … without gaps, each
 * `prev_hash` is the hash before it, each `hash` is recomputed. Stops at the first problem.
 */
export class ChainVerifier {
  private walk: ChainWalk = { checked: 0, lastSeq: 0, lastHash: GENESIS_HASH, problem: null };

  /** Feeds the next entries; false once a problem was found (stop reading). */
  feed(entries: (AuditEntryFields & { hash: string })[]): boolean {
    for (const entry of entries) {
      if (this.walk.problem) return false;
      const expectedSeq = this.walk.lastSeq + 1;
      if (entry.seq !== expectedSeq) this.walk.problem = { kind: 'gap', seq: entry.seq, expectedSeq };
      else if (entry.prevHash !== this.walk.lastHash) this.walk.problem = { kind: 'prev-mismatch', seq: entry.seq };
      else if (auditEntryHash(entry) !== entry.hash) this.walk.problem = { kind: 'hash-mismatch', seq: entry.seq };
      else this.walk = { checked: this.walk.checked + 1, lastSeq: entry.seq, lastHash: entry.hash, problem: null };
    }
    return !this.walk.problem;
  }

  /**
   * The result, checked against the recorded head: entries missing from the tail (the head names a
   * later entry than the last one found) or a head that disagrees with the last entry.
   */
  finish(head: { seq: number; hash: string } | null): ChainWalk {
    if (!this.walk.problem && head && (head.seq !== this.walk.lastSeq || head.hash !== this.walk.lastHash)) {
      this.walk.problem = { kind: 'head-mismatch', seq: this.walk.lastSeq + 1, headSeq: head.seq };
    }
    return this.walk;
  }
}

/** The problem in Chinese and English, for the verifier's report. */
export function describeChainProblem(problem: ChainProblem): string {
  switch (problem.kind) {
    case 'gap':
      return `第 ${problem.expectedSeq} 条缺失（下一条是第 ${problem.seq} 条）/ gap: entry ${problem.expectedSeq} is missing, next is ${problem.seq}`;
    case 'prev-mismatch':
      return `第 ${problem.seq} 条的前序哈希与上一条不符 / prev mismatch at entry ${problem.seq}`;
    case 'hash-mismatch':
      return `第 ${problem.seq} 条的内容与其哈希不符（被修改）/ hash mismatch at entry ${problem.seq}`;
    case 'head-mismatch':
      return `链头记录到第 ${problem.headSeq} 条，但日志只连续到第 ${problem.seq - 1} 条（末尾被截断或链头被改）/ head mismatch: head says ${problem.headSeq}, chain ends at ${problem.seq - 1}`;
  }
}
