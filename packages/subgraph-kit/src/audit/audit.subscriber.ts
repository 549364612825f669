import { EventSubscriber, type EntityMetadata, type AfterQueryEvent, type EntitySubscriberInterface, type QueryRunner, type InsertEvent, type ObjectLiteral, type RemoveEvent, type SoftRemoveEvent, type TransactionCommitEvent, type TransactionRollbackEvent, type UpdateEvent } from 'typeorm';
import { AuditEntryEntity } from './audit.entities';
import { dropAuditAfterRollback, flushAuditBeforeCommit, recordAudit } from './audit-writer';

/**
 * Tables whose writes are not audited: the trail itself, and bookkeeping that records no one's decision
 * (the event outbox and inbox, idempotency keys, failed-login counters). docs/operations.md lists them.
 */
export const UNAUDITED_TABLES: ReadonlySet<string> = new Set(['audit_entry', 'audit_head', 'event_outbox', 'event_inbox', 'idempotent_request', 'login_throttle']);

const audited = (metadata: EntityMetadata | undefined) => !!metadata && !UNAUDITED_TABLES.has(metadata.tableName) && metadata.connection.hasMetadata(AuditEntryEntity);

/** The row's primary key (`a:b` for a composite one), or null when the write did not name it (a bulk update). */
function idOf(metadata: EntityMetadata, entity: ObjectLiteral | undefined, entityId?: unknown): string | null {
  const values = entity ? metadata.primaryColumns.map((primary) => primary.getEntityValue(entity)) : [];
  if (values.length && values.every((value) => value !== undefined && value !== null)) return values.map(String).join(':');
  if (entityId !== undefined && entityId !== null) return typeof entityId === 'object' ? Object.values(entityId as object).map(String).join(':') : String(entityId);
  return null;
}

/** The last UPDATE or DELETE each query runner sent: a query builder's write names its row only there. */
const lastWrite = new WeakMap<QueryRunner, { query: string; parameters: unknown[] }>();

/**
 * The primary key a query builder's UPDATE/DELETE selected by (`WHERE id = ?`), read from the statement
 * TypeORM generated: its parameters are positional, so the key is the parameter of that `?`.
 */
function idFromStatement(metadata: EntityMetadata, runner: QueryRunner): string | null {
  const write = lastWrite.get(runner);
  if (!write || metadata.primaryColumns.length !== 1) return null;
  const where = write.query.search(/\bWHERE\b/i);
  if (where < 0) return null;
  const name = metadata.primaryColumns[0].databaseName.replace(/[^A-Za-z0-9_]/g, '');
  const match = new RegExp(`[\`"]?\\b${name}[\`"]?\\s*=\\s*\\?`).exec(write.query.slice(where));
  if (!match) return null;
  const position = (write.query.slice(0, where + match.index + match[0].length).match(/\?/g) ?? []).length - 1;
  const value = write.parameters[position];
  return value === undefined || value === null ? null : String(value);
}

/** Column names only: values may be passwords, signatures or images, and the row itself keeps them. */
function changedColumns(metadata: EntityMetadata, event: UpdateEvent<ObjectLiteral>): string[] {
  if (event.updatedColumns.length) return event.updatedColumns.map((column) => column.databaseName);
  return Object.keys(event.entity ?? {})
    .map((property) => metadata.findColumnWithPropertyName(property)?.databaseName)
    .filter((name): name is string => !!name && !metadata.primaryColumns.some((primary) => primary.databaseName === name));
}

/**
 * Every insert, update and delete made through TypeORM's entity API or query builders becomes an audit
 * entry in the same transaction, with the actor of the request that made it (`audit-scope.ts`). The
 * entries are chained just before the transaction commits; a rollback leaves none. Raw SQL
 * (`manager.query`, `insertRows`) passes no subscriber: those bulk writes are audited by the save of
 * the thing they belong to (a draw's inspections by the draw).
 */
@EventSubscriber()
export class AuditSubscriber implements EntitySubscriberInterface {
  async afterInsert(event: InsertEvent<ObjectLiteral>): Promise<void> {
    if (!audited(event.metadata)) return;
    await recordAudit(event.queryRunner, { action: 'insert', objectType: event.metadata.tableName, objectId: idOf(event.metadata, event.entity) });
  }

  async afterUpdate(event: UpdateEvent<ObjectLiteral>): Promise<void> {
    if (!audited(event.metadata)) return;
    const id = idOf(event.metadata, event.databaseEntity) ?? idOf(event.metadata, event.entity) ?? idFromStatement(event.metadata, event.queryRunner);
    await recordAudit(event.queryRunner, { action: 'update', objectType: event.metadata.tableName, objectId: id, detail: { columns: changedColumns(event.metadata, event) } });
  }

  async afterRemove(event: RemoveEvent<ObjectLiteral>): Promise<void> {
    if (!audited(event.metadata)) return;
    await recordAudit(event.queryRunner, { action: 'delete', objectType: event.metadata.tableName, objectId: idOf(event.metadata, event.databaseEntity ?? event.entity, event.entityId) ?? idFromStatement(event.metadata, event.queryRunner) });
  }

  async afterSoftRemove(event: SoftRemoveEvent<ObjectLiteral>): Promise<void> {
    if (!audited(event.metadata)) return;
    await recordAudit(event.queryRunner, { action: 'soft-delete', objectType: event.metadata.tableName, objectId: idOf(event.metadata, event.databaseEntity ?? event.entity, event.entityId) });
  }

  afterQuery(event: AfterQueryEvent): void {
    if (event.success && /^\s*(UPDATE|DELETE)\b/i.test(event.query)) lastWrite.set(event.queryRunner, { query: event.query, parameters: Array.isArray(event.parameters) ? event.parameters : [] });
  }

  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    await flushAuditBeforeCommit(event.queryRunner);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    dropAuditAfterRollback(event.queryRunner);
  }
}
