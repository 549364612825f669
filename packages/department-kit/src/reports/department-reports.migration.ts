import { column } from '@dr/subgraph-kit';
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The department's progress briefings (专项简报, R-REP-1), and an index that reads a plan's results in
 * the 汇总表's order (by day, then inspection) page after page without sorting the plan each time.
 */
export class DepartmentReports1700000000034 implements MigrationInterface {
  name = 'DepartmentReports1700000000034';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'department_briefing',
        columns: [
          column('id', 'varchar', { length: 36, primary: true }),
          column('plan_id', 'varchar', { length: 36 }),
          { name: 'issue', type: 'integer' },
          column('highlights', 'text'),
          column('problems', 'text'),
          column('suggestions', 'text'),
          column('created_by', 'varchar', { length: 36 }),
          column('created_by_name', 'varchar', { length: 50 }),
          column('created_at', 'datetime', { precision: 6 }),
        ],
        indices: [new TableIndex({ name: 'uq_department_briefing_issue', columnNames: ['plan_id', 'issue'], isUnique: true })],
      }),
    );
    await queryRunner.createIndex('department_result', new TableIndex({ name: 'idx_department_result_plan_day', columnNames: ['plan_id', 'inspected_on', 'inspection_id'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('department_result', 'idx_department_result_plan_day');
    await queryRunner.dropTable('department_briefing');
  }
}
