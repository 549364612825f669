// A department workbench over 10,000 open items (issue "After the visit"): under 300 ms of server time
// on MariaDB. Seeds culture's own database directly (results pending entry / review / returned,
// received referrals awaiting an answer, open follow-ups), then times the queries the workbench sends
// (apps/web-culture/src/culture-workbench.graphql) against the culture subgraph itself.
import { randomBytes, randomUUID } from 'node:crypto';
import mysql from 'mysql2/promise';
import { startPlatform } from '@dr/platform-runner';
import { PLAN_2022 } from '@dr/domain';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const TARGET_MS = 300;
const prefix = `dr_bench_${randomBytes(4).toString('hex')}_`;
const connection = { host: process.env.MYSQL_HOST ?? '127.0.0.1', port: Number(process.env.MYSQL_PORT ?? 3306), user: process.env.MYSQL_USER ?? 'root', password: process.env.MYSQL_PASSWORD ?? '' };

const STATUSES = ['PENDING_ENTRY', 'PENDING_REVIEW', 'RETURNED'];
const uscc = (i) => `914104${String(i).padStart(11, '0')}X`;
// Days around today, so some items are overdue, some due soon and most later.
const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (value) => `${value.toFixed(1)} ms`;

async function insert(db, table, columns, rows) {
  for (let from = 0; from < rows.length; from += 2000) {
    await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ?`, [rows.slice(from, from + 2000)]);
  }
}

const platform = await startPlatform({ db: 'mariadb', mysqlDatabasePrefix: prefix, env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' } });
const db = await mysql.createConnection({ ...connection, database: `${prefix}culture` });
try {
  let started = performance.now();
  const now = new Date();
  // Half results, a quarter received referrals, a quarter follow-ups: every list of the workbench is long.
  const results = [];
  const referrals = [];
  const followUps = [];
  for (let i = 0; i < ITEMS; i++) {
    const venue = `星河网咖（东安路${i}店）`;
    const inspection = randomUUID();
    if (i % 4 < 2) {
      results.push([randomUUID(), inspection, PLAN_2022.id, PLAN_2022.title, randomUUID(), venue, uscc(i), '东安路街道', day(-30 - (i % 40)), day(-28 - (i % 40)), '[]', day((i % 60) - 20), STATUSES[i % 3], i % 3 === 0 ? '' : '5', i % 3 === 0 ? null : '未悬挂许可证', i % 3 === 2 ? '请补充说明' : null, 1, 0, now, now]);
    } else if (i % 4 === 2) {
      referrals.push([randomUUID(), 'market', inspection, randomUUID(), venue, uscc(i), '涉嫌无照经营', '《无证无照经营查处办法》', '[]', day(-(i % 10)), '市场监管执法人员', day((i % 20) - 5), 'SENT', 1, now]);
    } else {
      followUps.push([randomUUID(), randomUUID(), inspection, randomUUID(), venue, '限期悬挂许可证', day(-40), day(-(i % 30)), day((i % 30) - 10), 'OPEN', 1, now, now]);
    }
  }
  await insert(db, 'department_result', ['id', 'inspection_id', 'plan_id', 'plan_title', 'venue_id', 'venue_name', 'venue_uscc', 'venue_street', 'inspected_on', 'signed_on', 'team_inspector_ids', 'publication_deadline', 'status', 'result_codes', 'summary', 'return_reason', 'version', 'revision', 'created_at', 'updated_at'], results);
  await insert(db, 'referral_received', ['id', 'from_department', 'inspection_id', 'venue_id', 'venue_name', 'venue_uscc', 'facts', 'legal_basis', 'evidence', 'sent_on', 'sent_by_name', 'answer_deadline', 'state', 'version', 'received_at'], referrals);
  await insert(db, 'follow_up', ['id', 'order_id', 'inspection_id', 'venue_id', 'venue_name', 'order_content', 'ordered_on', 'rectification_deadline', 'due_on', 'state', 'version', 'created_at', 'updated_at'], followUps);
  await db.query('ANALYZE TABLE department_result, referral_received, follow_up');
  console.log(`\nInserted ${ITEMS.toLocaleString()} open items into culture's MariaDB database in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const login = await fetch(platform.urls.gateway, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($input: LoginInput!) { login(input: $input) { token } }', variables: { input: { username: 'culture-admin', password: 'Demo@2022' } } }),
  });
  const token = (await login.json()).data.login.token;
  const RESULT = 'totalCount pageInfo { hasNextPage endCursor } nodes { inspectionId status version planTitle inspectedOn publicationDeadline workingDaysLeft overdue resultCodes summary returnReason publishedOn venue { id name } }';
  const cases = [
    ['summary (counts of every list)', 'query { pendingEntry: cultureResults(status: PENDING_ENTRY, first: 1) { totalCount } pendingReview: cultureResults(status: PENDING_REVIEW, first: 1) { totalCount } returned: cultureResults(status: RETURNED, first: 1) { totalCount } received: cultureReferralsReceived(state: SENT, first: 1) { totalCount } followUpsDue: cultureFollowUps(state: OPEN, dueWithinWorkingDays: 3, first: 1) { totalCount } }'],
    ['待录入, first page (20)', `query { cultureResults(status: PENDING_ENTRY, first: 20) { ${RESULT} } }`],
    ['待审核, first page (20)', `query { cultureResults(status: PENDING_REVIEW, first: 20) { ${RESULT} } }`],
    ['收到的移送 (20)', 'query { cultureReferralsReceived(first: 20) { totalCount nodes { id version fromDepartment venueName facts legalBasis sentOn answerDeadline state overdue workingDaysLeft } } }'],
    ['跟踪复查 (20)', 'query { cultureFollowUps(state: OPEN, first: 20) { totalCount nodes { id version venueName orderContent orderedOn rectificationDeadline dueOn state overdue workingDaysLeft } } }'],
  ];
  const culture = platform.urls.graphql.culture;
  console.log(`culture subgraph, ${RUNS} sequential requests each (client-measured server time, target ${TARGET_MS} ms):`);
  let missed = false;
  for (const [name, query] of cases) {
    const times = [];
    for (let run = 0; run < RUNS + 5; run++) {
      started = performance.now();
      const response = await fetch(culture, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
      const body = await response.json();
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      if (run >= 5) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const p99 = percentile(times, 99);
    missed ||= p99 >= TARGET_MS;
    console.log(`  ${name.padEnd(32)} p50 ${ms(percentile(times, 50)).padStart(9)}  p99 ${ms(p99).padStart(9)}  ${p99 < TARGET_MS ? 'ok' : `OVER ${TARGET_MS} ms`}`);
  }
  if (missed) process.exitCode = 1;
} finally {
  await db.end();
  await platform.close();
  const admin = await mysql.createConnection(connection);
  for (const name of ['office', 'culture', 'market', 'fire']) await admin.query(`DROP DATABASE IF EXISTS \`${prefix}${name}\``);
  await admin.end();
}
