import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const varchar = (name: string, length: number, extra: { isNullable?: boolean; isPrimary?: boolean } = {}) => ({ name, type: 'varchar', length: String(length), isNullable: false, ...extra });
const datetime = (name: string) => ({ name, type: 'datetime', precision: 6 });

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
          varchar('id', 36, { isPrimary: true }),
          varchar('plan_id', 36),
          varchar('department', 16),
          varchar('code', 16),
          varchar('title', 500),
          varchar('legal_basis', 500),
          { name: 'sort_order', type: 'integer' },
        ],
        indices: [new TableIndex({ name: 'uq_check_item_plan_code', columnNames: ['plan_id', 'code'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'department_section',
        columns: [
          varchar('id', 36, { isPrimary: true }),
          varchar('inspection_id', 36),
          varchar('plan_id', 36),
          varchar('status', 16),
          { name: 'version', type: 'integer' },
          datetime('updated_at'),
          varchar('updated_by', 36),
        ],
        indices: [new TableIndex({ name: 'uq_department_section_inspection', columnNames: ['inspection_id'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'section_item',
        columns: [
          varchar('section_id', 36, { isPrimary: true }),
          varchar('check_item_id', 36, { isPrimary: true }),
          varchar('outcome', 16),
          varchar('note', 500, { isNullable: true }),
          datetime('updated_at'),
          varchar('updated_by', 36),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['section_item', 'department_section', 'check_item']) await queryRunner.dropTable(table);
  }
}
