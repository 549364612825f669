#!/usr/bin/env node
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { PASSWORD_PROBLEM_MESSAGES, passwordProblem } from '@dr/domain';
import { createLogger, databaseConfigSchema, hashPassword, loadConfig, openDataSource } from '@dr/subgraph-kit';
import { OFFICE_ENTITIES, OFFICE_MIGRATIONS } from '../entities';
import { User } from './user.entity';

/**
 * `npm run user:create-office-admin -- --username zhangsan --name 张三`: creates a joint-office admin
 * (联席办管理员) straight in the office database (DB_CLIENT, SQLITE_DIR, MYSQL_*; migrating it first).
 * This is how production gets its first account: there is no demo login there. The password comes from
 * OFFICE_ADMIN_PASSWORD or, when that is unset, the first line of stdin, never from the command line
 * (which `ps` and shell history would keep). Exit 0 when created, 1 when refused, 2 on bad usage.
 */
async function readPassword(): Promise<string> {
  if (process.env.OFFICE_ADMIN_PASSWORD) return process.env.OFFICE_ADMIN_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write('请输入密码（输入时不显示）并回车：');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (Buffer.concat(chunks).includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { username: { type: 'string' }, name: { type: 'string' } } });
  const username = values.username?.trim().toLowerCase();
  const displayName = values.name?.trim();
  if (!username || !displayName || !/^[a-z0-9][a-z0-9._-]{2,49}$/.test(username) || displayName.length > 50) {
    console.error('用法: npm run user:create-office-admin -- --username <3–50 位小写字母数字> --name <姓名>\n密码从环境变量 OFFICE_ADMIN_PASSWORD 或标准输入读取。');
    return 2;
  }
  const password = await readPassword();
  const problem = passwordProblem(password, username);
  if (problem) {
    console.error(`密码不符合要求：${PASSWORD_PROBLEM_MESSAGES[problem]}`);
    return 1;
  }
  const logger = createLogger('office-accounts', 'warn');
  const dataSource = await openDataSource({ name: 'office', entities: OFFICE_ENTITIES, migrations: OFFICE_MIGRATIONS }, loadConfig(databaseConfigSchema), logger);
  try {
    if (await dataSource.getRepository(User).existsBy({ username })) {
      console.error(`用户名“${username}”已存在，未做任何修改`);
      return 1;
    }
    // The operator chose this password, so it need not be changed at first login.
    await dataSource.getRepository(User).insert({ id: randomUUID(), username, displayName, role: 'OFFICE_ADMIN', department: null, inspectorId: null, passwordHash: await hashPassword(password), mustChangePassword: false, disabledAt: null });
    console.log(`已创建联席办管理员账号：${username}（${displayName}）`);
    return 0;
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
