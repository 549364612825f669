import { column } from '@dr/subgraph-kit';
import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The holiday arrangements the office loaded, as each department keeps them (R-CAL-2). */
export class DepartmentCalendarYears1700000000022 implements MigrationInterface {
  name = 'DepartmentCalendarYears1700000000022';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'department_calendar_year',
        columns: [
          { name: 'year', type: 'integer', isPrimary: true },
          column('source', 'varchar', { length: 200 }),
          column('holidays', 'text'),
          column('working_days', 'text'),
          column('loaded_at', 'datetime', { precision: 6 }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('department_calendar_year');
  }
}
