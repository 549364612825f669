import { column } from '@dr/subgraph-kit';
import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = column('id', 'varchar', { length: 36, primary: true });
const createdAt = column('created_at', 'datetime', { default: 'CURRENT_TIMESTAMP' });

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
          column('document_number', 'varchar', { length: 64 }),
          column('title', 'varchar', { length: 200 }),
          column('issuing_office', 'varchar', { length: 200 }),
          column('issue_date', 'varchar', { length: 10 }),
          column('window_start', 'varchar', { length: 10 }),
          column('window_end', 'varchar', { length: 10 }),
          column('object_type', 'varchar', { length: 100 }),
          column('lead_department', 'varchar', { length: 16 }),
          { name: 'participating_departments', type: 'text' },
          column('annual_plan', 'varchar', { length: 300 }),
          column('reporting_deadline', 'varchar', { length: 10 }),
          column('report_to', 'varchar', { length: 16 }),
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
          column('name', 'varchar', { length: 200 }),
          column('uscc', 'varchar', { length: 18 }),
          column('license_number', 'varchar', { length: 64, nullable: true }),
          column('address', 'varchar', { length: 300 }),
          column('street', 'varchar', { length: 50 }),
          column('legal_representative', 'varchar', { length: 50, nullable: true }),
          column('phone', 'varchar', { length: 30, nullable: true }),
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
        columns: [id, column('name', 'varchar', { length: 50 }), column('department', 'varchar', { length: 16 }), column('certificate_number', 'varchar', { length: 50 }), column('certificate_valid_until', 'varchar', { length: 10, nullable: true })],
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
          column('plan_id', 'varchar', { length: 36 }),
          column('venue_id', 'varchar', { length: 36 }),
          column('scheduled_date', 'varchar', { length: 10, nullable: true }),
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
          { ...column('inspection_id', 'varchar', { length: 36 }), isPrimary: true },
          { ...column('inspector_id', 'varchar', { length: 36 }), isPrimary: true },
          column('role', 'varchar', { length: 10 }),
          { name: 'position', type: 'integer' },
        ],
        indices: [new TableIndex({ name: 'idx_team_member_inspector', columnNames: ['inspector_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'app_user',
        columns: [id, column('username', 'varchar', { length: 50 }), column('display_name', 'varchar', { length: 50 }), column('role', 'varchar', { length: 20 }), column('department', 'varchar', { length: 16, nullable: true }), column('password_hash', 'varchar', { length: 200 }), createdAt],
        indices: [new TableIndex({ name: 'uq_app_user_username', columnNames: ['username'], isUnique: true })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['app_user', 'team_member', 'inspection', 'inspector', 'venue', 'plan']) await queryRunner.dropTable(table);
  }
}
