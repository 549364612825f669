import { column } from '@dr/subgraph-kit';
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The plan's reports (R-REP-2): uploaded final work summaries and the record of what was sent to whom and when. */
export class Reports1700000000035 implements MigrationInterface {
  name = 'Reports1700000000035';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'report_document',
        columns: [
          column('id', 'varchar', { length: 36, primary: true }),
          column('plan_id', 'varchar', { length: 36 }),
          column('kind', 'varchar', { length: 32 }),
          { name: 'version', type: 'integer' },
          column('file_name', 'varchar', { length: 200 }),
          column('content_type', 'varchar', { length: 100 }),
          column('sha256', 'varchar', { length: 64 }),
          { name: 'size', type: 'integer' },
          column('uploaded_by', 'varchar', { length: 36 }),
          column('uploaded_by_name', 'varchar', { length: 50 }),
          column('uploaded_at', 'datetime', { precision: 6 }),
        ],
        indices: [new TableIndex({ name: 'uq_report_document_version', columnNames: ['plan_id', 'kind', 'version'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'report_submission',
        columns: [
          column('id', 'varchar', { length: 36, primary: true }),
          column('plan_id', 'varchar', { length: 36 }),
          column('document_id', 'varchar', { length: 36 }),
          column('recipient', 'varchar', { length: 100 }),
          column('sent_on', 'varchar', { length: 10 }),
          { name: 'supplementary', type: 'boolean' },
          { name: 'inspection_count', type: 'integer' },
          column('recorded_by', 'varchar', { length: 36 }),
          column('recorded_by_name', 'varchar', { length: 50 }),
          column('recorded_at', 'datetime', { precision: 6 }),
        ],
        indices: [new TableIndex({ name: 'idx_report_submission_plan', columnNames: ['plan_id', 'recorded_at'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('report_submission');
    await queryRunner.dropTable('report_document');
  }
}
