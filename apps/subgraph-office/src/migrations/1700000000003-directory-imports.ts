import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const varchar = (name: string, length: number, extra: Partial<{ isNullable: boolean; isPrimary: boolean }> = {}) => ({ name, type: 'varchar', length: String(length), isNullable: false, ...extra });

/** Issue #3: directory imports (dry run, then all-or-nothing commit) and their row errors. */
export class DirectoryImports1700000000003 implements MigrationInterface {
  name = 'DirectoryImports1700000000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'import_job',
        columns: [
          varchar('id', 36, { isPrimary: true }),
          varchar('kind', 16),
          varchar('file_name', 200),
          varchar('status', 16),
          { name: 'total_rows', type: 'integer', isNullable: true },
          { name: 'processed_rows', type: 'integer' },
          { name: 'valid_rows', type: 'integer' },
          { name: 'error_count', type: 'integer' },
          varchar('failure_message', 500, { isNullable: true }),
          varchar('file_path', 500),
          varchar('created_by', 36),
          varchar('created_by_department', 16, { isNullable: true }),
          { name: 'created_at', type: 'datetime', precision: 6 },
          { name: 'finished_at', type: 'datetime', precision: 6, isNullable: true },
        ],
        indices: [new TableIndex({ name: 'idx_import_job_created_by', columnNames: ['created_by'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'import_error',
        columns: [varchar('job_id', 36, { isPrimary: true }), { name: 'seq', type: 'integer', isPrimary: true }, { name: 'row', type: 'integer' }, varchar('column_name', 50), varchar('reason', 300)],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('import_error');
    await queryRunner.dropTable('import_job');
  }
}
