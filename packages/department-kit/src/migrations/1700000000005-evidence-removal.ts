import { column } from '@dr/subgraph-kit';
import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Evidence taken off a draft record: who and when; the row and the file are kept. */
export class EvidenceRemoval1700000000005 implements MigrationInterface {
  name = 'EvidenceRemoval1700000000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('evidence', [
      new TableColumn(column('removed_at', 'datetime', { precision: 6, nullable: true })),
      new TableColumn(column('removed_by', 'varchar', { length: 36, nullable: true })),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('evidence', 'removed_by');
    await queryRunner.dropColumn('evidence', 'removed_at');
  }
}
