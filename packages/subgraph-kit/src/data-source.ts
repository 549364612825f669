import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource, type DataSourceOptions, type EntityManager, type EntitySchema, type Logger as TypeOrmLogger, type MixedList, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { DateUtils } from 'typeorm/util/DateUtils';
import type { Logger } from 'pino';
import type { DatabaseConfig } from './config';
import { sqlStatements } from './metrics';
import { AuditSubscriber } from './audit/audit.subscriber';

const background = new AsyncLocalStorage<true>();

/**
 * Runs `work` as background work (the event relay's polling): its statements are left out of the
 * per-request statement count. TypeORM logs a statement before it sends it, in the caller's async
 * context, so the mark follows the work on SQLite's one connection and MySQL's pool alike.
 */
export function runAsBackgroundWork<T>(work: () => Promise<T>): Promise<T> {
  return background.run(true, work);
}

const isBackground = () => background.getStore() === true;

/** Counts statements (for /metrics and the benchmark) and logs slow or failed ones. */
class CountingLogger implements TypeOrmLogger {
  constructor(private readonly logger: Logger) {}
  // Background work (the event relay's polling) is not counted, so the count says what requests cost.
  logQuery(): void {
    if (!isBackground()) sqlStatements.count++;
  }
  logQueryError(error: string | Error, query: string): void {
    if (!isBackground()) sqlStatements.count++;
    this.logger.warn({ err: error, query }, 'query failed');
  }
  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, query }, 'slow query');
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.logger.info({ migration: message }, 'migration');
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn({ message }, 'typeorm');
  }
}

export interface DataSourceSpec {
  /** The subgraph's name; names its SQLite file and its MySQL database. */
  name: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
}

export function databaseName(config: DatabaseConfig, name: string): string {
  return config.MYSQL_DATABASE ?? `${config.MYSQL_DATABASE_PREFIX}${name}`;
}

async function ensureMysqlDatabase(config: DatabaseConfig, database: string): Promise<void> {
  // A connection without a database, only to create the subgraph's own one.
  const bootstrap = new DataSource({
    type: 'mariadb',
    host: config.MYSQL_HOST,
    port: config.MYSQL_PORT,
    username: config.MYSQL_USER,
    password: config.MYSQL_PASSWORD,
  });
  await bootstrap.initialize();
  try {
    await bootstrap.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await bootstrap.destroy();
  }
}

/**
 * Opens the subgraph's own database and brings its schema up to date through migrations (never
 * `synchronize`). The same entities and migrations serve SQLite and MySQL/MariaDB.
 */
export async function openDataSource(spec: DataSourceSpec, config: DatabaseConfig, logger: Logger): Promise<DataSource> {
  const common = {
    entities: spec.entities,
    migrations: spec.migrations,
    migrationsRun: true,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logging: ['query', 'error', 'warn', 'migration'] as ('query' | 'error' | 'warn' | 'migration')[],
    logger: new CountingLogger(logger),
    maxQueryExecutionTime: 500,
    // Every write through TypeORM is appended to the subgraph's audit trail in its own transaction (ADR 0016).
    subscribers: [AuditSubscriber],
  };
  let options: DataSourceOptions;
  if (config.DB_CLIENT === 'sqlite') {
    const dir = resolve(config.SQLITE_DIR);
    mkdirSync(dir, { recursive: true });
    options = {
      ...common,
      type: 'better-sqlite3',
      database: resolve(dir, `${spec.name}.sqlite`),
      enableWAL: true,
      prepareDatabase: (db: { pragma(statement: string): unknown }) => {
        db.pragma('foreign_keys = ON');
        db.pragma('busy_timeout = 5000');
      },
    };
  } else {
    const database = databaseName(config, spec.name);
    if (config.MYSQL_CREATE_DATABASE) await ensureMysqlDatabase(config, database);
    options = {
      ...common,
      // "mariadb", not "mysql": with "mysql" TypeORM sees false diffs on nullable columns (STACK.md).
      type: 'mariadb',
      host: config.MYSQL_HOST,
      port: config.MYSQL_PORT,
      username: config.MYSQL_USER,
      password: config.MYSQL_PASSWORD,
      database,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      extra: { connectionLimit: 10 },
    };
  }
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  if (config.DB_CLIENT === 'sqlite') serializeTransactions(dataSource);
  return dataSource;
}

/**
 * SQLite has one connection per process, so two transactions in flight at once would interleave
 * their statements (TypeORM nests the second as a savepoint of the first). Queue them instead.
 */
function serializeTransactions(dataSource: DataSource): void {
  const transaction = dataSource.transaction.bind(dataSource) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  dataSource.transaction = ((...args: unknown[]) => {
    const run = tail.then(() => transaction(...args));
    tail = run.catch(() => undefined);
    return run;
  }) as DataSource['transaction'];
}

/**
 * Locks the rows `query` selects for the rest of the transaction (`SELECT … FOR UPDATE`) on MySQL;
 * SQLite needs no lock, since this platform serializes its transactions (one connection).
 */
export function forUpdate<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return query.connection.options.type === 'better-sqlite3' ? query : query.setLock('pessimistic_write');
}

const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY']);

/**
 * Runs `work` in a transaction and runs it again (up to `attempts` times, with a short random pause)
 * when the database chose it as a deadlock victim: the usual answer to InnoDB deadlocks between
 * transactions that touch the same rows.
 */
export async function retryingTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
      if (attempt >= attempts || !code || !RETRYABLE.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}

/**
 * Inserts many rows with plain multi-row INSERT statements (the same SQL on SQLite and MySQL):
 * TypeORM's insert builder spends more time on entity metadata than the database spends on the rows
 * when a draw writes tens of thousands of them. `rows` are arrays of values in `columns` order.
 */
export async function insertRows(manager: EntityManager, table: string, columns: string[], rows: unknown[][], batch = 1000): Promise<void> {
  const escape = (name: string) => manager.connection.driver.escape(name);
  // better-sqlite3 binds neither dates nor booleans: store them as TypeORM does (UTC text, 0/1).
  const sqlite = manager.connection.options.type === 'better-sqlite3';
  const bind = (value: unknown) => (!sqlite ? value : value instanceof Date ? DateUtils.mixedDateToUtcDatetimeString(value) : typeof value === 'boolean' ? Number(value) : value);
  const head = `INSERT INTO ${escape(table)} (${columns.map(escape).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += batch) {
    const slice = rows.slice(i, i + batch);
    await manager.query(head + slice.map(() => tuple).join(', '), slice.flat().map(bind));
  }
}

/**
 * A column for a migration's `Table`: one definition that TypeORM renders for SQLite and MySQL alike.
 * Only the portable types the entities use (ADR 0002).
 */
export function column(name: string, type: 'varchar' | 'integer' | 'text' | 'datetime' | 'boolean' | 'blob', options: { length?: number; nullable?: boolean; primary?: boolean; default?: string; precision?: number } = {}) {
  return {
    name,
    type,
    ...(options.length !== undefined ? { length: String(options.length) } : {}),
    ...(options.precision !== undefined ? { precision: options.precision } : {}),
    isNullable: options.nullable ?? false,
    ...(options.primary ? { isPrimary: true } : {}),
    ...(options.default !== undefined ? { default: options.default } : {}),
  };
}
