// Benchmark (R-REP-2): the 联合抽查汇总表 XLSX over 100,000 inspections on MariaDB.
//  1. inserts BENCH_INSPECTIONS signed inspections into each department's database directly (bulk SQL:
//     department_result, department_section, section_item, section_order; the event path that forms
//     them is covered by the e2e tests, this measures the report);
//  2. downloads a department's 汇总表 (one row per inspection) and the plan's (every department's rows,
//     read by the office through the gateway) as the joint office, through the gateway, and prints the
//     time to the last byte, the size, and the serving processes' peak RSS (VmHWM) and heap.
//     Target: a department's 100,000-row table in under 10 s.
//
//   npm run bench:report          (needs MariaDB at MYSQL_HOST, default 127.0.0.1:3306 root)
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import mysql from 'mysql2/promise';
import { startPlatform } from '@dr/platform-runner';
import { PLAN_2022 } from '@dr/domain';

const INSPECTIONS = Number(process.env.BENCH_INSPECTIONS ?? 100_000);
const BATCH = 2_000;
const prefix = `dr_bench_${randomBytes(4).toString('hex')}_`;
const connection = { host: process.env.MYSQL_HOST ?? '127.0.0.1', port: Number(process.env.MYSQL_PORT ?? 3306), user: process.env.MYSQL_USER ?? 'root', password: process.env.MYSQL_PASSWORD ?? '' };
const DEPARTMENTS = ['culture', 'market', 'fire'];
const BRANDS = ['星河', '聚点', '铂悦', '乐游', '极速', '网鱼', '天空', '蓝海', '云端', '风暴'];
const STREETS = ['东安路街道', '鸿鹰街道', '建设路街道', '东工人镇街道', '五一路街道', '光华路街道', '申楼街道', '东环路街道'];
const uscc = (i) => `914104${String(i).padStart(11, '0')}X`;
const day = (i) => new Date(Date.UTC(2022, 6, 26) + (i % 150) * 86_400_000).toISOString().slice(0, 10);
const inspectionId = (i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** kB figures of /proc/<pid>/status: VmRSS now, VmHWM the peak since start. */
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;

const platform = await startPlatform({ db: 'mariadb', mysqlDatabasePrefix: prefix, env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' } });
try {
  const now = new Date();
  let started = performance.now();
  for (const department of DEPARTMENTS) {
    const db = await mysql.createConnection({ ...connection, database: `${prefix}${department}` });
    const [items] = await db.query('SELECT id FROM check_item WHERE plan_id = ? ORDER BY sort_order', [PLAN_2022.id]);
    for (let from = 0; from < INSPECTIONS; from += BATCH) {
      const results = [];
      const sections = [];
      const outcomes = [];
      const orders = [];
      for (let i = from; i < Math.min(INSPECTIONS, from + BATCH); i++) {
        const id = inspectionId(i);
        const sectionId = randomUUID();
        // One in ten finds the first item not compliant and orders it put right (code 5); the rest 1 + 9.
        const problem = i % 10 === 0;
        const codes = problem ? '5' : '1,9';
        const published = i % 3 === 0 ? day(i + 10) : null;
        results.push([randomUUID(), id, PLAN_2022.id, PLAN_2022.title, randomUUID(), `${BRANDS[i % BRANDS.length]}网咖（${i}店）`, uscc(i), STREETS[i % STREETS.length], day(i), day(i), '', published ? 'PUBLISHED' : 'PENDING_ENTRY', codes, 1, published ? 1 : 0, published, now, now]);
        sections.push([sectionId, id, PLAN_2022.id, 'SUBMITTED', 2, now, 'bench', codes, now]);
        items.forEach((item, n) => outcomes.push([sectionId, item.id, problem && n === 0 ? 'NON_COMPLIANT' : 'COMPLIANT', now, 'bench']));
        if (problem) orders.push([randomUUID(), sectionId, 0, 'RECTIFY', 'WRITTEN', '限期改正', day(i + 3), items[0].id]);
      }
      await db.query('INSERT INTO department_result (id, inspection_id, plan_id, plan_title, venue_id, venue_name, venue_uscc, venue_street, inspected_on, signed_on, team_inspector_ids, status, result_codes, version, revision, published_on, created_at, updated_at) VALUES ?', [results]);
      await db.query('INSERT INTO department_section (id, inspection_id, plan_id, status, version, updated_at, updated_by, result_codes, submitted_at) VALUES ?', [sections]);
      await db.query('INSERT INTO section_item (section_id, check_item_id, outcome, updated_at, updated_by) VALUES ?', [outcomes]);
      if (orders.length) await db.query('INSERT INTO section_order (id, section_id, position, kind, delivery, content, deadline, check_item_id) VALUES ?', [orders]);
    }
    await db.query('ANALYZE TABLE department_result, department_section, section_item, section_order');
    await db.end();
  }
  console.log(`\nInserted ${INSPECTIONS.toLocaleString()} signed inspections into each of ${DEPARTMENTS.length} departments' MariaDB databases in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const gateway = platform.urls.gateway;
  const login = await (await fetch(gateway, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation($input: LoginInput!) { login(input: $input) { token } }', variables: { input: { username: 'office', password: 'Demo@2022' } } }) })).json();
  const token = login.data.login.token;
  const origin = new URL(gateway).origin;

  async function download(name, path, services) {
    const before = Object.fromEntries(services.map((s) => [s, memoryOf(platform.pid(s))]));
    started = performance.now();
    const response = await fetch(`${origin}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    let bytes = 0;
    for await (const chunk of response.body) bytes += chunk.length;
    const seconds = (performance.now() - started) / 1000;
    const memory = services.map((s) => `${s} RSS ${mb(before[s].rss)} → peak ${mb(memoryOf(platform.pid(s)).peak)}`).join('; ');
    console.log(`  ${name.padEnd(44)} ${seconds.toFixed(1).padStart(5)} s  ${(bytes / 1024 / 1024).toFixed(1).padStart(5)} MB  ${memory}`);
    return seconds;
  }

  console.log('汇总表 XLSX through the gateway, as the joint office (time to the last byte; process memory from /proc):');
  const department = await download(`culture: ${INSPECTIONS.toLocaleString()} rows`, `/files/culture/reports/summary-table.xlsx?planId=${PLAN_2022.id}`, ['culture', 'gateway']);
  await download(`the plan: ${(INSPECTIONS * 3).toLocaleString()} rows (3 departments)`, `/files/plans/${PLAN_2022.id}/reports/summary-table.xlsx`, ['office', 'culture', 'market', 'fire', 'gateway']);
  console.log(department < 10 ? `ok: a department's ${INSPECTIONS.toLocaleString()}-row table in under 10 s` : `OVER 10 s for a department's ${INSPECTIONS.toLocaleString()} rows`);
} finally {
  await platform.close();
  const admin = await mysql.createConnection(connection);
  for (const name of ['office', 'culture', 'market', 'fire']) await admin.query(`DROP DATABASE IF EXISTS \`${prefix}${name}\``);
  await admin.end();
}
