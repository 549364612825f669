import { column } from '@dr/subgraph-kit';
import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Versioned check items (R-ITEM-4, ADR 0017): the item row carries its current version, whether its
 * legal basis awaits a legal officer, and when the plan's draw froze it; every version ever used is kept
 * in `check_item_version`, so a record always reads the wording it was inspected with.
 */
export class CheckItemVersions1700000000032 implements MigrationInterface {
  name = 'CheckItemVersions1700000000032';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('check_item', [
      new TableColumn({ name: 'version', type: 'integer', default: 1 }),
      new TableColumn({ name: 'legal_review_pending', type: 'boolean', default: 0 }),
      new TableColumn(column('frozen_at', 'datetime', { precision: 6, nullable: true })),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'check_item_version',
        columns: [
          column('id', 'varchar', { length: 36, primary: true }),
          column('check_item_id', 'varchar', { length: 36 }),
          column('plan_id', 'varchar', { length: 36 }),
          column('code', 'varchar', { length: 16 }),
          { name: 'version', type: 'integer' },
          column('title', 'varchar', { length: 500 }),
          column('legal_basis', 'varchar', { length: 500 }),
          { name: 'sort_order', type: 'integer' },
          { name: 'legal_review_pending', type: 'boolean' },
          column('created_at', 'datetime', { precision: 6 }),
          column('created_by', 'varchar', { length: 36, nullable: true }),
        ],
        indices: [new TableIndex({ name: 'uq_check_item_version', columnNames: ['check_item_id', 'version'], isUnique: true })],
      }),
    );
    // Items seeded before versions existed are their own version 1.
    const rows: { id: string; plan_id: string; code: string; title: string; legal_basis: string; sort_order: number }[] = await queryRunner.query('SELECT id, plan_id, code, title, legal_basis, sort_order FROM check_item');
    for (const row of rows) {
      await queryRunner.query(
        'INSERT INTO check_item_version (id, check_item_id, plan_id, code, version, title, legal_basis, sort_order, legal_review_pending, created_at, created_by) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, NULL)',
        [versionId(row.id, 1), row.id, row.plan_id, row.code, row.title, row.legal_basis, row.sort_order, 0, utcDatetime(new Date())],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('check_item_version');
    for (const name of ['frozen_at', 'legal_review_pending', 'version']) await queryRunner.dropColumn('check_item', name);
  }
}

/** A version's id: the item's id with the version number in its last group, stable across environments. */
export function versionId(checkItemId: string, version: number): string {
  return `${checkItemId.slice(0, 24)}${String(version).padStart(12, '0')}`;
}

/** A UTC datetime both SQLite (as TypeORM stores it) and MariaDB read: `2026-12-08 03:54:27.123`. */
export function utcDatetime(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}
