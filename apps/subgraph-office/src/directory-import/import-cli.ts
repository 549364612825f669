#!/usr/bin/env node
import 'reflect-metadata';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { WEIDONG_STREETS } from '@dr/demo-data';
import type { Principal } from '@dr/domain';
import { createLogger, databaseConfigSchema, loadConfig, openDataSource } from '@dr/subgraph-kit';
import { OFFICE_ENTITIES, OFFICE_MIGRATIONS } from '../entities';
import { ImportKind, ImportStatus } from './import-job.entity';
import { ImportService } from './import.service';

/**
 * `npm run import -- --kind venues 名录.xlsx [--dry-run]`: the same dry run and all-or-nothing commit as
 * the web import, straight against the office database (DB_CLIENT, SQLITE_DIR, MYSQL_*), with a
 * progress bar. Exit 0 when imported (or valid, with --dry-run), 1 when the file has errors.
 */
const SYSTEM: Principal = { userId: 'cli', username: 'cli', displayName: '命令行导入', role: 'OFFICE_ADMIN', department: null, inspectorId: null };

function bar(done: number, total: number | null): string {
  if (!total) return `${done.toLocaleString()} 行`;
  const width = 30;
  const filled = Math.min(width, Math.round((done / total) * width));
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.min(100, Math.round((done / total) * 100))}% ${done.toLocaleString()}/${total.toLocaleString()} 行`;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { kind: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } } });
  const kind = values.kind === 'venues' ? ImportKind.VENUES : values.kind === 'inspectors' ? ImportKind.INSPECTORS : null;
  if (!kind || positionals.length !== 1) {
    console.error('用法: npm run import -- --kind venues|inspectors <文件.xlsx|.csv> [--dry-run]');
    return 2;
  }
  const logger = createLogger('office-import', 'warn');
  const dataSource = await openDataSource({ name: 'office', entities: OFFICE_ENTITIES, migrations: OFFICE_MIGRATIONS }, loadConfig(databaseConfigSchema), logger);
  const service = new ImportService(dataSource, { directory: process.env.IMPORT_DIR ?? join(tmpdir(), 'dr-imports'), streets: (process.env.DISTRICT_STREETS ?? WEIDONG_STREETS.map((s) => s.name).join(',')).split(','), logger });
  try {
    const job = await service.upload(createReadStream(positionals[0]), kind, basename(positionals[0]), SYSTEM);
    const wait = async (busy: ImportStatus, label: string) => {
      for (;;) {
        const current = (await service.find(job.id, SYSTEM))!;
        process.stdout.write(`\r${label} ${bar(current.processedRows, current.totalRows)}   `);
        if (current.status !== busy) {
          process.stdout.write('\n');
          return current;
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };
    const validated = await wait(ImportStatus.VALIDATING, '校验');
    if (validated.status !== ImportStatus.VALID) {
      console.log(validated.failureMessage ?? `发现 ${validated.errorCount} 处错误，未导入任何数据：`);
      const [errors] = await service.errors(job.id, 0, 50);
      for (const e of errors) console.log(`  第 ${e.row} 行 「${e.column}」 ${e.reason}`);
      if (validated.errorCount > errors.length) console.log(`  …另有 ${validated.errorCount - errors.length} 处`);
      return 1;
    }
    console.log(`校验通过：${validated.validRows.toLocaleString()} 行。`);
    if (values['dry-run']) return 0;
    await service.commit(job.id, SYSTEM);
    const committed = await wait(ImportStatus.COMMITTING, '导入');
    console.log(committed.status === ImportStatus.COMMITTED ? `已导入 ${committed.processedRows.toLocaleString()} 行。` : `导入失败，未写入任何数据：${committed.failureMessage}`);
    return committed.status === ImportStatus.COMMITTED ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
