import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const varchar = (name: string, length: number, extra: Partial<{ isNullable: boolean; isPrimary: boolean; default: string }> = {}) =>
  ({ name, type: 'varchar', length: String(length), isNullable: false, ...extra });

/**
 * Issue #3: the full directories (一单两库: status, credit-risk class, last inspection, certificate
 * validity, leave, expertise, declared conflicts) and the verifiable draws with their stored snapshots.
 */
export class DirectoriesAndDraws1700000000002 implements MigrationInterface {
  name = 'DirectoriesAndDraws1700000000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('venue', [
      new TableColumn(varchar('contact_person', 50, { isNullable: true })),
      new TableColumn(varchar('status', 16, { default: "'OPERATING'" })),
      new TableColumn(varchar('risk_class', 8, { default: "'B'" })),
      new TableColumn(varchar('code_kind', 24, { default: "'USCC'" })),
      new TableColumn(varchar('last_inspection_date', 10, { isNullable: true })),
      new TableColumn({ name: 'last_inspection_problem_found', type: 'boolean', isNullable: true }),
    ]);
    await queryRunner.createIndex('venue', new TableIndex({ name: 'idx_venue_risk_class', columnNames: ['risk_class'] }));
    await queryRunner.addColumns('inspector', [
      new TableColumn(varchar('certificate_valid_from', 10, { isNullable: true })),
      new TableColumn(varchar('status', 16, { default: "'ACTIVE'" })),
      new TableColumn({ name: 'expertise', type: 'text', isNullable: true }),
    ]);
    await queryRunner.addColumn('inspection', new TableColumn(varchar('draw_id', 36, { isNullable: true })));
    await queryRunner.createIndex('inspection', new TableIndex({ name: 'idx_inspection_draw', columnNames: ['draw_id'] }));
    await queryRunner.createTable(
      new Table({
        name: 'inspector_conflict',
        columns: [varchar('id', 36, { isPrimary: true }), varchar('inspector_id', 36), varchar('venue_id', 36), varchar('relation', 50), varchar('reason', 200)],
        indices: [
          new TableIndex({ name: 'idx_inspector_conflict_inspector', columnNames: ['inspector_id'] }),
          new TableIndex({ name: 'idx_inspector_conflict_venue', columnNames: ['venue_id'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'draw',
        columns: [
          varchar('id', 36, { isPrimary: true }),
          varchar('plan_id', 36),
          varchar('batch', 64),
          varchar('status', 16),
          varchar('algorithm', 16),
          varchar('commitment', 64),
          varchar('venue_snapshot_hash', 64),
          varchar('inspector_snapshot_hash', 64),
          { name: 'venue_count', type: 'integer' },
          { name: 'inspector_count', type: 'integer' },
          { name: 'parameters', type: 'text' },
          { name: 'seed_commitments', type: 'text' },
          { name: 'reveals', type: 'text', isNullable: true },
          varchar('seed', 64, { isNullable: true }),
          varchar('result_hash', 64, { isNullable: true }),
          { name: 'drawn_count', type: 'integer', isNullable: true },
          varchar('failure_message', 500, { isNullable: true }),
          varchar('supersedes_id', 36, { isNullable: true }),
          varchar('redraw_reason', 500, { isNullable: true }),
          varchar('created_by', 36),
          { name: 'created_at', type: 'datetime', precision: 6 },
          { name: 'revealed_at', type: 'datetime', precision: 6, isNullable: true },
        ],
        indices: [new TableIndex({ name: 'idx_draw_plan_batch', columnNames: ['plan_id', 'batch'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'draw_blob',
        columns: [varchar('draw_id', 36, { isPrimary: true }), varchar('kind', 16, { isPrimary: true }), { name: 'seq', type: 'integer', isPrimary: true }, { name: 'data', type: 'blob' }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('draw_blob');
    await queryRunner.dropTable('draw');
    await queryRunner.dropTable('inspector_conflict');
    await queryRunner.dropIndex('inspection', 'idx_inspection_draw');
    await queryRunner.dropColumn('inspection', 'draw_id');
    for (const column of ['expertise', 'status', 'certificate_valid_from']) await queryRunner.dropColumn('inspector', column);
    await queryRunner.dropIndex('venue', 'idx_venue_risk_class');
    for (const column of ['last_inspection_problem_found', 'last_inspection_date', 'code_kind', 'risk_class', 'status', 'contact_person']) await queryRunner.dropColumn('venue', column);
  }
}
