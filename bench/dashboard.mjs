// The plan dashboard (进度看板) over 100,000 inspections on MariaDB: every figure in under 1 s of server
// time. Seeds each subgraph's own database directly with bulk inserts (the office's venues and
// inspections; each department's results and follow-ups for the signed ones), then times the dashboard's
// queries through the gateway, as the shell sends them (apps/shell/src/graphql/dashboard.graphql).
import { randomBytes, randomUUID } from 'node:crypto';
import mysql from 'mysql2/promise';
import { startPlatform } from '@dr/platform-runner';
import { PLAN_2022 } from '@dr/domain';

const INSPECTIONS = Number(process.env.BENCH_INSPECTIONS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const TARGET_MS = 1000;
const prefix = `dr_bench_${randomBytes(4).toString('hex')}_`;
const connection = { host: process.env.MYSQL_HOST ?? '127.0.0.1', port: Number(process.env.MYSQL_PORT ?? 3306), user: process.env.MYSQL_USER ?? 'root', password: process.env.MYSQL_PASSWORD ?? '' };

const STREETS = ['东安路街道', '建设路街道', '光明路街道', '解放路街道', '人民路街道', '胜利街道', '和平街道', '新华街道', '工业园区', '城南街道', '城北街道', '滨河街道'];
const DEPARTMENTS = ['culture', 'market', 'fire'];
const CODE_SETS = ['1', '1,9', '5', '9', '5,8', '2', '4', '10'];
const uscc = (i) => `914105${String(i).padStart(11, '0')}X`;
const day = (offset) => new Date(Date.UTC(2022, 7, 1) + offset * 86_400_000).toISOString().slice(0, 10);
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (value) => `${value.toFixed(1)} ms`;

async function insert(db, table, columns, rows) {
  for (let from = 0; from < rows.length; from += 2000) {
    await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ?`, [rows.slice(from, from + 2000)]);
  }
}

const platform = await startPlatform({ db: 'mariadb', mysqlDatabasePrefix: prefix, env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' } });
const databases = Object.fromEntries(await Promise.all(['office', ...DEPARTMENTS].map(async (name) => [name, await mysql.createConnection({ ...connection, database: `${prefix}${name}` })])));
try {
  let started = performance.now();
  const now = new Date();
  // A province-sized plan: one venue per inspection, every stage represented (about 60 % signed).
  const venues = [];
  const inspections = [];
  const signed = [];
  for (let i = 0; i < INSPECTIONS; i++) {
    const venueId = randomUUID();
    const street = STREETS[i % STREETS.length];
    venues.push([venueId, `星河网咖（${street}${i}店）`, uscc(i), `卫东区${street}${i}号`, street]);
    const stage = i % 10; // 0: drawn only; 1–2: scheduled; 3: officers signing; 4–9: signed
    const status = stage >= 4 ? 'COMPLETED' : stage === 3 ? 'IN_PROGRESS' : 'SCHEDULED';
    const id = randomUUID();
    inspections.push([id, PLAN_2022.id, venueId, day(i % 60), status, stage >= 1 ? '09:00' : null, stage >= 1 ? '10:00' : null, stage >= 4 ? now : null, 1]);
    if (stage >= 4) signed.push({ id, venueId, street, i });
  }
  await insert(databases.office, 'venue', ['id', 'name', 'uscc', 'address', 'street'], venues);
  await insert(databases.office, 'inspection', ['id', 'plan_id', 'venue_id', 'scheduled_date', 'status', 'visit_start_time', 'visit_end_time', 'completed_at', 'version'], inspections);
  await databases.office.query('ANALYZE TABLE venue, inspection');
  for (const department of DEPARTMENTS) {
    const results = [];
    const followUps = [];
    for (const { id, venueId, street, i } of signed) {
      const status = ['PENDING_ENTRY', 'PENDING_REVIEW', 'RETURNED', 'PUBLISHED', 'PUBLISHED', 'PUBLISHED'][i % 6];
      const codes = status === 'PENDING_ENTRY' ? '' : CODE_SETS[i % CODE_SETS.length];
      results.push([randomUUID(), id, PLAN_2022.id, PLAN_2022.title, venueId, `星河网咖（${street}${i}店）`, uscc(i), street, day(i % 60), day((i % 60) + 1), '', day((i % 60) + 28), status, codes, codes ? '检查结果说明' : null, 1, status === 'PUBLISHED' ? 1 : 0, now, now]);
      if (codes.includes('5')) followUps.push([randomUUID(), randomUUID(), id, venueId, `星河网咖（${street}${i}店）`, '限期整改', day(i % 60), day((i % 60) + 10), day((i % 60) + 13), i % 3 === 0 ? 'CLOSED' : 'OPEN', i % 3 === 0 ? 'RECTIFIED' : null, 1, now, now]);
    }
    await insert(databases[department], 'department_result', ['id', 'inspection_id', 'plan_id', 'plan_title', 'venue_id', 'venue_name', 'venue_uscc', 'venue_street', 'inspected_on', 'signed_on', 'team_inspector_ids', 'publication_deadline', 'status', 'result_codes', 'summary', 'version', 'revision', 'created_at', 'updated_at'], results);
    await insert(databases[department], 'follow_up', ['id', 'order_id', 'inspection_id', 'venue_id', 'venue_name', 'order_content', 'ordered_on', 'rectification_deadline', 'due_on', 'state', 'outcome', 'version', 'created_at', 'updated_at'], followUps);
    await databases[department].query('ANALYZE TABLE department_result, follow_up');
    console.log(`  ${department}: ${results.length.toLocaleString()} results, ${followUps.length.toLocaleString()} follow-ups`);
  }
  console.log(`\nInserted ${INSPECTIONS.toLocaleString()} inspections (and venues, results, follow-ups) into MariaDB in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const login = await fetch(platform.urls.gateway, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($input: LoginInput!) { login(input: $input) { token } }', variables: { input: { username: 'office', password: 'Demo@2022' } } }),
  });
  const token = (await login.json()).data.login.token;
  const FIGURES = 'byStatus { pendingEntry pendingReview returned published } byStreet { street formed entered published } resultCodes { code label count } problemsFound followUps { total open rectified } overdue { publications referrals followUps }';
  const STAGES = 'drawn scheduled visited signed';
  const plan = JSON.stringify(PLAN_2022.id);
  const cases = [
    ['office: planProgress (stages × streets)', `query { planProgress(planId: ${plan}) { total { ${STAGES} } byStreet { street ${STAGES} } reportOverdue } }`],
    ['culture: cultureProgress', `query { cultureProgress(planId: ${plan}) { ${FIGURES} } }`],
    ['the whole dashboard (office + 3 departments)', `query { planProgress(planId: ${plan}) { total { ${STAGES} } byStreet { street ${STAGES} } reportOverdue } culture: cultureProgress(planId: ${plan}) { ${FIGURES} } market: marketProgress(planId: ${plan}) { ${FIGURES} } fire: fireProgress(planId: ${plan}) { ${FIGURES} } }`],
    ['drill-down: inspections signed in a street (20)', `query { plan(id: ${plan}) { inspections(first: 20, stage: SIGNED, street: "建设路街道") { totalCount nodes { id status venue { name street } } } } }`],
    ['drill-down: published with code 5 (20)', `query { cultureResults(first: 20, planId: ${plan}, status: PUBLISHED, resultCode: 5) { totalCount nodes { inspectionId venue { name } } } }`],
    ['drill-down: referrals overdue (20)', `query { cultureResults(first: 20, planId: ${plan}, referralOverdue: true) { totalCount nodes { inspectionId } } }`],
    ['drill-down: follow-ups overdue (20)', `query { cultureFollowUps(first: 20, planId: ${plan}, overdue: true) { totalCount nodes { id } } }`],
  ];
  console.log(`\nthrough the gateway, ${RUNS} sequential requests each (time to the answer on this machine, target ${TARGET_MS} ms):`);
  let missed = false;
  for (const [name, query] of cases) {
    const times = [];
    for (let run = 0; run < RUNS + 3; run++) {
      started = performance.now();
      const response = await fetch(platform.urls.gateway, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
      const body = await response.json();
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      if (run >= 3) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const p99 = percentile(times, 99);
    missed ||= p99 >= TARGET_MS;
    console.log(`  ${name.padEnd(48)} p50 ${ms(percentile(times, 50)).padStart(9)}  p99 ${ms(p99).padStart(9)}  ${p99 < TARGET_MS ? 'ok' : `OVER ${TARGET_MS} ms`}`);
  }
  if (missed) process.exitCode = 1;
} finally {
  for (const db of Object.values(databases)) await db.end();
  await platform.close();
  const admin = await mysql.createConnection(connection);
  for (const name of ['office', ...DEPARTMENTS]) await admin.query(`DROP DATABASE IF EXISTS \`${prefix}${name}\``);
  await admin.end();
}
