import { randomBytes, randomUUID } from 'node:crypto';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { demoInspections, demoVenues } from '@dr/demo-data';
import { PLAN_2022, type Department, type EventPayloads } from '@dr/domain';
import { testDatabases } from '@dr/config-jest/databases';
import { graphql } from './graphql';

const RESULTS = `query PublicResults($filter: PublicResultFilter, $first: Int, $after: String) {
  publicResults(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { inspectionId planName department departmentName venueName uscc street resultCodes resultLabels inspectedOn publishedOn revision
      corrections { revision reason correctedOn resultLabels } } } }`;
const VENUE = `query Venue($uscc: String!) { publicVenueResults(uscc: $uscc) { uscc venueName street results { department resultLabels revision } } }`;

const venues = demoVenues();
const inspections = demoInspections();
const venueOf = (index: number) => venues.find((v) => v.id === inspections[index].venueId)!;

/** A department's publication as the department side sends it (packages/domain/src/events.ts). */
function published(index: number, department: Department, extra: Partial<EventPayloads['result.published']> = {}): EventPayloads['result.published'] {
  const venue = venueOf(index);
  return {
    inspectionId: inspections[index].id,
    planId: PLAN_2022.id,
    department,
    venue: { id: venue.id, name: venue.name, uscc: venue.uscc, street: venue.street },
    resultCodes: [1],
    inspectedOn: inspections[index].scheduledDate,
    publishedOn: '2022-09-20',
    revision: 1,
    ...extra,
  };
}

describe.each(testDatabases())('一公开: published results, public and without login, on %s', (db: 'sqlite' | 'mariadb') => {
  const token = randomBytes(24).toString('base64url');
  let platform: Platform;
  let gateway: string;
  let files: string;

  /** Delivers events to the office exactly as a department's relay does (ADR 0013). */
  async function deliver(source: Department, ...events: { id?: string; topic: string; payload: unknown }[]) {
    const response = await fetch(new URL('/internal/events', platform.urls.graphql.office), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ events: events.map((e) => ({ id: e.id ?? randomUUID(), source, topic: e.topic, occurredAt: new Date().toISOString(), payload: e.payload })) }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { received: number; applied: number };
  }
  const search = async (filter: Record<string, unknown>, first = 20, after?: string) => {
    const answer = await graphql(gateway, RESULTS, { filter, first, after });
    expect(answer.errors).toBeUndefined();
    return answer.data.publicResults;
  };

  beforeAll(async () => {
    platform = await startPlatform({ db, env: { EVENTS_TOKEN: token } });
    gateway = platform.urls.gateway;
    files = new URL('/files/public/', gateway).toString();
    const culture = published(0, 'culture', { resultCodes: [5], publishedOn: '2022-09-21' });
    await deliver('culture', { topic: 'result.published', payload: culture });
    await deliver('market', { topic: 'result.published', payload: published(0, 'market', { resultCodes: [9] }) });
    await deliver('fire', { topic: 'result.published', payload: published(2, 'fire', { resultCodes: [1], publishedOn: '2022-09-25' }) });
  });
  afterAll(() => platform?.close());

  it('R-PUB-1: an anonymous caller sees each department\'s published result, newest first, with labels and plan, and no personal data', async () => {
    const page = await search({});
    expect(page.totalCount).toBe(3);
    expect(page.nodes.map((n: { department: string; venueName: string }) => [n.department, n.venueName])).toEqual([
      ['FIRE', venueOf(2).name],
      ['CULTURE', venueOf(0).name],
      ['MARKET', venueOf(0).name],
    ]);
    expect(page.nodes[1]).toMatchObject({
      planName: PLAN_2022.title,
      departmentName: '卫东区文化广电和旅游局',
      uscc: venueOf(0).uscc,
      street: venueOf(0).street,
      resultCodes: [5],
      resultLabels: ['发现问题已责令改正'],
      inspectedOn: inspections[0].scheduledDate,
      publishedOn: '2022-09-21',
      revision: 1,
      corrections: [],
    });
    const personal = await graphql(gateway, `{ publicResults { nodes { team { leader { name } } } } }`);
    expect(personal.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('searches by part of the name, by the exact 统一社会信用代码 (any case), and by plan and department', async () => {
    const part = venueOf(2).name.slice(0, 4);
    const byName = await search({ search: part });
    expect(byName.nodes.every((n: { venueName: string }) => n.venueName.includes(part))).toBe(true);
    expect(byName.nodes.map((n: { department: string }) => n.department)).toContain('FIRE');
    const byCode = await search({ search: venueOf(0).uscc.toLowerCase() });
    expect(byCode.nodes.map((n: { department: string }) => n.department)).toEqual(['CULTURE', 'MARKET']);
    expect((await search({ search: venueOf(0).uscc.slice(0, 17) })).totalCount).toBe(0);
    expect((await search({ planId: PLAN_2022.id, department: 'MARKET' })).nodes.map((n: { uscc: string }) => n.uscc)).toEqual([venueOf(0).uscc]);
    expect((await search({ search: '100%' })).totalCount).toBe(0);
  });

  it('pages are bounded and cursors carry on', async () => {
    const first = await search({}, 2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await search({}, 2, first.pageInfo.endCursor);
    expect(second.nodes).toHaveLength(1);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const tooMany = await graphql(gateway, RESULTS, { first: 101 });
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const longSearch = await graphql(gateway, RESULTS, { filter: { search: '网'.repeat(101) } });
    expect(longSearch.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.search' });
    expect(longSearch.errors?.[0].message).toBe('搜索内容不能超过 100 个字');
  });

  it('a correction shows 更正 with its reason; a late, older revision changes nothing; nothing published is deleted', async () => {
    const corrected = { ...published(0, 'culture', { resultCodes: [1], publishedOn: '2022-09-21', revision: 2 }), correction: { reason: '录入有误，经复核未发现问题', correctedOn: '2022-09-28' } };
    await deliver('culture', { topic: 'result.corrected', payload: corrected });
    await deliver('culture', { topic: 'result.published', payload: published(0, 'culture', { resultCodes: [10], publishedOn: '2022-09-21', revision: 1 }) });
    const [culture] = (await search({ department: 'CULTURE' })).nodes;
    expect(culture).toMatchObject({ revision: 2, resultLabels: ['未发现问题'], corrections: [{ revision: 2, reason: '录入有误，经复核未发现问题', correctedOn: '2022-09-28', resultLabels: ['未发现问题'] }] });
    expect((await search({})).totalCount).toBe(3);
  });

  it('the same event delivered twice is applied once; a department cannot publish another\'s result', async () => {
    const id = randomUUID();
    const event = { id, topic: 'result.published', payload: published(4, 'market', { publishedOn: '2022-09-30' }) };
    expect(await deliver('market', event)).toEqual({ received: 1, applied: 1 });
    expect(await deliver('market', event)).toEqual({ received: 1, applied: 0 });
    expect((await search({ search: venueOf(4).uscc })).totalCount).toBe(1);
    await deliver('market', { topic: 'result.published', payload: published(4, 'fire') });
    expect((await search({ search: venueOf(4).uscc, department: 'FIRE' })).totalCount).toBe(0);
  });

  it('an inspection no department has published never appears', async () => {
    expect((await search({ search: venueOf(1).uscc })).totalCount).toBe(0);
    expect((await graphql(gateway, VENUE, { uscc: venueOf(1).uscc })).data.publicVenueResults).toBeNull();
  });

  it('each venue has its own address: publicVenueResults by 统一社会信用代码; a malformed code is BAD_USER_INPUT', async () => {
    const answer = await graphql(gateway, VENUE, { uscc: venueOf(0).uscc });
    expect(answer.data.publicVenueResults).toMatchObject({ uscc: venueOf(0).uscc, venueName: venueOf(0).name, street: venueOf(0).street });
    expect(answer.data.publicVenueResults.results.map((r: { department: string }) => r.department).sort()).toEqual(['CULTURE', 'MARKET']);
    const bad = await graphql(gateway, VENUE, { uscc: 'x' });
    expect(bad.errors?.[0]).toMatchObject({ message: '统一社会信用代码应为 18 位数字或大写字母', extensions: { code: 'BAD_USER_INPUT', field: 'uscc' } });
  });

  it('open data: CSV (UTF-8 with BOM) and JSON through the gateway, no login, with the same filters', async () => {
    const csv = await fetch(`${files}results.csv?department=culture`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\n');
    expect(lines[0]).toBe('实施方案,检查对象名称,统一社会信用代码,街道,检查部门,检查结果,检查日期,公示日期,更正情况');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(venueOf(0).uscc);
    expect(lines[1]).toContain('2022-09-28 更正：录入有误，经复核未发现问题');

    const json = await fetch(`${files}results.json?search=${encodeURIComponent(venueOf(0).uscc)}`);
    expect(json.status).toBe(200);
    const body = await json.json();
    expect(body).toMatchObject({ totalCount: 2, truncated: false });
    expect(body.results.map((r: { department: string }) => r.department).sort()).toEqual(['culture', 'market']);
    expect(Object.keys(body.results[0])).not.toContain('inspectionId');

    const bad = await fetch(`${files}results.csv?department=police`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toContain('检查部门无效');
  });
});
