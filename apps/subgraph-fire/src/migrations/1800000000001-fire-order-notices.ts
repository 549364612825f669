import { column } from '@dr/subgraph-kit';
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Fire's own table (ADR 0014): 责令改正通知书 issued from signed visits. Runs after the kit's migrations. */
export class FireOrderNotices1800000000001 implements MigrationInterface {
  name = 'FireOrderNotices1800000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'fire_order_notice',
        columns: [
          column('id', 'varchar', { length: 36, primary: true }),
          column('order_id', 'varchar', { length: 36 }),
          column('inspection_id', 'varchar', { length: 36 }),
          { name: 'year', type: 'integer' },
          { name: 'serial', type: 'integer' },
          column('venue_name', 'varchar', { length: 200 }),
          column('venue_uscc', 'varchar', { length: 32 }),
          column('venue_street', 'varchar', { length: 100 }),
          column('item_title', 'varchar', { length: 500, nullable: true }),
          column('legal_basis', 'text', { nullable: true }),
          column('facts', 'text'),
          column('order_content', 'varchar', { length: 1000 }),
          column('rectification_deadline', 'varchar', { length: 10 }),
          column('issued_on', 'varchar', { length: 10 }),
          column('created_at', 'datetime', { precision: 6 }),
        ],
        indices: [
          new TableIndex({ name: 'uq_fire_order_notice_order', columnNames: ['order_id'], isUnique: true }),
          // Two notices never share a 文书编号, even when two signings race.
          new TableIndex({ name: 'uq_fire_order_notice_year_serial', columnNames: ['year', 'serial'], isUnique: true }),
          new TableIndex({ name: 'idx_fire_order_notice_inspection', columnNames: ['inspection_id'] }),
          new TableIndex({ name: 'idx_fire_order_notice_issued', columnNames: ['issued_on'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('fire_order_notice');
  }
}
