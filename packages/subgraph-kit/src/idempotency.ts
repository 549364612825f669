import { Column, Entity, PrimaryColumn, Table, type EntityManager } from 'typeorm';
import { badInput } from './errors';
import { column } from './data-source';

/**
 * A write a device has already made, by its idempotency key. A phone that lost the network resends its
 * outbox when it returns; the key makes the second delivery a no-op (docs/visit-lifecycle.md).
 */
@Entity('idempotent_request')
export class IdempotentRequest {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'varchar', length: 64 })
  operation: string;

  @Column({ name: 'target_id', type: 'varchar', length: 36 })
  targetId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;
}

/** The `idempotent_request` table, for each subgraph's own migration. */
export function idempotentRequestTable(): Table {
  return new Table({
    name: 'idempotent_request',
    columns: [
      column('user_id', 'varchar', { length: 36, primary: true }),
      column('idempotency_key', 'varchar', { length: 64, primary: true }),
      column('operation', 'varchar', { length: 64 }),
      column('target_id', 'varchar', { length: 36 }),
      column('created_at', 'datetime', { precision: 6 }),
    ],
  });
}

const KEY = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * Records `key` for this write inside the write's own transaction. Returns `'replay'` when the same user
 * already made this very write with this key (the caller then changes nothing and answers with the
 * current state); a key reused for a different write is refused.
 */
export async function claimIdempotencyKey(
  manager: EntityManager,
  request: { userId: string; key: string; operation: string; targetId: string },
): Promise<'new' | 'replay'> {
  if (!KEY.test(request.key)) throw badInput('idempotencyKey', '请求编号无效（应为 8–64 位字母、数字或连字符）');
  const existing = await manager.findOneBy(IdempotentRequest, { userId: request.userId, key: request.key });
  if (existing) {
    if (existing.operation !== request.operation || existing.targetId !== request.targetId) throw badInput('idempotencyKey', '该请求编号已用于另一项操作，请刷新后重试');
    return 'replay';
  }
  await manager.insert(IdempotentRequest, { ...request, createdAt: new Date() });
  return 'new';
}
