import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = { name: 'id', type: 'varchar', length: '36', isPrimary: true };
const createdAt = { name: 'created_at', type: 'datetime', default: 'CURRENT_TIMESTAMP' };
const varchar = (name: string, length: number, isNullable = false) => ({ name, type: 'varchar', length: String(length), isNullable });

/**
 * The office's tables: plans, the two directories, inspections with their teams, and users. Written
 * with TypeORM's dialect-neutral Table API so one migration serves SQLite and MySQL/MariaDB.
 * No database foreign keys (docs/adr/0004): services check references inside their transaction, which
 * keeps the tables portable to distributed MySQL-compatible storage.
 */
export class OfficeInitial1700000000000 implements MigrationInterface {
  name = 'OfficeInitial1700000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'plan',
        columns: [
          id,
          varchar('document_number', 64),
          varchar('title', 200),
          varchar('issuing_office', 200),
          varchar('issue_date', 10),
          varchar('window_start', 10),
          varchar('window_end', 10),
          varchar('object_type', 100),
          varchar('lead_department', 16),
          { name: 'participating_departments', type: 'text' },
          varchar('annual_plan', 300),
          varchar('reporting_deadline', 10),
          varchar('report_to', 16),
          createdAt,
        ],
        indices: [new TableIndex({ name: 'uq_plan_document_number', columnNames: ['document_number'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'venue',
        columns: [
          id,
          varchar('name', 200),
          varchar('uscc', 18),
          varchar('license_number', 64, true),
          varchar('address', 300),
          varchar('street', 50),
          varchar('legal_representative', 50, true),
          varchar('phone', 30, true),
          { name: 'terminals', type: 'integer', isNullable: true },
          createdAt,
        ],
        indices: [
          new TableIndex({ name: 'uq_venue_uscc', columnNames: ['uscc'], isUnique: true }),
          new TableIndex({ name: 'idx_venue_street', columnNames: ['street'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'inspector',
        columns: [id, varchar('name', 50), varchar('department', 16), varchar('certificate_number', 50), varchar('certificate_valid_until', 10, true)],
        indices: [
          new TableIndex({ name: 'uq_inspector_certificate_number', columnNames: ['certificate_number'], isUnique: true }),
          new TableIndex({ name: 'idx_inspector_department', columnNames: ['department'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'inspection',
        columns: [
          id,
          varchar('plan_id', 36),
          varchar('venue_id', 36),
          varchar('scheduled_date', 10, true),
          { name: 'status', type: 'varchar', length: '16', default: "'SCHEDULED'" },
          { name: 'version', type: 'integer' },
          createdAt,
        ],
        indices: [
          new TableIndex({ name: 'idx_inspection_plan_date', columnNames: ['plan_id', 'scheduled_date', 'id'] }),
          new TableIndex({ name: 'idx_inspection_venue', columnNames: ['venue_id'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'team_member',
        columns: [
          { ...varchar('inspection_id', 36), isPrimary: true },
          { ...varchar('inspector_id', 36), isPrimary: true },
          varchar('role', 10),
          { name: 'position', type: 'integer' },
        ],
        indices: [new TableIndex({ name: 'idx_team_member_inspector', columnNames: ['inspector_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'app_user',
        columns: [id, varchar('username', 50), varchar('display_name', 50), varchar('role', 20), varchar('department', 16, true), varchar('password_hash', 200), createdAt],
        indices: [new TableIndex({ name: 'uq_app_user_username', columnNames: ['username'], isUnique: true })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['app_user', 'team_member', 'inspection', 'inspector', 'venue', 'plan']) await queryRunner.dropTable(table);
  }
}
