import { eventTables } from '@dr/subgraph-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The transactional outbox and the inbox of applied events (ADR 0013). */
export class OfficeEvents1700000000010 implements MigrationInterface {
  name = 'OfficeEvents1700000000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of eventTables()) await queryRunner.createTable(table);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('event_inbox');
    await queryRunner.dropTable('event_outbox');
  }
}
