import { column } from '@dr/subgraph-kit';
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A department's tables: its check items per plan, its sections of inspections, and their item
 * outcomes. Dialect-neutral (SQLite and MySQL/MariaDB); no database foreign keys (docs/adr/0004).
 */
export class DepartmentInitial1700000000001 implements MigrationInterface {
  name = 'DepartmentInitial1700000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'check_item',
        columns: [
          column('id', 'varchar', { length: 36, primary: true }),
          column('plan_id', 'varchar', { length: 36 }),
          column('department', 'varchar', { length: 16 }),
          column('code', 'varchar', { length: 16 }),
          column('title', 'varchar', { length: 500 }),
          column('legal_basis', 'varchar', { length: 500 }),
          { name: 'sort_order', type: 'integer' },
        ],
        indices: [new TableIndex({ name: 'uq_check_item_plan_code', columnNames: ['plan_id', 'code'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'department_section',
        columns: [
          column('id', 'varchar', { length: 36, primary: true }),
          column('inspection_id', 'varchar', { length: 36 }),
          column('plan_id', 'varchar', { length: 36 }),
          column('status', 'varchar', { length: 16 }),
          { name: 'version', type: 'integer' },
          column('updated_at', 'datetime', { precision: 6 }),
          column('updated_by', 'varchar', { length: 36 }),
        ],
        indices: [new TableIndex({ name: 'uq_department_section_inspection', columnNames: ['inspection_id'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'section_item',
        columns: [
          column('section_id', 'varchar', { length: 36, primary: true }),
          column('check_item_id', 'varchar', { length: 36, primary: true }),
          column('outcome', 'varchar', { length: 16 }),
          column('note', 'varchar', { length: 500, nullable: true }),
          column('updated_at', 'datetime', { precision: 6 }),
          column('updated_by', 'varchar', { length: 36 }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['section_item', 'department_section', 'check_item']) await queryRunner.dropTable(table);
  }
}
