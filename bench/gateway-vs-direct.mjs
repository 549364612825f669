// Benchmark (issue #2): the cross-subgraph inspection query through the gateway against the same
// data fetched from the subgraphs directly, and the SQL statements one request costs for 10 and for
// 100 inspections. Starts the platform (SQLite, free ports), prints its figures, stops everything.
//
//   npm run bench            (from the repository root; builds first)
//   BENCH_SECONDS=10 BENCH_CONNECTIONS=10 BENCH_INSPECTIONS=10 npm run bench
import autocannon from 'autocannon';
import { startPlatform } from '@dr/platform-runner';
import { PLAN_2022 } from '@dr/domain';
import { demoInspectors, demoVenues } from '@dr/demo-data';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PAGE = Number(process.env.BENCH_INSPECTIONS ?? 10);

const SECTION = (dept) => `${dept}Section { status version items { checkItem { code title legalBasis } outcome note } }`;
const SECTION_FIELDS = 'status version items { checkItem { code title legalBasis } outcome note }';
const GATEWAY_QUERY = `query Bench($id: ID!, $first: Int!) { plan(id: $id) { documentNumber inspections(first: $first) { totalCount nodes {
  id scheduledDate venue { name uscc street } team { leader { name certificateNumber } members { name department } }
  ${SECTION('culture')} ${SECTION('market')} ${SECTION('fire')} } } } }`;
// What the gateway asks the office for, and then each department for (via _entities).
const OFFICE_QUERY = `query Bench($id: ID!, $first: Int!) { plan(id: $id) { documentNumber inspections(first: $first) { totalCount nodes {
  id planId scheduledDate venue { name uscc street } team { leader { name certificateNumber } members { name department } } } } } }`;
const ENTITIES_QUERY = (dept) =>
  `query Bench($representations: [_Any!]!) { _entities(representations: $representations) { ... on Inspection { ${dept}Section { ${SECTION_FIELDS} } } } }`;

async function post(url, query, variables, token) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (body.errors) throw new Error(`${url}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function sqlStatements(platform) {
  let total = 0;
  for (const name of ['office', 'culture', 'market', 'fire']) {
    const text = await (await fetch(`http://127.0.0.1:${platform.ports[name]}/metrics`)).text();
    total += Number(/^sql_statements_total\{[^}]*\} (\d+)$/m.exec(text)?.[1] ?? 0);
  }
  return total;
}

function load(title, url, query, variables, token) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        title,
        url,
        method: 'POST',
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      },
      (error, result) => {
        if (error) return reject(error);
        if (result.non2xx || result.errors) return reject(new Error(`${title}: ${result.non2xx} non-2xx, ${result.errors} errors`));
        resolve({ title, p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average, total: result.requests.total });
      },
    );
  });
}

async function ensureInspections(platform, token, count) {
  const { plan } = await post(platform.urls.gateway, 'query($id: ID!) { plan(id: $id) { inspections { totalCount } } }', { id: PLAN_2022.id }, token);
  const culture = demoInspectors().filter((i) => i.department === 'culture');
  const others = demoInspectors().filter((i) => i.department !== 'culture');
  const venues = demoVenues();
  const mutation = 'mutation($input: CreateInspectionInput!) { createInspection(input: $input) { id } }';
  for (let n = plan.inspections.totalCount; n < count; n++) {
    const day = String(1 + (n % 28)).padStart(2, '0');
    const input = { planId: PLAN_2022.id, venueId: venues[n % venues.length].id, scheduledDate: `2022-${String(8 + (n % 4)).padStart(2, '0')}-${day}`, leaderId: culture[n % culture.length].id, memberIds: [others[n % others.length].id, others[(n + 7) % others.length].id] };
    await post(platform.urls.gateway, mutation, { input }, token);
  }
}

const fmt = (n) => (Math.round(n * 10) / 10).toFixed(1).padStart(8);

const platform = await startPlatform({ db: 'sqlite' });
try {
  const { login } = await post(platform.urls.gateway, 'mutation($input: LoginInput!) { login(input: $input) { token } }', { input: { username: 'office', password: 'Demo@2022' } }, '');
  const token = login.token;
  await ensureInspections(platform, token, 100);

  // SQL statements per request (all four subgraphs), for 10 and for 100 inspections.
  const statements = {};
  for (const first of [10, 100]) {
    await post(platform.urls.gateway, GATEWAY_QUERY, { id: PLAN_2022.id, first }, token); // warm
    const before = await sqlStatements(platform);
    const data = await post(platform.urls.gateway, GATEWAY_QUERY, { id: PLAN_2022.id, first }, token);
    statements[first] = { sql: (await sqlStatements(platform)) - before, rows: data.plan.inspections.nodes.length };
  }

  const variables = { id: PLAN_2022.id, first: PAGE };
  const office = await post(platform.urls.graphql.office, OFFICE_QUERY, variables, token);
  const representations = office.plan.inspections.nodes.map(({ id, planId }) => ({ __typename: 'Inspection', id, planId }));

  console.log(`\nLoad: autocannon, ${CONNECTIONS} connections, ${SECONDS} s per run, ${PAGE} inspections per query, SQLite, one 2-core machine (load generator included).`);
  const gateway = await load('gateway (1 request: office + culture + market + fire)', platform.urls.gateway, GATEWAY_QUERY, variables, token);
  const direct = [await load('direct office', platform.urls.graphql.office, OFFICE_QUERY, variables, token)];
  for (const dept of ['culture', 'market', 'fire']) direct.push(await load(`direct ${dept} (_entities)`, platform.urls.graphql[dept], ENTITIES_QUERY(dept), { representations }, token));

  // A client fetching directly does the office request, then the three departments in parallel.
  const departments = direct.slice(1);
  const composed = {
    title: 'direct, composed (office, then departments in parallel)',
    p50: direct[0].p50 + Math.max(...departments.map((d) => d.p50)),
    p99: direct[0].p99 + Math.max(...departments.map((d) => d.p99)),
    rps: Math.min(...direct.map((d) => d.rps)),
  };
  console.log(`\n${'run'.padEnd(60)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'req/s'.padStart(8)}`);
  for (const row of [gateway, ...direct, composed]) console.log(`${row.title.padEnd(60)}${fmt(row.p50)}${fmt(row.p99)}${fmt(row.rps)}`);
  console.log(`\ngateway / direct: p50 ×${(gateway.p50 / composed.p50).toFixed(2)}, p99 ×${(gateway.p99 / composed.p99).toFixed(2)}, throughput ×${(gateway.rps / composed.rps).toFixed(2)}`);
  console.log(`SQL statements per gateway request: ${statements[10].sql} for ${statements[10].rows} inspections, ${statements[100].sql} for ${statements[100].rows} inspections`);
  if (statements[10].sql !== statements[100].sql) {
    console.error('FAIL: the statement count grows with the list (N+1)');
    process.exitCode = 1;
  }
} finally {
  await platform.close();
}
