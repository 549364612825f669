import { Column, Entity, Index, PrimaryColumn, Table, TableIndex } from 'typeorm';
import { column } from '../data-source';

/**
 * One entry of a subgraph's audit trail (ADR 0016): append-only, each entry's `hash` covers the
 * entry and the previous entry's hash (`audit-chain.ts` documents the serialisation).
 */
@Entity('audit_entry')
@Index('idx_audit_entry_at', ['at'])
@Index('idx_audit_entry_actor', ['actorUsername', 'at'])
@Index('idx_audit_entry_object', ['objectType', 'objectId'])
export class AuditEntryEntity {
  /** 1, 2, 3 … with no gaps, in commit order. */
  @PrimaryColumn({ type: 'int' })
  seq: number;

  @Column({ type: 'datetime', precision: 6 })
  at: Date;

  @Column({ name: 'actor_user_id', type: 'varchar', length: 36, nullable: true })
  actorUserId: string | null;

  /** The signed-in user's name; for a failed login the name that was tried; `system` for background work. */
  @Column({ name: 'actor_username', type: 'varchar', length: 64 })
  actorUsername: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 32, nullable: true })
  actorRole: string | null;

  @Column({ name: 'actor_department', type: 'varchar', length: 16, nullable: true })
  actorDepartment: string | null;

  @Column({ name: 'client_address', type: 'varchar', length: 64, nullable: true })
  clientAddress: string | null;

  /** `insert` / `update` / `delete` of a row, `login`, `file.read`, `audit.read`, `audit.export` … */
  @Column({ type: 'varchar', length: 32 })
  action: string;

  /** The table written, or the kind of thing read (`record-form.pdf`, `evidence` …). */
  @Column({ name: 'object_type', type: 'varchar', length: 64 })
  objectType: string;

  @Column({ name: 'object_id', type: 'varchar', length: 200, nullable: true })
  objectId: string | null;

  /** `SUCCEEDED`, `FAILED` (a wrong password), `REFUSED` (throttled). */
  @Column({ type: 'varchar', length: 16 })
  outcome: string;

  /** Small JSON: column names changed, the request id, filters. Never values of secrets or files. */
  @Column({ type: 'varchar', length: 2000 })
  detail: string;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}

/**
 * The head of the chain: one row (`id` 1) holding the last entry's sequence number and hash. Appending
 * locks it (`SELECT … FOR UPDATE`), so concurrent transactions append one after the other.
 */
@Entity('audit_head')
export class AuditHeadEntity {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 64 })
  hash: string;

  @Column({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt: Date;
}

/** The two audit tables, for each subgraph's own migration (the head row is inserted there too). */
export function auditTables(): Table[] {
  return [
    new Table({
      name: 'audit_entry',
      columns: [
        column('seq', 'integer', { primary: true }),
        column('at', 'datetime', { precision: 6 }),
        column('actor_user_id', 'varchar', { length: 36, nullable: true }),
        column('actor_username', 'varchar', { length: 64 }),
        column('actor_role', 'varchar', { length: 32, nullable: true }),
        column('actor_department', 'varchar', { length: 16, nullable: true }),
        column('client_address', 'varchar', { length: 64, nullable: true }),
        column('action', 'varchar', { length: 32 }),
        column('object_type', 'varchar', { length: 64 }),
        column('object_id', 'varchar', { length: 200, nullable: true }),
        column('outcome', 'varchar', { length: 16 }),
        column('detail', 'varchar', { length: 2000 }),
        column('prev_hash', 'varchar', { length: 64 }),
        column('hash', 'varchar', { length: 64 }),
      ],
      indices: [
        new TableIndex({ name: 'idx_audit_entry_at', columnNames: ['at'] }),
        new TableIndex({ name: 'idx_audit_entry_actor', columnNames: ['actor_username', 'at'] }),
        new TableIndex({ name: 'idx_audit_entry_object', columnNames: ['object_type', 'object_id'] }),
      ],
    }),
    new Table({
      name: 'audit_head',
      columns: [
        column('id', 'integer', { primary: true }),
        column('seq', 'integer'),
        column('hash', 'varchar', { length: 64 }),
        column('updated_at', 'datetime', { precision: 6 }),
      ],
    }),
  ];
}
