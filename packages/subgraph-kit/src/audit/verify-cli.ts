import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { databaseConfigSchema, loadConfig, type DatabaseConfig } from '../config';
import { databaseName } from '../data-source';
import { AuditEntryEntity, AuditHeadEntity } from './audit.entities';
import { describeChainProblem } from './audit-chain';
import { verifyAuditChain } from './audit-verify';

const SUBGRAPHS = ['office', 'culture', 'market', 'fire'] as const;

const USAGE = `用法 / usage: npm run audit:verify -- [--subgraph office,culture,…] [--database <SQLite 文件或 MySQL 库名>]
  读取与子图相同的数据库配置（DB_CLIENT、SQLITE_DIR、MYSQL_*），逐条核对每个子图的审计哈希链。
  Reads the subgraphs' database settings and checks each subgraph's audit hash chain.
  退出码 / exit code: 0 完整 intact · 1 链已损坏 broken · 2 无法读取 unreadable`;

/** Opens one subgraph's database read-only in spirit: no migrations, no database created. */
async function open(config: DatabaseConfig, subgraph: string, database: string | undefined): Promise<DataSource | string> {
  const entities = [AuditEntryEntity, AuditHeadEntity];
  if (config.DB_CLIENT === 'sqlite') {
    const file = resolve(database ?? resolve(config.SQLITE_DIR, `${subgraph}.sqlite`));
    if (!existsSync(file)) return `找不到数据库文件 / no database file: ${file}`;
    return new DataSource({ type: 'better-sqlite3', database: file, entities, readonly: true }).initialize();
  }
  return new DataSource({
    type: 'mariadb',
    host: config.MYSQL_HOST,
    port: config.MYSQL_PORT,
    username: config.MYSQL_USER,
    password: config.MYSQL_PASSWORD,
    database: database ?? databaseName(config, subgraph),
    timezone: 'Z',
    entities,
  }).initialize();
}

/** Checks each chosen subgraph's chain and prints one line each; returns the exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env, print: (line: string) => void = console.log): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { subgraph: { type: 'string' }, database: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    print(USAGE);
    return 0;
  }
  const chosen = values.subgraph ? values.subgraph.split(',').map((s) => s.trim()).filter(Boolean) : [...SUBGRAPHS];
  const unknown = chosen.filter((s) => !(SUBGRAPHS as readonly string[]).includes(s));
  if (unknown.length) {
    print(`未知的子图 / unknown subgraph: ${unknown.join(', ')}\n${USAGE}`);
    return 2;
  }
  if (values.database && chosen.length !== 1) {
    print(`--database 只能与一个 --subgraph 一起使用 / --database needs exactly one --subgraph\n${USAGE}`);
    return 2;
  }
  const config = loadConfig(databaseConfigSchema, env);
  let code = 0;
  for (const subgraph of chosen) {
    let dataSource: DataSource | string;
    try {
      dataSource = await open(config, subgraph, values.database);
    } catch (error) {
      dataSource = `无法连接数据库 / cannot open the database: ${(error as Error).message}`;
    }
    if (typeof dataSource === 'string') {
      print(`✗ ${subgraph}: ${dataSource}`);
      code = Math.max(code, 2);
      continue;
    }
    try {
      const walk = await verifyAuditChain(dataSource);
      if (walk.problem) {
        print(`✗ ${subgraph}: 审计链已损坏 / audit chain BROKEN — ${describeChainProblem(walk.problem)}；此前 ${walk.checked} 条完好 / ${walk.checked} entries intact before it`);
        code = Math.max(code, 1);
      } else {
        print(`✓ ${subgraph}: 审计链完整，共 ${walk.checked} 条 / audit chain intact, ${walk.checked} entries; 链头 head ${walk.lastSeq} ${walk.lastHash}`);
      }
    } catch (error) {
      print(`✗ ${subgraph}: 无法读取审计日志 / cannot read the audit trail: ${(error as Error).message}`);
      code = Math.max(code, 2);
    } finally {
      await dataSource.destroy();
    }
  }
  return code;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`✗ ${(error as Error).message}`);
      process.exit(2);
    },
  );
}
