import { column, idempotentRequestTable } from '@dr/subgraph-kit';
import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Issue #4: visit slots and notices, officers' logins, signatures and the venue's response. */
export class Visits1700000000004 implements MigrationInterface {
  name = 'Visits1700000000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('inspection', [
      new TableColumn(column('visit_start_time', 'varchar', { length: 5, nullable: true })),
      new TableColumn(column('visit_end_time', 'varchar', { length: 5, nullable: true })),
      new TableColumn(column('notice_mode', 'varchar', { length: 16, nullable: true })),
      new TableColumn(column('notice_at', 'datetime', { precision: 6, nullable: true })),
      new TableColumn(column('notice_prepare', 'varchar', { length: 1000, nullable: true })),
      new TableColumn(column('completed_at', 'datetime', { precision: 6, nullable: true })),
    ]);
    await queryRunner.addColumn('app_user', new TableColumn(column('inspector_id', 'varchar', { length: 36, nullable: true })));
    await queryRunner.createTable(
      new Table({
        name: 'record_signature',
        columns: [
          column('id', 'varchar', { length: 36, primary: true }),
          column('inspection_id', 'varchar', { length: 36 }),
          column('purpose', 'varchar', { length: 16 }),
          column('inspector_id', 'varchar', { length: 36 }),
          column('image_sha256', 'varchar', { length: 64 }),
          column('signed_at', 'datetime', { precision: 6 }),
          column('recorded_by', 'varchar', { length: 36 }),
        ],
        indices: [new TableIndex({ name: 'uq_record_signature', columnNames: ['inspection_id', 'purpose', 'inspector_id'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'venue_response',
        columns: [
          column('inspection_id', 'varchar', { length: 36, primary: true }),
          column('kind', 'varchar', { length: 8 }),
          column('signer_name', 'varchar', { length: 50, nullable: true }),
          column('signature_sha256', 'varchar', { length: 64, nullable: true }),
          column('stamp_sha256', 'varchar', { length: 64, nullable: true }),
          column('refusal_note', 'varchar', { length: 1000, nullable: true }),
          column('recorded_at', 'datetime', { precision: 6 }),
          column('recorded_by', 'varchar', { length: 36 }),
        ],
      }),
    );
    await queryRunner.createTable(idempotentRequestTable());
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['idempotent_request', 'venue_response', 'record_signature']) await queryRunner.dropTable(table);
    await queryRunner.dropColumn('app_user', 'inspector_id');
    for (const name of ['completed_at', 'notice_prepare', 'notice_at', 'notice_mode', 'visit_end_time', 'visit_start_time']) await queryRunner.dropColumn('inspection', name);
  }
}
