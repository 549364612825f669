import { column } from '@dr/subgraph-kit';
import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Evidence belongs to an item: the same photo attached to two items is two pieces of evidence (it was
 * one, linked to the first item only). Evidence taken off a draft keeps who and when; row and file stay.
 */
export class EvidencePerItem1700000000005 implements MigrationInterface {
  name = 'EvidencePerItem1700000000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('evidence', [
      new TableColumn(column('removed_at', 'datetime', { precision: 6, nullable: true })),
      new TableColumn(column('removed_by', 'varchar', { length: 36, nullable: true })),
    ]);
    await queryRunner.dropIndex('evidence', 'uq_evidence_inspection_sha');
    await queryRunner.createIndex('evidence', new TableIndex({ name: 'uq_evidence_inspection_item_sha', columnNames: ['inspection_id', 'check_item_id', 'sha256'], isUnique: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('evidence', 'uq_evidence_inspection_item_sha');
    await queryRunner.createIndex('evidence', new TableIndex({ name: 'uq_evidence_inspection_sha', columnNames: ['inspection_id', 'sha256'], isUnique: true }));
    await queryRunner.dropColumn('evidence', 'removed_by');
    await queryRunner.dropColumn('evidence', 'removed_at');
  }
}
