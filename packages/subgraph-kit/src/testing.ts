import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { databaseConfigSchema, loadConfig } from './config';
import { openDataSource, type DataSourceSpec } from './data-source';
import { createLogger } from './logger';

/**
 * For storage tests: the subgraph's real data source on a throw-away SQLite file or a throw-away
 * MariaDB database (dropped by `dispose`), migrated exactly as at start-up.
 */
export async function openTestDataSource(spec: DataSourceSpec, db: 'sqlite' | 'mariadb'): Promise<{ dataSource: DataSource; dispose: () => Promise<void> }> {
  const prefix = `dr_u${randomBytes(4).toString('hex')}_`;
  const config = loadConfig(databaseConfigSchema, {
    ...process.env,
    DB_CLIENT: db,
    SQLITE_DIR: mkdtempSync(join(tmpdir(), 'dr-test-')),
    MYSQL_DATABASE_PREFIX: prefix,
    MYSQL_DATABASE: undefined,
  });
  const dataSource = await openDataSource(spec, config, createLogger(spec.name, 'warn'));
  return {
    dataSource,
    dispose: async () => {
      if (db === 'mariadb') await dataSource.query(`DROP DATABASE IF EXISTS \`${prefix}${spec.name}\``);
      await dataSource.destroy();
    },
  };
}

/** The statements TypeORM would still run to match the entities; empty when migrations are complete. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((query) => query.query);
}
