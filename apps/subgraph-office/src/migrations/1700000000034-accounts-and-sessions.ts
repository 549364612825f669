import { column } from '@dr/subgraph-kit';
import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Issue "Trust": accounts that must change their password or are disabled, one login per officer, and sessions. */
export class AccountsAndSessions1700000000034 implements MigrationInterface {
  name = 'AccountsAndSessions1700000000034';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('app_user', [
      new TableColumn(column('must_change_password', 'boolean', { default: '0' })),
      new TableColumn({ name: 'disabled_at', type: 'datetime', isNullable: true }),
    ]);
    await queryRunner.createIndex('app_user', new TableIndex({ name: 'uq_app_user_inspector_id', columnNames: ['inspector_id'], isUnique: true }));
    await queryRunner.createTable(
      new Table({
        name: 'app_session',
        columns: [
          column('id', 'varchar', { length: 36, primary: true }),
          column('user_id', 'varchar', { length: 36 }),
          column('refresh_hash', 'varchar', { length: 64 }),
          column('created_at', 'datetime', { precision: 6 }),
          column('refreshed_at', 'datetime', { precision: 6 }),
          column('expires_at', 'datetime', { precision: 6 }),
          column('revoked_at', 'datetime', { precision: 6, nullable: true }),
          column('revoke_reason', 'varchar', { length: 20, nullable: true }),
        ],
        indices: [
          new TableIndex({ name: 'ix_app_session_user_id', columnNames: ['user_id'] }),
          new TableIndex({ name: 'ix_app_session_revoked_at', columnNames: ['revoked_at'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('app_session');
    await queryRunner.dropIndex('app_user', 'uq_app_user_inspector_id');
    await queryRunner.dropColumn('app_user', 'disabled_at');
    await queryRunner.dropColumn('app_user', 'must_change_password');
  }
}
