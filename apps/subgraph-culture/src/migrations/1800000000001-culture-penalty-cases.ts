import { column } from '@dr/subgraph-kit';
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Culture's own table (ADR 0014): administrative-penalty cases handed off from results coded 8. Runs after the kit's migrations. */
export class CulturePenaltyCases1800000000001 implements MigrationInterface {
  name = 'CulturePenaltyCases1800000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'culture_penalty_case',
        columns: [
          column('id', 'varchar', { length: 36, primary: true }),
          column('inspection_id', 'varchar', { length: 36 }),
          column('venue_id', 'varchar', { length: 36 }),
          column('venue_name', 'varchar', { length: 200 }),
          column('summary', 'text', { nullable: true }),
          column('handed_off_on', 'varchar', { length: 10 }),
          column('case_number', 'varchar', { length: 50, nullable: true }),
          column('filed_on', 'varchar', { length: 10, nullable: true }),
          column('state', 'varchar', { length: 16 }),
          column('state_on', 'varchar', { length: 10 }),
          column('updated_by_name', 'varchar', { length: 50, nullable: true }),
          { name: 'version', type: 'integer' },
          column('created_at', 'datetime', { precision: 6 }),
          column('updated_at', 'datetime', { precision: 6 }),
        ],
        indices: [
          new TableIndex({ name: 'uq_culture_penalty_case_inspection', columnNames: ['inspection_id'], isUnique: true }),
          // NULLs (cases not yet filed) do not collide in a unique index, on SQLite or MariaDB.
          new TableIndex({ name: 'uq_culture_penalty_case_number', columnNames: ['case_number'], isUnique: true }),
          new TableIndex({ name: 'idx_culture_penalty_case_state', columnNames: ['state', 'handed_off_on'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('culture_penalty_case');
  }
}
