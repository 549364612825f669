import { column } from '@dr/subgraph-kit';
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** After the visit: each department's result of an inspection and its review and correction trail (R-PUB-1/2). */
export class DepartmentResults1700000000011 implements MigrationInterface {
  name = 'DepartmentResults1700000000011';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'department_result',
        columns: [
          column('id', 'varchar', { length: 36, primary: true }),
          column('inspection_id', 'varchar', { length: 36 }),
          column('plan_id', 'varchar', { length: 36 }),
          column('plan_title', 'varchar', { length: 300 }),
          column('venue_id', 'varchar', { length: 36 }),
          column('venue_name', 'varchar', { length: 200 }),
          column('venue_uscc', 'varchar', { length: 18 }),
          column('venue_street', 'varchar', { length: 50 }),
          column('inspected_on', 'varchar', { length: 10 }),
          column('signed_on', 'varchar', { length: 10 }),
          column('team_inspector_ids', 'text'),
          column('publication_deadline', 'varchar', { length: 10, nullable: true }),
          column('status', 'varchar', { length: 16 }),
          column('result_codes', 'varchar', { length: 64, default: "''" }),
          column('summary', 'text', { nullable: true }),
          column('return_reason', 'varchar', { length: 500, nullable: true }),
          { name: 'version', type: 'integer' },
          { name: 'revision', type: 'integer', default: 0 },
          column('entered_by_name', 'varchar', { length: 50, nullable: true }),
          column('entered_at', 'datetime', { precision: 6, nullable: true }),
          column('published_by', 'varchar', { length: 36, nullable: true }),
          column('published_by_name', 'varchar', { length: 50, nullable: true }),
          column('published_at', 'datetime', { precision: 6, nullable: true }),
          column('published_on', 'varchar', { length: 10, nullable: true }),
          column('published_record', 'text', { nullable: true }),
          column('created_at', 'datetime', { precision: 6 }),
          column('updated_at', 'datetime', { precision: 6 }),
        ],
        indices: [
          new TableIndex({ name: 'uq_department_result_inspection', columnNames: ['inspection_id'], isUnique: true }),
          new TableIndex({ name: 'idx_department_result_plan', columnNames: ['plan_id'] }),
          // The workbench lists by status, nearest deadline first.
          new TableIndex({ name: 'idx_department_result_status_deadline', columnNames: ['status', 'publication_deadline'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'department_result_change',
        columns: [
          column('id', 'varchar', { length: 36, primary: true }),
          column('result_id', 'varchar', { length: 36 }),
          { name: 'version', type: 'integer' },
          column('kind', 'varchar', { length: 8 }),
          column('reason', 'varchar', { length: 500, nullable: true }),
          column('changed_by', 'varchar', { length: 36 }),
          column('changed_by_name', 'varchar', { length: 50 }),
          column('changed_at', 'datetime', { precision: 6 }),
          column('before', 'text'),
          column('after', 'text'),
        ],
        indices: [new TableIndex({ name: 'uq_department_result_change_version', columnNames: ['result_id', 'version'], isUnique: true })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('department_result_change');
    await queryRunner.dropTable('department_result');
  }
}
