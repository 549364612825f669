// Benchmark (一公开): the public results query over 100,000 published results on MariaDB.
//  1. inserts BENCH_RESULTS rows into the office's public_result table directly (bulk SQL: the
//     consumer's per-event path is covered by the e2e tests, this measures reads);
//  2. asks the office's /graphql anonymously, one request at a time, and prints p50/p99 per query:
//     search by name, by 统一社会信用代码, by plan + department, the first page and a deep page.
//     Target: p50 under 100 ms.
//
//   npm run bench:public          (needs MariaDB at MYSQL_HOST, default 127.0.0.1:3306 root)
import { randomBytes, randomUUID } from 'node:crypto';
import mysql from 'mysql2/promise';
import { startPlatform } from '@dr/platform-runner';
import { PLAN_2022 } from '@dr/domain';

const RESULTS = Number(process.env.BENCH_RESULTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const prefix = `dr_bench_${randomBytes(4).toString('hex')}_`;
const connection = { host: process.env.MYSQL_HOST ?? '127.0.0.1', port: Number(process.env.MYSQL_PORT ?? 3306), user: process.env.MYSQL_USER ?? 'root', password: process.env.MYSQL_PASSWORD ?? '' };

const BRANDS = ['星河', '聚点', '铂悦', '乐游', '极速', '网鱼', '天空', '蓝海', '云端', '风暴', '新干线', '飞扬', '王者', '电竞', '启航', '源动力', '时光', '未来', '远航', '雷霆'];
const STREETS = ['东安路街道', '鸿鹰街道', '建设路街道', '东工人镇街道', '五一路街道', '光华路街道', '申楼街道', '东环路街道'];
const DEPARTMENTS = ['culture', 'market', 'fire'];
const PLANS = [PLAN_2022.id, ...Array.from({ length: 4 }, () => randomUUID())];
const uscc = (i) => `914104${String(i).padStart(11, '0')}X`;
const day = (i) => new Date(Date.UTC(2022, 0, 1) + (i % 730) * 86_400_000).toISOString().slice(0, 10);

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (value) => `${value.toFixed(1)} ms`;

const platform = await startPlatform({ db: 'mariadb', mysqlDatabasePrefix: prefix, env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' } });
const db = await mysql.createConnection({ ...connection, database: `${prefix}office` });
try {
  let started = performance.now();
  const now = new Date();
  for (let from = 0; from < RESULTS; from += 2000) {
    const rows = [];
    for (let i = from; i < Math.min(RESULTS, from + 2000); i++) {
      const venue = Math.floor(i / 3);
      rows.push([randomUUID(), DEPARTMENTS[i % 3], PLANS[venue % PLANS.length], `${BRANDS[venue % BRANDS.length]}网咖（${STREETS[venue % STREETS.length].replace('街道', '')}${venue}店）`, uscc(venue), STREETS[venue % STREETS.length], String(1 + (i % 10)), day(venue), day(venue + 7), 1, now]);
    }
    await db.query('INSERT INTO public_result (inspection_id, department, plan_id, venue_name, venue_uscc, venue_street, result_codes, inspected_on, published_on, revision, updated_at) VALUES ?', [rows]);
  }
  await db.query('ANALYZE TABLE public_result');
  console.log(`\nInserted ${RESULTS.toLocaleString()} published results into MariaDB in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const office = platform.urls.graphql.office;
  const QUERY = 'query($filter: PublicResultFilter, $first: Int!, $after: String) { publicResults(filter: $filter, first: $first, after: $after) { totalCount nodes { venueName uscc departmentName planName resultLabels publishedOn corrections { reason } } } }';
  const deepCursor = Buffer.from('o:4999').toString('base64url');
  const cases = [
    ['first page (20)', { first: 20 }],
    ['search by name (contains)', { first: 20, filter: { search: '星河网咖' } }],
    ['search by 统一社会信用代码', { first: 20, filter: { search: uscc(12_345) } }],
    ['plan + department', { first: 20, filter: { planId: PLAN_2022.id, department: 'MARKET' } }],
    ['deep page (rows 5,001–5,020)', { first: 20, after: deepCursor }],
  ];
  console.log(`publicResults at the office, ${RUNS} sequential requests each (client-measured server time):`);
  for (const [name, variables] of cases) {
    const times = [];
    let total = 0;
    for (let run = 0; run < RUNS + 10; run++) {
      started = performance.now();
      const response = await fetch(office, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY, variables }) });
      const body = await response.json();
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      if (run >= 10) times.push(performance.now() - started);
      total = body.data.publicResults.totalCount;
    }
    times.sort((a, b) => a - b);
    const p50 = percentile(times, 50);
    console.log(`  ${name.padEnd(30)} p50 ${ms(p50).padStart(9)}  p99 ${ms(percentile(times, 99)).padStart(9)}  (${total.toLocaleString()} matching) ${p50 < 100 ? 'ok' : 'OVER 100 ms'}`);
  }
} finally {
  await db.end();
  await platform.close();
  const admin = await mysql.createConnection(connection);
  for (const name of ['office', 'culture', 'market', 'fire']) await admin.query(`DROP DATABASE IF EXISTS \`${prefix}${name}\``);
  await admin.end();
}
