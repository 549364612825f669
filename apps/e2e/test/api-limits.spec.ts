import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { PLAN_2022 } from '@dr/domain';
import { demoInspections } from '@dr/demo-data';
import { testDatabases } from '@dr/config-jest/databases';
import { graphql, login, type GraphQLResponse } from './graphql';
import { TokenMint } from './abuse/principals';

// Issue "Trust", items 1 and 4: what any caller can make a server do, and what it may learn.

const HAN = /[\u3400-\u9fff]/;
const METRICS_TOKEN = 'metrics-token-for-this-test-0123456789';

/** `plan { inspections(first: 100) { nodes { plan { inspections … } } } }`, `levels` times. */
function nestedPlans(levels: number, leaf = 'id venue { name uscc street }'): string {
  let selection = leaf;
  for (let level = 0; level < levels; level++) selection = `plan { inspections(first: 100) { nodes { ${selection} } } }`;
  return `query Nested { ${selection.replace(/^plan \{/, `plan(id: "${PLAN_2022.id}") {`)} }`;
}

/** Every error a client reads: a code, a Chinese message, no internal address, no stack, no raw reply. */
function expectCleanErrors(result: GraphQLResponse, code: string): void {
  expect(result.errors?.length).toBeGreaterThan(0);
  for (const error of result.errors ?? []) {
    expect(error.extensions?.code).toBe(code);
    expect(error.message).toMatch(HAN);
    expect(error.extensions).not.toHaveProperty('response');
    expect(error.extensions).not.toHaveProperty('stacktrace');
  }
  expect(JSON.stringify(result)).not.toMatch(/127\.0\.0\.1|localhost|http:\/\/|Did you mean/);
}

describe.each(testDatabases())('errors and access in development on %s', (db: 'sqlite' | 'mariadb') => {
  let platform: Platform;
  let office: string;

  beforeAll(async () => {
    platform = await startPlatform({ db });
    office = await login(platform.urls.gateway, 'office');
  });
  afterAll(() => platform?.close());

  it('passes a subgraph\'s refusal through the gateway: anonymous is UNAUTHENTICATED in Chinese, without the subgraph\'s address', async () => {
    const result = await graphql(platform.urls.gateway, `query { plans(first: 5) { nodes { id } } }`);
    expectCleanErrors(result, 'UNAUTHENTICATED');
  });

  it('keeps a bad value BAD_USER_INPUT naming the field through the gateway, so an outbox does not retry it', async () => {
    const [inspection] = demoInspections();
    const result = await graphql(
      platform.urls.gateway,
      `mutation Notice($input: RecordNoticeInput!) { recordNotice(input: $input) { id } }`,
      { input: { inspectionId: inspection.id, mode: 'WRITTEN', noticeAt: 'yesterday' } },
      office,
    );
    expectCleanErrors(result, 'BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.field).toBe('noticeAt');
  });

  it('authenticates before it validates: an anonymous mutation with bad input is UNAUTHENTICATED', async () => {
    const venue = { name: '', uscc: '1', address: '', street: '', riskClass: 'A' };
    const result = await graphql(platform.urls.graphql.office, `mutation V($input: VenueInput!) { createVenue(input: $input) { id } }`, { input: venue });
    expectCleanErrors(result, 'UNAUTHENTICATED');
  });

  it('answers graphql-js\'s own refusals in Chinese ("Too many validation errors")', async () => {
    const fields = Array.from({ length: 120 }, (_, index) => `unknown${index}`).join(' ');
    const result = await graphql(platform.urls.gateway, `query { ${fields} }`, {}, office);
    expect(result.errors?.length).toBeGreaterThan(0);
    for (const error of result.errors ?? []) expect(error.message).toMatch(HAN);
  });

  it('keeps introspection and an open /metrics for developers', async () => {
    const result = await graphql(platform.urls.gateway, `{ __schema { queryType { name } } }`);
    expect(result.data?.__schema.queryType.name).toBe('Query');
    expect((await fetch(`http://127.0.0.1:${platform.ports.office}/metrics`)).status).toBe(200);
  });
});

describe.each(testDatabases())('production mode on %s', (db: 'sqlite' | 'mariadb') => {
  let platform: Platform;
  let office: string;
  // Production has no demo login: the test signs the office admin's token with the platform's own key pair.
  const mint = new TokenMint();

  beforeAll(async () => {
    platform = await startPlatform({ db, env: { ...mint.env, NODE_ENV: 'production', METRICS_TOKEN } });
    office = (await mint.token({ role: 'OFFICE_ADMIN', seat: 'none' }))!;
  });
  afterAll(() => platform?.close());

  it('refuses nested pages, deep queries, many aliases and long documents at the gateway and at the office', async () => {
    const aliases = `query { ${Array.from({ length: 500 }, (_, index) => `a${index}: me { id }`).join(' ')} }`;
    const deep = `query { inspection(id: "x") { ${'plan { id inspections(first: 1) { nodes { '.repeat(6)}id${' } } }'.repeat(6)} } }`;
    const long = `query { me { ${'id '.repeat(6000)}} }`;
    for (const url of [platform.urls.gateway, platform.urls.graphql.office]) {
      for (const query of [nestedPlans(2), deep, aliases, long]) {
        const started = Date.now();
        expectCleanErrors(await graphql(url, query, {}, office), 'QUERY_TOO_COMPLEX');
        expect(Date.now() - started).toBeLessThan(2000);
      }
    }
  });

  it('lets the real UI\'s largest pages through (shell PlanInspections, 100 per page)', async () => {
    const document = readFileSync(join(__dirname, '../../shell/src/graphql/plans.graphql'), 'utf8');
    const result = await fetch(platform.urls.gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${office}` },
      body: JSON.stringify({ query: document, operationName: 'PlanInspections', variables: { id: PLAN_2022.id, first: 100 } }),
    });
    const body = (await result.json()) as GraphQLResponse;
    expect(body.errors).toBeUndefined();
    // Production has no demo inspections; the 2022 plan is reference data, so the page is answered, empty.
    expect(body.data?.plan.inspections).toMatchObject({ totalCount: expect.any(Number), nodes: expect.any(Array) });
  });

  it('answers no introspection and no suggestions, in Chinese, at the gateway and at a subgraph', async () => {
    for (const url of [platform.urls.gateway, platform.urls.graphql.culture]) {
      expectCleanErrors(await graphql(url, `{ __schema { types { name } } }`, {}, office), 'GRAPHQL_VALIDATION_FAILED');
      const suggestion = await graphql(url, `{ me { usernam } }`, {}, office);
      expect(suggestion.errors?.[0].extensions).not.toHaveProperty('detail');
      expectCleanErrors(suggestion, 'GRAPHQL_VALIDATION_FAILED');
    }
    expectCleanErrors(await graphql(platform.urls.gateway, `{ me { `, {}, office), 'GRAPHQL_PARSE_FAILED');
  });

  it('gives a subgraph\'s SDL (_service) only to a signed-in caller', async () => {
    for (const name of ['office', 'culture'] as const) {
      expectCleanErrors(await graphql(platform.urls.graphql[name], `{ _service { sdl } }`), 'UNAUTHENTICATED');
      const signedIn = await graphql(platform.urls.graphql[name], `{ _service { sdl } }`, {}, office);
      expect(signedIn.data?._service.sdl).toContain('type Query');
    }
  });

  it('shows /metrics only with METRICS_TOKEN', async () => {
    for (const port of [platform.ports.gateway, platform.ports.office]) {
      const url = `http://127.0.0.1:${port}/metrics`;
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: 'Bearer wrong-token-of-the-same-size-0123' } })).status).toBe(401);
      const allowed = await fetch(url, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(allowed.status).toBe(200);
      expect(await allowed.text()).toContain('graphql_requests_total');
    }
  });
});
