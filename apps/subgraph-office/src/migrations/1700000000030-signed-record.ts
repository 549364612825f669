import { column } from '@dr/subgraph-kit';
import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The signed record (ADR 0015): the content frozen at signing and the signatures' commitment to it,
 * who confirmed each signature, the departments' amendments as the office learns them, and refusals
 * that stay as rows when withdrawn (so `venue_response` gets its own id instead of the inspection's).
 */
export class SignedRecord1700000000030 implements MigrationInterface {
  name = 'SignedRecord1700000000030';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('record_signature', [
      new TableColumn(column('content_sha256', 'varchar', { length: 64, nullable: true })),
      new TableColumn(column('confirmed_by', 'varchar', { length: 36, nullable: true })),
    ]);

    // One response per inspection so far: its id is the inspection's, which is unique and 36 long.
    await queryRunner.addColumn('venue_response', new TableColumn(column('id', 'varchar', { length: 36, nullable: true })));
    await queryRunner.query('UPDATE venue_response SET id = inspection_id');
    await queryRunner.dropPrimaryKey('venue_response');
    await queryRunner.changeColumn('venue_response', 'id', new TableColumn(column('id', 'varchar', { length: 36 })));
    await queryRunner.createPrimaryKey('venue_response', ['id']);
    await queryRunner.addColumns('venue_response', [
      new TableColumn(column('withdrawn_at', 'datetime', { precision: 6, nullable: true })),
      new TableColumn(column('withdrawn_by', 'varchar', { length: 36, nullable: true })),
      new TableColumn(column('withdrawal_reason', 'varchar', { length: 500, nullable: true })),
    ]);
    await queryRunner.createIndex('venue_response', new TableIndex({ name: 'idx_venue_response_inspection', columnNames: ['inspection_id'] }));

    await queryRunner.createTable(
      new Table({
        name: 'record_snapshot',
        columns: [
          column('inspection_id', 'varchar', { length: 36, primary: true }),
          column('content', 'text'),
          column('content_sha256', 'varchar', { length: 64 }),
          column('taken_at', 'datetime', { precision: 6 }),
          column('taken_by', 'varchar', { length: 36 }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'record_amendment',
        columns: [
          column('id', 'varchar', { length: 36, primary: true }),
          column('inspection_id', 'varchar', { length: 36 }),
          column('department', 'varchar', { length: 16 }),
          column('section_version', 'integer'),
          column('reason', 'varchar', { length: 500 }),
          column('amended_by_name', 'varchar', { length: 50 }),
          column('amended_at', 'datetime', { precision: 6 }),
          column('changes', 'text'),
          column('acknowledged_at', 'datetime', { precision: 6, nullable: true }),
          column('acknowledged_by_name', 'varchar', { length: 50, nullable: true }),
          column('acknowledgement_sha256', 'varchar', { length: 64, nullable: true }),
          column('acknowledgement_recorded_by', 'varchar', { length: 36, nullable: true }),
        ],
        indices: [new TableIndex({ name: 'uq_record_amendment', columnNames: ['inspection_id', 'department', 'section_version'], isUnique: true })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Withdrawn refusals are kept as rows; the old key (one row per inspection) cannot hold them.
    const [{ extra }] = await queryRunner.query('SELECT COUNT(*) - COUNT(DISTINCT inspection_id) AS extra FROM venue_response');
    if (Number(extra) > 0) throw new Error('venue_response holds withdrawn refusals (several rows for one inspection): reverting would lose them; export them first');
    await queryRunner.dropTable('record_amendment');
    await queryRunner.dropTable('record_snapshot');
    await queryRunner.dropIndex('venue_response', 'idx_venue_response_inspection');
    for (const name of ['withdrawal_reason', 'withdrawn_by', 'withdrawn_at']) await queryRunner.dropColumn('venue_response', name);
    await queryRunner.dropPrimaryKey('venue_response');
    await queryRunner.dropColumn('venue_response', 'id');
    await queryRunner.createPrimaryKey('venue_response', ['inspection_id']);
    for (const name of ['confirmed_by', 'content_sha256']) await queryRunner.dropColumn('record_signature', name);
  }
}
