import { column } from '@dr/subgraph-kit';
import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Evidence belongs to an item: the same photo attached to two items is two pieces of evidence (it was
 * one, linked to the first item only). Evidence taken off a draft is marked on its row (who, when),
 * and every removal is kept in `evidence_removal`; the file stays.
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
    await queryRunner.createTable(
      new Table({
        name: 'evidence_removal',
        columns: [
          column('id', 'varchar', { length: 36, primary: true }),
          column('evidence_id', 'varchar', { length: 36 }),
          column('inspection_id', 'varchar', { length: 36 }),
          column('file_name', 'varchar', { length: 200 }),
          column('uploaded_by', 'varchar', { length: 36 }),
          column('uploaded_at', 'datetime', { precision: 6 }),
          column('removed_by', 'varchar', { length: 36 }),
          column('removed_at', 'datetime', { precision: 6 }),
        ],
        indices: [new TableIndex({ name: 'idx_evidence_removal_inspection', columnNames: ['inspection_id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('evidence_removal');
    await queryRunner.dropIndex('evidence', 'uq_evidence_inspection_item_sha');
    await queryRunner.createIndex('evidence', new TableIndex({ name: 'uq_evidence_inspection_sha', columnNames: ['inspection_id', 'sha256'], isUnique: true }));
    await queryRunner.dropColumn('evidence', 'removed_by');
    await queryRunner.dropColumn('evidence', 'removed_at');
  }
}
