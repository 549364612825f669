import DataLoader from 'dataloader';
import { DateUtils } from 'typeorm/util/DateUtils';
import type { DataSource, QueryRunner } from 'typeorm';
import { retryingTransaction } from '../data-source';
import { AuditEntryEntity, AuditHeadEntity } from './audit.entities';
import { auditEntryHash, GENESIS_HASH } from './audit-chain';
import { currentAuditScope, SYSTEM_ACTOR, type AuditActor } from './audit-scope';

/** What a caller says about an event; the writer adds sequence, time, hashes and, by default, the actor. */
export interface AuditEvent {
  action: string;
  objectType: string;
  objectId?: string | null;
  outcome?: 'SUCCEEDED' | 'FAILED' | 'REFUSED';
  /** Small and free of secrets: never passwords, tokens, signature images or file bodies. */
  detail?: Record<string, unknown>;
  /** Overrides the request's actor (a login names the user it is about). */
  actor?: AuditActor;
}

interface Pending {
  event: AuditEvent;
  actor: AuditActor;
  clientAddress: string | null;
  requestId: string | null;
  /** The transaction depth it was recorded at: a rolled-back savepoint drops what it recorded. */
  depth: number;
}

const MAX_DETAIL = 2000;
const pendingByRunner = new WeakMap<QueryRunner, Pending[]>();

const depthOf = (runner: QueryRunner) => (runner as unknown as { transactionDepth?: number }).transactionDepth ?? (runner.isTransactionActive ? 1 : 0);

function detailText(event: AuditEvent, requestId: string | null): string {
  const text = JSON.stringify({ ...(requestId ? { requestId } : {}), ...(event.detail ?? {}) });
  return text.length <= MAX_DETAIL ? text : JSON.stringify({ requestId, truncated: true });
}

/** Whether this data source has the audit tables (a test's data source may not). */
export function hasAuditTrail(dataSource: DataSource): boolean {
  return dataSource.hasMetadata(AuditEntryEntity);
}

/**
 * Appends `pending` to the chain inside the transaction `runner` is in: locks the head row
 * (`SELECT … FOR UPDATE` on MySQL; SQLite's transactions already run one at a time), chains each
 * entry to the one before, and moves the head. Called just before the transaction commits, so the
 * head is the last lock a transaction takes and is held for the shortest time.
 */
async function appendPending(runner: QueryRunner, pending: Pending[]): Promise<void> {
  const manager = runner.manager;
  const query = manager.createQueryBuilder(AuditHeadEntity, 'head').where('head.id = 1');
  if (runner.connection.options.type !== 'better-sqlite3') query.setLock('pessimistic_write');
  const head = await query.getOne();
  if (!head) throw new Error('audit_head row is missing: run the audit migration');
  let { seq, hash } = head;
  const at = new Date();
  const rows: AuditEntryEntity[] = [];
  for (const item of pending) {
    const fields = {
      seq: seq + 1,
      at,
      actorUserId: item.actor.userId,
      actorUsername: item.actor.username.slice(0, 64),
      actorRole: item.actor.role,
      actorDepartment: item.actor.department,
      clientAddress: item.clientAddress?.slice(0, 64) ?? null,
      action: item.event.action,
      objectType: item.event.objectType.slice(0, 64),
      objectId: item.event.objectId?.slice(0, 200) ?? null,
      outcome: item.event.outcome ?? 'SUCCEEDED',
      detail: detailText(item.event, item.requestId),
      prevHash: hash,
    };
    const row = Object.assign(new AuditEntryEntity(), fields, { hash: auditEntryHash(fields) });
    rows.push(row);
    seq = row.seq;
    hash = row.hash;
  }
  await manager.createQueryBuilder().insert().into(AuditEntryEntity).values(rows).callListeners(false).updateEntity(false).execute();
  await manager.createQueryBuilder().update(AuditHeadEntity).set({ seq, hash, updatedAt: at }).where('id = 1').callListeners(false).execute();
}

/**
 * Records `event` in the transaction `runner` is in; it is chained when that transaction commits and
 * vanishes if it rolls back. Outside a transaction it is appended at once, in a transaction of its own.
 */
export async function recordAudit(runner: QueryRunner, event: AuditEvent): Promise<void> {
  const scope = currentAuditScope();
  const item: Pending = { event, actor: event.actor ?? scope.actor ?? SYSTEM_ACTOR, clientAddress: scope.clientAddress, requestId: scope.requestId, depth: depthOf(runner) };
  if (!runner.isTransactionActive) {
    await runner.startTransaction();
    try {
      await appendPending(runner, [item]);
      await runner.commitTransaction();
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
    return;
  }
  const pending = pendingByRunner.get(runner) ?? [];
  pending.push(item);
  pendingByRunner.set(runner, pending);
}

/** Before the outermost commit: append what the transaction recorded. */
export async function flushAuditBeforeCommit(runner: QueryRunner): Promise<void> {
  if (depthOf(runner) !== 1) return;
  const pending = pendingByRunner.get(runner);
  if (!pending?.length) return;
  pendingByRunner.delete(runner);
  await appendPending(runner, pending);
}

/** After a rollback: forget what the rolled-back (sub)transaction recorded. */
export function dropAuditAfterRollback(runner: QueryRunner): void {
  const pending = pendingByRunner.get(runner);
  if (!pending) return;
  const depth = depthOf(runner);
  const kept = pending.filter((item) => item.depth <= depth && depth > 0);
  if (kept.length) pendingByRunner.set(runner, kept);
  else pendingByRunner.delete(runner);
}

/**
 * Appends `events` in a transaction of its own, committed whatever the caller does next: for what must
 * be recorded even when the request then fails (a wrong password) and for reads (a PDF, an export).
 */
export async function appendAudit(dataSource: DataSource, ...events: AuditEvent[]): Promise<void> {
  if (!hasAuditTrail(dataSource) || !events.length) return;
  await retryingTransaction(dataSource, async (manager) => {
    for (const event of events) await recordAudit(manager.queryRunner!, event);
  });
}

const readBatches = new WeakMap<object, Map<string, DataLoader<string, void>>>();

/**
 * Records that the request `scope` (its context object) read `objectType` `id`: the reads of one tick
 * (a page of officers, each with its declarations) go into one transaction, one entry per object.
 */
export function auditRead(scope: object, dataSource: DataSource, objectType: string, id: string): Promise<void> {
  const byType = readBatches.get(scope) ?? new Map<string, DataLoader<string, void>>();
  readBatches.set(scope, byType);
  let loader = byType.get(objectType);
  if (!loader) {
    loader = new DataLoader<string, void>(async (ids) => {
      await appendAudit(dataSource, ...ids.map((objectId) => ({ action: 'read', objectType, objectId })));
      return ids.map(() => undefined);
    });
    byType.set(objectType, loader);
  }
  return loader.load(id);
}

/** The current head (last sequence number and hash), for anchoring outside the database. */
export async function auditHead(dataSource: DataSource): Promise<{ seq: number; hash: string; updatedAt: Date } | null> {
  const head = await dataSource.getRepository(AuditHeadEntity).findOneBy({ id: 1 });
  return head ? { seq: head.seq, hash: head.hash, updatedAt: head.updatedAt } : null;
}

/** The SQL for a migration to insert the head row (sequence 0, the genesis hash). */
export async function insertAuditHead(runner: QueryRunner): Promise<void> {
  await runner.query('INSERT INTO audit_head (id, seq, hash, updated_at) VALUES (1, 0, ?, ?)', [GENESIS_HASH, DateUtils.mixedDateToUtcDatetimeString(new Date())]);
}
