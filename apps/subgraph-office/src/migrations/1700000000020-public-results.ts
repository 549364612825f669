import { column } from '@dr/subgraph-kit';
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * 一公开: the public read model of published results and their corrections. The two list indexes
 * follow the page's order (publication date newest first, then venue); `bench:public` measures them
 * on 100,000 rows. Written as SQL because TypeORM's TableIndex cannot say DESC (SQLite and MariaDB
 * ≥ 10.8 both keep descending keys).
 */
export class PublicResults1700000000020 implements MigrationInterface {
  name = 'PublicResults1700000000020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'public_result',
        columns: [
          column('inspection_id', 'varchar', { length: 36, primary: true }),
          column('department', 'varchar', { length: 16, primary: true }),
          column('plan_id', 'varchar', { length: 36 }),
          column('venue_name', 'varchar', { length: 200 }),
          column('venue_uscc', 'varchar', { length: 32 }),
          column('venue_street', 'varchar', { length: 100 }),
          column('result_codes', 'varchar', { length: 64 }),
          column('inspected_on', 'varchar', { length: 10 }),
          column('published_on', 'varchar', { length: 10 }),
          column('revision', 'integer'),
          column('updated_at', 'datetime', { precision: 6 }),
        ],
        indices: [new TableIndex({ name: 'idx_public_result_uscc', columnNames: ['venue_uscc'] })],
      }),
    );
    await queryRunner.query('CREATE INDEX idx_public_result_order ON public_result (published_on DESC, venue_name, inspection_id, department)');
    await queryRunner.query(
      'CREATE INDEX idx_public_result_plan ON public_result (plan_id, department, published_on DESC, venue_name, inspection_id)',
    );
    await queryRunner.createTable(
      new Table({
        name: 'public_result_correction',
        columns: [
          column('id', 'varchar', { length: 36, primary: true }),
          column('inspection_id', 'varchar', { length: 36 }),
          column('department', 'varchar', { length: 16 }),
          column('revision', 'integer'),
          column('reason', 'varchar', { length: 500 }),
          column('corrected_on', 'varchar', { length: 10 }),
          column('result_codes', 'varchar', { length: 64 }),
          column('recorded_at', 'datetime', { precision: 6 }),
        ],
        indices: [new TableIndex({ name: 'uq_public_result_correction', columnNames: ['inspection_id', 'department', 'revision'], isUnique: true })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('public_result_correction');
    await queryRunner.dropTable('public_result');
  }
}
