import 'reflect-metadata';
import { Column, Entity, PrimaryColumn, type DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { testDatabases } from '@dr/config-jest/databases';
import type { Principal } from '@dr/domain';
import { openTestDataSource } from '../testing';
import { AuditEntryEntity, AuditHeadEntity, auditTables } from './audit.entities';
import { auditEntryHash, canonicalAuditText, GENESIS_HASH } from './audit-chain';
import { runInAuditScope, setAuditActor } from './audit-scope';
import { appendAudit, insertAuditHead } from './audit-writer';
import { verifyAuditChain } from './audit-verify';
import { main as verifyCli } from './verify-cli';

@Entity('thing')
class Thing {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  value: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  secret: string | null;
}

class AuditTest1700000000001 implements MigrationInterface {
  name = 'AuditTest1700000000001';
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of auditTables()) await queryRunner.createTable(table);
    await insertAuditHead(queryRunner);
    await queryRunner.query('CREATE TABLE thing (id varchar(36) PRIMARY KEY, value varchar(64) NOT NULL, secret varchar(200) NULL)');
  }
  async down(): Promise<void> {}
}

const alice: Principal = { userId: 'u-alice', username: 'alice', displayName: '张三', role: 'OFFICE_ADMIN', department: null, inspectorId: null };

/** Runs `work` as a request of `principal` from 10.0.0.7, as the HTTP server does. */
const asRequest = <T>(principal: Principal | null, work: () => Promise<T>) =>
  runInAuditScope({ clientAddress: '10.0.0.7', requestId: 'req-1' }, () => {
    setAuditActor(principal);
    return work();
  });

describe.each(testDatabases())('audit trail on %s (hash chain, ADR 0016)', (db) => {
  let dataSource: DataSource;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    ({ dataSource, dispose } = await openTestDataSource({ name: 'office', entities: [Thing, AuditEntryEntity, AuditHeadEntity], migrations: [AuditTest1700000000001] }, db));
  });
  afterEach(() => dispose());

  const entries = () => dataSource.getRepository(AuditEntryEntity).find({ order: { seq: 'ASC' } });

  it('records every write in the same transaction, with the actor and address of the request, never the values', async () => {
    await asRequest(alice, async () => {
      await dataSource.getRepository(Thing).save({ id: 't1', value: 'a', secret: 'password-like' });
      await dataSource.transaction(async (manager) => {
        await manager.update(Thing, { id: 't1' }, { value: 'b' });
        await manager.delete(Thing, { id: 't1' });
      });
    });
    const trail = await entries();
    // A query builder's update and delete name their row too (read from the statement's WHERE id = ?).
    expect(trail.map((e) => [e.seq, e.action, e.objectType, e.objectId])).toEqual([
      [1, 'insert', 'thing', 't1'],
      [2, 'update', 'thing', 't1'],
      [3, 'delete', 'thing', 't1'],
    ]);
    expect(trail[0]).toMatchObject({ objectId: 't1', actorUserId: 'u-alice', actorUsername: 'alice', actorRole: 'OFFICE_ADMIN', actorDepartment: null, clientAddress: '10.0.0.7', outcome: 'SUCCEEDED', prevHash: GENESIS_HASH });
    expect(JSON.parse(trail[1].detail)).toEqual({ requestId: 'req-1', columns: ['value'] });
    expect(trail.map((e) => e.detail).join()).not.toContain('password-like');
    expect(trail[1].prevHash).toBe(trail[0].hash);
    // Stored and read back, each hash is the SHA-256 of the documented serialisation.
    for (const entry of trail) expect(auditEntryHash(entry)).toBe(entry.hash);
    expect(canonicalAuditText(trail[0])).toBe(JSON.stringify(['dr-audit/1', 1, trail[0].at.toISOString(), 'u-alice', 'alice', 'OFFICE_ADMIN', null, '10.0.0.7', 'insert', 'thing', 't1', 'SUCCEEDED', trail[0].detail, GENESIS_HASH]));
  });

  it('a refused (rolled-back) write leaves no entry; a rolled-back savepoint drops only its own', async () => {
    await expect(
      asRequest(alice, () =>
        dataSource.transaction(async (manager) => {
          await manager.insert(Thing, { id: 't2', value: 'x', secret: null });
          throw new Error('refused');
        }),
      ),
    ).rejects.toThrow('refused');
    expect(await entries()).toEqual([]);
    await dataSource.transaction(async (manager) => {
      await manager.insert(Thing, { id: 't3', value: 'kept', secret: null });
      await manager.transaction(async (inner) => {
        await inner.insert(Thing, { id: 't4', value: 'dropped', secret: null });
        throw new Error('inner refused');
      }).catch(() => undefined);
    });
    expect((await entries()).map((e) => [e.objectId, e.actorUsername])).toEqual([['t3', 'system']]);
  });

  it('appends concurrent transactions one after the other: no gap, no fork, no duplicate', async () => {
    const writers = Array.from({ length: 30 }, (_, i) =>
      i % 3 === 0
        ? appendAudit(dataSource, { action: 'file.read', objectType: 'record-form.pdf', objectId: `i${i}` })
        : dataSource.transaction(async (manager) => {
            await manager.insert(Thing, { id: `c${i}`, value: 'v', secret: null });
            await manager.update(Thing, { id: `c${i}` }, { value: 'w' });
          }),
    );
    await Promise.all(writers);
    const trail = await entries();
    expect(trail).toHaveLength(10 + 20 * 2);
    expect(trail.map((e) => e.seq)).toEqual(trail.map((_, i) => i + 1));
    const walk = await verifyAuditChain(dataSource);
    expect(walk).toMatchObject({ checked: 50, problem: null, head: { seq: 50, hash: trail[49].hash } });
  });

  describe('the verifier', () => {
    beforeEach(async () => {
      for (let i = 1; i <= 5; i++) await dataSource.getRepository(Thing).insert({ id: `v${i}`, value: 'v', secret: null });
    });

    const cli = async () => {
      const lines: string[] = [];
      const options = dataSource.options as { database: string };
      const env = { ...process.env, DB_CLIENT: db, MYSQL_DATABASE: undefined };
      const code = await verifyCli(['--subgraph', 'office', '--database', options.database], env, (line) => lines.push(line));
      return { code, output: lines.join('\n') };
    };

    it('passes an intact chain and names its head', async () => {
      const { code, output } = await cli();
      expect(code).toBe(0);
      expect(output).toContain('审计链完整，共 5 条 / audit chain intact, 5 entries');
    });

    it('names the entry whose row was edited (hash mismatch)', async () => {
      await dataSource.query("UPDATE audit_entry SET actor_username = 'mallory' WHERE seq = 3");
      const { code, output } = await cli();
      expect(code).toBe(1);
      expect(output).toContain('第 3 条的内容与其哈希不符');
      expect(output).toContain('hash mismatch at entry 3');
    });

    it('finds a row deleted from the middle (gap) and rows cut from the tail (head)', async () => {
      await dataSource.query('DELETE FROM audit_entry WHERE seq = 2');
      expect(await cli()).toMatchObject({ code: 1, output: expect.stringContaining('gap: entry 2 is missing, next is 3') });
      await dataSource.query('DELETE FROM audit_entry WHERE seq >= 2');
      expect(await cli()).toMatchObject({ code: 1, output: expect.stringContaining('head mismatch: head says 5, chain ends at 1') });
    });

    it('finds an entry re-hashed after an edit (its successor no longer links to it)', async () => {
      const [entry] = await dataSource.getRepository(AuditEntryEntity).findBy({ seq: 4 });
      const forged = { ...entry, objectId: 'forged' };
      await dataSource.getRepository(AuditEntryEntity).update({ seq: 4 }, { objectId: 'forged', hash: auditEntryHash(forged) });
      expect(await cli()).toMatchObject({ code: 1, output: expect.stringContaining('prev mismatch at entry 5') });
    });
  });
});
