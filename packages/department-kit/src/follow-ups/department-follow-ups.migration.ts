import { column } from '@dr/subgraph-kit';
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Follow-up of orders to rectify and their re-inspection (复查, R-PUB-3). */
export class DepartmentFollowUps1700000000021 implements MigrationInterface {
  name = 'DepartmentFollowUps1700000000021';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'follow_up',
        columns: [
          column('id', 'varchar', { length: 36, primary: true }),
          column('order_id', 'varchar', { length: 36 }),
          column('inspection_id', 'varchar', { length: 36 }),
          column('venue_id', 'varchar', { length: 36 }),
          column('venue_name', 'varchar', { length: 200 }),
          column('order_content', 'varchar', { length: 1000 }),
          column('ordered_on', 'varchar', { length: 10 }),
          column('rectification_deadline', 'varchar', { length: 10 }),
          column('due_on', 'varchar', { length: 10, nullable: true }),
          column('state', 'varchar', { length: 8 }),
          column('outcome', 'varchar', { length: 16, nullable: true }),
          column('reinspected_on', 'varchar', { length: 10, nullable: true }),
          column('opinion', 'text', { nullable: true }),
          column('reinspected_by', 'varchar', { length: 36, nullable: true }),
          column('reinspected_by_name', 'varchar', { length: 50, nullable: true }),
          { name: 'version', type: 'integer' },
          column('created_at', 'datetime', { precision: 6 }),
          column('updated_at', 'datetime', { precision: 6 }),
        ],
        indices: [
          new TableIndex({ name: 'uq_follow_up_order', columnNames: ['order_id'], isUnique: true }),
          new TableIndex({ name: 'idx_follow_up_inspection', columnNames: ['inspection_id'] }),
          // The task list: open ones by due date.
          new TableIndex({ name: 'idx_follow_up_state_due', columnNames: ['state', 'due_on'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('follow_up');
  }
}
