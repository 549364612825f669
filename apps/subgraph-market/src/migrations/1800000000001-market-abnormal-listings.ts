import { column } from '@dr/subgraph-kit';
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Market's own table (ADR 0014): proposals to list businesses in 经营异常名录. Runs after the kit's migrations. */
export class MarketAbnormalListings1800000000001 implements MigrationInterface {
  name = 'MarketAbnormalListings1800000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'market_abnormal_listing',
        columns: [
          column('id', 'varchar', { length: 36, primary: true }),
          column('inspection_id', 'varchar', { length: 36 }),
          column('venue_id', 'varchar', { length: 36 }),
          column('venue_name', 'varchar', { length: 200 }),
          column('venue_uscc', 'varchar', { length: 32 }),
          column('reason', 'varchar', { length: 200 }),
          column('legal_basis', 'varchar', { length: 200 }),
          column('state', 'varchar', { length: 12 }),
          column('proposed_on', 'varchar', { length: 10 }),
          column('decided_on', 'varchar', { length: 10, nullable: true }),
          column('decided_by_name', 'varchar', { length: 50, nullable: true }),
          column('withdraw_reason', 'varchar', { length: 500, nullable: true }),
          { name: 'version', type: 'integer' },
          column('created_at', 'datetime', { precision: 6 }),
          column('updated_at', 'datetime', { precision: 6 }),
        ],
        indices: [
          new TableIndex({ name: 'uq_market_abnormal_listing_inspection', columnNames: ['inspection_id'], isUnique: true }),
          new TableIndex({ name: 'idx_market_abnormal_listing_state', columnNames: ['state', 'proposed_on'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('market_abnormal_listing');
  }
}
