import { column } from '@dr/subgraph-kit';
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Referrals (移送, R-RES-3): the ones a department sent and the ones other departments sent to it. */
export class DepartmentReferrals1700000000020 implements MigrationInterface {
  name = 'DepartmentReferrals1700000000020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'referral_sent',
        columns: [
          column('id', 'varchar', { length: 36, primary: true }),
          column('inspection_id', 'varchar', { length: 36 }),
          column('to_department', 'varchar', { length: 16, nullable: true }),
          column('to_authority', 'varchar', { length: 100, nullable: true }),
          column('facts', 'text'),
          column('legal_basis', 'varchar', { length: 500 }),
          column('evidence_ids', 'text'),
          column('channel', 'varchar', { length: 16 }),
          column('sent_on', 'varchar', { length: 10 }),
          column('deadline', 'varchar', { length: 10, nullable: true }),
          column('state', 'varchar', { length: 16 }),
          column('answer_reason', 'varchar', { length: 500, nullable: true }),
          column('answered_on', 'varchar', { length: 10, nullable: true }),
          column('answered_by_name', 'varchar', { length: 100, nullable: true }),
          { name: 'answer_version', type: 'integer', default: 0 },
          { name: 'version', type: 'integer' },
          column('sent_by', 'varchar', { length: 36 }),
          column('sent_by_name', 'varchar', { length: 50 }),
          column('created_at', 'datetime', { precision: 6 }),
          column('updated_at', 'datetime', { precision: 6 }),
        ],
        indices: [
          new TableIndex({ name: 'idx_referral_sent_inspection', columnNames: ['inspection_id'] }),
          new TableIndex({ name: 'idx_referral_sent_state', columnNames: ['state', 'sent_on'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'referral_received',
        columns: [
          column('id', 'varchar', { length: 36, primary: true }),
          column('from_department', 'varchar', { length: 16 }),
          column('inspection_id', 'varchar', { length: 36 }),
          column('venue_id', 'varchar', { length: 36 }),
          column('venue_name', 'varchar', { length: 200 }),
          column('venue_uscc', 'varchar', { length: 18 }),
          column('facts', 'text'),
          column('legal_basis', 'varchar', { length: 500 }),
          column('evidence', 'text'),
          column('sent_on', 'varchar', { length: 10 }),
          column('sent_by_name', 'varchar', { length: 50 }),
          column('answer_deadline', 'varchar', { length: 10, nullable: true }),
          column('state', 'varchar', { length: 16 }),
          column('answer_reason', 'varchar', { length: 500, nullable: true }),
          column('answered_on', 'varchar', { length: 10, nullable: true }),
          column('answered_by_name', 'varchar', { length: 50, nullable: true }),
          { name: 'version', type: 'integer' },
          column('received_at', 'datetime', { precision: 6 }),
        ],
        // The inbox lists what waits for an answer, nearest deadline first.
        indices: [new TableIndex({ name: 'idx_referral_received_state', columnNames: ['state', 'answer_deadline'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('referral_received');
    await queryRunner.dropTable('referral_sent');
  }
}
