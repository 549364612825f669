import { auditTables, insertAuditHead } from '@dr/subgraph-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A department's audit trail and its chain head (ADR 0016). */
export class DepartmentAuditTrail1700000000030 implements MigrationInterface {
  name = 'DepartmentAuditTrail1700000000030';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of auditTables()) await queryRunner.createTable(table);
    await insertAuditHead(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_head');
    await queryRunner.dropTable('audit_entry');
  }
}
