import { column } from '@dr/subgraph-kit';
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Issue #3: directory imports (dry run, then all-or-nothing commit) and their row errors. */
export class DirectoryImports1700000000003 implements MigrationInterface {
  name = 'DirectoryImports1700000000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'import_job',
        columns: [
          column('id', 'varchar', { length: 36, primary: true }),
          column('kind', 'varchar', { length: 16 }),
          column('file_name', 'varchar', { length: 200 }),
          column('status', 'varchar', { length: 16 }),
          { name: 'total_rows', type: 'integer', isNullable: true },
          { name: 'processed_rows', type: 'integer' },
          { name: 'valid_rows', type: 'integer' },
          { name: 'error_count', type: 'integer' },
          column('failure_message', 'varchar', { length: 500, nullable: true }),
          column('file_path', 'varchar', { length: 500 }),
          column('created_by', 'varchar', { length: 36 }),
          column('created_by_department', 'varchar', { length: 16, nullable: true }),
          { name: 'created_at', type: 'datetime', precision: 6 },
          { name: 'finished_at', type: 'datetime', precision: 6, isNullable: true },
        ],
        indices: [new TableIndex({ name: 'idx_import_job_created_by', columnNames: ['created_by'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'import_error',
        columns: [column('job_id', 'varchar', { length: 36, primary: true }), { name: 'seq', type: 'integer', isPrimary: true }, { name: 'row', type: 'integer' }, column('column_name', 'varchar', { length: 50 }), column('reason', 'varchar', { length: 300 })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('import_error');
    await queryRunner.dropTable('import_job');
  }
}
