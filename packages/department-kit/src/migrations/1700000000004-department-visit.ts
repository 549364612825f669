import { column, idempotentRequestTable } from '@dr/subgraph-kit';
import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The visit (issue #4): result codes, 现场笔录 and the submitted original on the section; orders,
 * evidence, the change log and idempotency keys in tables of their own.
 */
export class DepartmentVisit1700000000004 implements MigrationInterface {
  name = 'DepartmentVisit1700000000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('department_section', [
      new TableColumn({ ...column('result_codes', 'varchar', { length: 64 }), default: "''" }),
      new TableColumn(column('on_site_facts', 'text', { nullable: true })),
      new TableColumn(column('on_site_persons', 'varchar', { length: 500, nullable: true })),
      new TableColumn(column('submitted_at', 'datetime', { precision: 6, nullable: true })),
      new TableColumn(column('submitted_by', 'varchar', { length: 36, nullable: true })),
      new TableColumn(column('submitted_record', 'text', { nullable: true })),
    ]);
    // A draft may hold an item's note before its outcome.
    await queryRunner.changeColumn('section_item', 'outcome', new TableColumn(column('outcome', 'varchar', { length: 16, nullable: true })));
    await queryRunner.createTable(
      new Table({
        name: 'section_order',
        columns: [
          column('id', 'varchar', { length: 36, primary: true }),
          column('section_id', 'varchar', { length: 36 }),
          { name: 'position', type: 'integer' },
          column('kind', 'varchar', { length: 16 }),
          column('delivery', 'varchar', { length: 16 }),
          column('content', 'varchar', { length: 1000 }),
          column('deadline', 'varchar', { length: 10, nullable: true }),
          column('check_item_id', 'varchar', { length: 36, nullable: true }),
        ],
        indices: [
          new TableIndex({ name: 'idx_section_order_section', columnNames: ['section_id', 'position'] }),
          new TableIndex({ name: 'idx_section_order_deadline', columnNames: ['deadline'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'evidence',
        columns: [
          column('id', 'varchar', { length: 36, primary: true }),
          column('inspection_id', 'varchar', { length: 36 }),
          column('check_item_id', 'varchar', { length: 36, nullable: true }),
          column('sha256', 'varchar', { length: 64 }),
          column('content_type', 'varchar', { length: 50 }),
          { name: 'size', type: 'integer' },
          column('file_name', 'varchar', { length: 200 }),
          column('uploaded_by', 'varchar', { length: 36 }),
          column('uploaded_at', 'datetime', { precision: 6 }),
        ],
        indices: [new TableIndex({ name: 'uq_evidence_inspection_sha', columnNames: ['inspection_id', 'sha256'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'section_change',
        columns: [
          column('id', 'varchar', { length: 36, primary: true }),
          column('section_id', 'varchar', { length: 36 }),
          { name: 'version', type: 'integer' },
          column('kind', 'varchar', { length: 8 }),
          column('reason', 'varchar', { length: 500, nullable: true }),
          column('changed_by', 'varchar', { length: 36 }),
          column('changed_by_name', 'varchar', { length: 50 }),
          column('changed_at', 'datetime', { precision: 6 }),
          column('changes', 'text'),
        ],
        indices: [new TableIndex({ name: 'uq_section_change_version', columnNames: ['section_id', 'version'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(idempotentRequestTable());
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['idempotent_request', 'section_change', 'evidence', 'section_order']) await queryRunner.dropTable(table);
    await queryRunner.changeColumn('section_item', 'outcome', new TableColumn(column('outcome', 'varchar', { length: 16 })));
    for (const name of ['submitted_record', 'submitted_by', 'submitted_at', 'on_site_persons', 'on_site_facts', 'result_codes']) await queryRunner.dropColumn('department_section', name);
  }
}
