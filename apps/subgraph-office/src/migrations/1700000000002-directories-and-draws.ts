import { column } from '@dr/subgraph-kit';
import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Issue #3: the full directories (一单两库: status, credit-risk class, last inspection, certificate
 * validity, leave, expertise, declared conflicts) and the verifiable draws with their stored snapshots.
 */
export class DirectoriesAndDraws1700000000002 implements MigrationInterface {
  name = 'DirectoriesAndDraws1700000000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('venue', [
      new TableColumn(column('contact_person', 'varchar', { length: 50, nullable: true })),
      new TableColumn(column('status', 'varchar', { length: 16, default: "'OPERATING'" })),
      new TableColumn(column('risk_class', 'varchar', { length: 8, default: "'B'" })),
      new TableColumn(column('code_kind', 'varchar', { length: 24, default: "'USCC'" })),
      new TableColumn(column('last_inspection_date', 'varchar', { length: 10, nullable: true })),
      new TableColumn({ name: 'last_inspection_problem_found', type: 'boolean', isNullable: true }),
    ]);
    await queryRunner.createIndex('venue', new TableIndex({ name: 'idx_venue_risk_class', columnNames: ['risk_class'] }));
    await queryRunner.addColumns('inspector', [
      new TableColumn(column('certificate_valid_from', 'varchar', { length: 10, nullable: true })),
      new TableColumn(column('status', 'varchar', { length: 16, default: "'ACTIVE'" })),
      new TableColumn({ name: 'expertise', type: 'text', isNullable: true }),
    ]);
    await queryRunner.addColumn('inspection', new TableColumn(column('draw_id', 'varchar', { length: 36, nullable: true })));
    await queryRunner.createIndex('inspection', new TableIndex({ name: 'idx_inspection_draw', columnNames: ['draw_id'] }));
    await queryRunner.createTable(
      new Table({
        name: 'inspector_conflict',
        columns: [column('id', 'varchar', { length: 36, primary: true }), column('inspector_id', 'varchar', { length: 36 }), column('venue_id', 'varchar', { length: 36 }), column('relation', 'varchar', { length: 50 }), column('reason', 'varchar', { length: 200 })],
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
          column('id', 'varchar', { length: 36, primary: true }),
          column('plan_id', 'varchar', { length: 36 }),
          column('batch', 'varchar', { length: 64 }),
          column('status', 'varchar', { length: 16 }),
          column('algorithm', 'varchar', { length: 16 }),
          column('commitment', 'varchar', { length: 64 }),
          column('venue_snapshot_hash', 'varchar', { length: 64 }),
          column('inspector_snapshot_hash', 'varchar', { length: 64 }),
          { name: 'venue_count', type: 'integer' },
          { name: 'inspector_count', type: 'integer' },
          { name: 'parameters', type: 'text' },
          { name: 'seed_commitments', type: 'text' },
          { name: 'reveals', type: 'text', isNullable: true },
          column('seed', 'varchar', { length: 64, nullable: true }),
          column('result_hash', 'varchar', { length: 64, nullable: true }),
          { name: 'drawn_count', type: 'integer', isNullable: true },
          column('failure_message', 'varchar', { length: 500, nullable: true }),
          column('supersedes_id', 'varchar', { length: 36, nullable: true }),
          column('redraw_reason', 'varchar', { length: 500, nullable: true }),
          column('created_by', 'varchar', { length: 36 }),
          { name: 'created_at', type: 'datetime', precision: 6 },
          { name: 'revealed_at', type: 'datetime', precision: 6, isNullable: true },
        ],
        indices: [new TableIndex({ name: 'idx_draw_plan_batch', columnNames: ['plan_id', 'batch'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'draw_blob',
        columns: [column('draw_id', 'varchar', { length: 36, primary: true }), column('kind', 'varchar', { length: 16, primary: true }), { name: 'seq', type: 'integer', isPrimary: true }, { name: 'data', type: 'blob' }],
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
