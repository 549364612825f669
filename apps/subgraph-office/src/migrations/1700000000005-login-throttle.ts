import { column } from '@dr/subgraph-kit';
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Issue "Trust" item 5: failed-login counters for throttling (when no REDIS_URL is set). */
export class LoginThrottle1700000000005 implements MigrationInterface {
  name = 'LoginThrottle1700000000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'login_throttle',
        columns: [
          column('throttle_key', 'varchar', { length: 200, primary: true }),
          column('failures', 'integer'),
          column('last_failure_at', 'datetime', { precision: 6 }),
          column('expires_at', 'datetime', { precision: 6 }),
        ],
        indices: [new TableIndex({ name: 'ix_login_throttle_expires_at', columnNames: ['expires_at'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('login_throttle');
  }
}
