import { auditTables, insertAuditHead } from '@dr/subgraph-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The office's audit trail and its chain head (ADR 0016). */
export class OfficeAuditTrail1700000000031 implements MigrationInterface {
  name = 'OfficeAuditTrail1700000000031';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of auditTables()) await queryRunner.createTable(table);
    await insertAuditHead(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_head');
    await queryRunner.dropTable('audit_entry');
  }
}
