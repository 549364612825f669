import { column } from '@dr/subgraph-kit';
import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** R-CAL-2: holiday arrangements the office loads at run time (years beyond the shipped table, corrections). */
export class CalendarYears1700000000006 implements MigrationInterface {
  name = 'CalendarYears1700000000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'calendar_year',
        columns: [
          column('year', 'integer', { primary: true }),
          column('source', 'varchar', { length: 200 }),
          column('holidays', 'text'),
          column('working_days', 'text'),
          column('loaded_at', 'datetime', { precision: 6 }),
          column('loaded_by', 'varchar', { length: 36 }),
          column('loaded_by_name', 'varchar', { length: 50 }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('calendar_year');
  }
}
