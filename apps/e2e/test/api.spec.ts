import { randomUUID } from 'node:crypto';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { CHECK_ITEMS_2022, PLAN_2022, checkItemsOf } from '@dr/domain';
import { demoInspections, demoInspectors, demoVenues } from '@dr/demo-data';
import { testDatabases } from '@dr/config-jest/databases';
import { graphql, login, sqlStatements } from './graphql';

const INSPECTION_WITH_SECTIONS = /* GraphQL */ `
  query PlanWithSections($id: ID!, $first: Int!) {
    plan(id: $id) {
      documentNumber
      windowStart
      windowEnd
      leadDepartment
      participatingDepartments
      reportingDeadline
      inspections(first: $first) {
        totalCount
        nodes {
          id
          scheduledDate
          venue { name uscc street }
          team { leader { name department certificateNumber } members { department } }
          cultureSection { status items { checkItem { code legalBasis } outcome } }
          marketSection { status items { checkItem { code } outcome } }
          fireSection { status items { checkItem { code } outcome } }
        }
      }
    }
  }
`;

const CULTURE_SECTION = `query Section($id: ID!) { inspection(id: $id) { cultureSection { version items { checkItem { id code } outcome note } } } }`;
const SAVE = (department: string) =>
  `mutation Save($input: SaveSectionInput!) { ${department}SaveSection(input: $input) { version items { checkItem { code } outcome note } } }`;
const saveInput = (inspectionId: string, expectedVersion: number, items: { checkItemId: string; outcome: string; note?: string }[]) => ({
  inspectionId,
  planId: PLAN_2022.id,
  expectedVersion,
  idempotencyKey: randomUUID(),
  items,
  resultCodes: [],
  orders: [],
});

describe.each(testDatabases())('the platform through the gateway on %s', (db: 'sqlite' | 'mariadb') => {
  let platform: Platform;
  let gateway: string;
  let office: string;
  const [firstInspection] = demoInspections();

  beforeAll(async () => {
    platform = await startPlatform({ db });
    gateway = platform.urls.gateway;
    office = await login(gateway, 'office');
  });
  afterAll(() => platform?.close());

  it('answers one query that crosses all four subgraphs: plan, inspections, each department\'s items (R-PLAN-1, R-ITEM-1..3)', async () => {
    const result = await graphql(gateway, INSPECTION_WITH_SECTIONS, { id: PLAN_2022.id, first: 100 }, office);
    expect(result.errors).toBeUndefined();
    const plan = result.data.plan;
    expect(plan).toMatchObject({
      documentNumber: '平卫双随机办〔2022〕25号',
      windowStart: '2022-07-26',
      windowEnd: '2022-12-31',
      leadDepartment: 'CULTURE',
      participatingDepartments: ['CULTURE', 'MARKET', 'FIRE'],
      reportingDeadline: '2022-12-01',
    });
    expect(plan.inspections.totalCount).toBeGreaterThanOrEqual(demoInspections().length);
    const inspection = plan.inspections.nodes.find((node: { id: string }) => node.id === firstInspection.id);
    const venue = demoVenues().find((v) => v.id === firstInspection.venueId)!;
    expect(inspection.venue).toEqual({ name: venue.name, uscc: venue.uscc, street: venue.street });
    expect(inspection.team.leader.department).toBe('CULTURE');
    expect(inspection.team.leader.certificateNumber).toBe(demoInspectors().find((i) => i.id === firstInspection.leaderId)!.certificateNumber);
    expect(inspection.cultureSection.items.map((i: any) => i.checkItem.code)).toEqual(checkItemsOf('culture').map((i) => i.code));
    expect(inspection.cultureSection.items[0].checkItem.legalBasis).toBe(CHECK_ITEMS_2022[0].legalBasis);
    expect(inspection.marketSection.items.map((i: any) => i.checkItem.code)).toEqual(['M1', 'M2']);
    expect(inspection.fireSection.items.map((i: any) => i.checkItem.code)).toEqual(['F1', 'F2', 'F3']);
  });

  it('batches: one request costs the same number of SQL statements for 2 inspections as for 6', async () => {
    const metrics = (['office', 'culture', 'market', 'fire'] as const).map((name) => `http://127.0.0.1:${platform.ports[name]}/metrics`);
    const cost = async (first: number) => {
      const before = await sqlStatements(metrics);
      const result = await graphql(gateway, INSPECTION_WITH_SECTIONS, { id: PLAN_2022.id, first }, office);
      expect(result.data.plan.inspections.nodes.length).toBe(Math.min(first, result.data.plan.inspections.totalCount));
      return (await sqlStatements(metrics)) - before;
    };
    const small = await cost(2);
    expect(small).toBeGreaterThan(0);
    expect(await cost(6)).toBe(small);
  });

  it('refuses every query without a login, and a forged token, as UNAUTHENTICATED', async () => {
    const anonymous = await graphql(gateway, '{ plans { totalCount } }');
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await graphql(gateway, '{ plans { totalCount } }', {}, `${office.slice(0, -4)}AAAA`);
    expect(forged.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(forged.data).toBeFalsy();
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    const result = await graphql(gateway, 'mutation { login(input: { username: "office", password: "wrong" }) { token } }');
    expect(result.errors?.[0]).toMatchObject({ message: '用户名或密码错误', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('lets a department record its own items, and the change shows through the gateway', async () => {
    const token = await login(gateway, 'culture-inspector');
    const before = (await graphql(gateway, CULTURE_SECTION, { id: firstInspection.id }, token)).data.inspection.cultureSection;
    const c5 = before.items.find((i: any) => i.checkItem.code === 'C5').checkItem.id;
    const result = await graphql(gateway, SAVE('culture'), { input: saveInput(firstInspection.id, before.version, [{ checkItemId: c5, outcome: 'NON_COMPLIANT', note: '入口处未悬挂未成年人禁入标志' }]) }, token);
    expect(result.errors).toBeUndefined();
    const after = (await graphql(gateway, CULTURE_SECTION, { id: firstInspection.id }, office)).data.inspection.cultureSection;
    expect(after.version).toBe(before.version + 1);
    expect(after.items.find((i: any) => i.checkItem.code === 'C5')).toMatchObject({ outcome: 'NON_COMPLIANT', note: '入口处未悬挂未成年人禁入标志' });
  });

  it('R-PUB-2: a market officer changing the culture record gets FORBIDDEN and nothing changes', async () => {
    const market = await login(gateway, 'market-admin');
    const before = (await graphql(gateway, CULTURE_SECTION, { id: firstInspection.id }, office)).data.inspection.cultureSection;
    const c1 = before.items.find((i: any) => i.checkItem.code === 'C1');
    const result = await graphql(gateway, SAVE('culture'), { input: saveInput(firstInspection.id, before.version, [{ checkItemId: c1.checkItem.id, outcome: 'COMPLIANT' }]) }, market);
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(result.errors?.[0].message).toContain('文化广电和旅游局');
    const after = (await graphql(gateway, CULTURE_SECTION, { id: firstInspection.id }, office)).data.inspection.cultureSection;
    expect(after).toEqual(before);
  });

  it('only the joint office creates inspections: a department admin gets FORBIDDEN and nothing is created', async () => {
    const culture = await login(gateway, 'culture-admin');
    const count = async () => (await graphql(gateway, `query($id: ID!) { plan(id: $id) { inspections { totalCount } } }`, { id: PLAN_2022.id }, office)).data.plan.inspections.totalCount;
    const before = await count();
    const [leader] = demoInspectors().filter((i) => i.department === 'culture');
    const [market] = demoInspectors().filter((i) => i.department === 'market');
    const [member] = demoInspectors().filter((i) => i.department === 'fire');
    const input = { planId: PLAN_2022.id, venueId: demoVenues()[30].id, scheduledDate: '2022-10-10', leaderId: leader.id, memberIds: [market.id, member.id], reason: '群众投诉举报' };
    const mutation = 'mutation Create($input: CreateInspectionInput!) { createInspection(input: $input) { id scheduledDate team { leader { id } } } }';
    const refused = await graphql(gateway, mutation, { input }, culture);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
    const created = await graphql(gateway, mutation, { input }, office);
    expect(created.errors).toBeUndefined();
    expect(created.data.createInspection).toMatchObject({ scheduledDate: '2022-10-10', team: { leader: { id: leader.id } } });
    expect(await count()).toBe(before + 1);
  });

  it('bad input gets BAD_USER_INPUT naming the field, in Chinese, and nothing is written', async () => {
    const [leader] = demoInspectors().filter((i) => i.department === 'culture');
    const [member] = demoInspectors().filter((i) => i.department === 'market');
    const mutation = 'mutation Create($input: CreateInspectionInput!) { createInspection(input: $input) { id } }';
    const outside = await graphql(gateway, mutation, { input: { planId: PLAN_2022.id, venueId: demoVenues()[31].id, scheduledDate: '2023-03-01', leaderId: leader.id, memberIds: [member.id], reason: '上级交办' } }, office);
    expect(outside.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'scheduledDate' } });
    expect(outside.errors?.[0].message).toContain('2022-07-26 至 2022-12-31');
    const malformed = await graphql(gateway, mutation, { input: { planId: PLAN_2022.id, venueId: demoVenues()[31].id, scheduledDate: '10/01/2022', leaderId: leader.id, memberIds: [member.id], reason: '上级交办' } }, office);
    expect(malformed.errors?.[0]).toMatchObject({ message: '日期格式应为 YYYY-MM-DD', extensions: { code: 'BAD_USER_INPUT', field: 'scheduledDate' } });
    const tooMany = await graphql(gateway, `query($id: ID!) { plan(id: $id) { inspections(first: 1000) { totalCount } } }`, { id: PLAN_2022.id }, office);
    expect(tooMany.errors?.[0]).toMatchObject({ message: '每页条数不能超过 100', extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
    const count = (await graphql(gateway, `{ venues(search: "${demoVenues()[31].name.slice(0, 4)}") { totalCount } }`, {}, office)).data;
    expect(count.venues.totalCount).toBeGreaterThan(0);
  });

  it('keeps answering when one subgraph is down: the other departments\' data plus an error naming the missing one', async () => {
    await platform.stop('fire');
    try {
      const result = await graphql(gateway, INSPECTION_WITH_SECTIONS, { id: PLAN_2022.id, first: 5 }, office);
      const node = result.data.plan.inspections.nodes[0];
      expect(node.cultureSection.items).toHaveLength(7);
      expect(node.marketSection.items).toHaveLength(2);
      expect(node.fireSection).toBeNull();
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'fire', department: 'FIRE' } });
      expect(result.errors?.[0].message).toContain('消防救援大队');
      expect(JSON.stringify(result.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stack/);
    } finally {
      await platform.start('fire');
    }
    const healed = await graphql(gateway, INSPECTION_WITH_SECTIONS, { id: PLAN_2022.id, first: 5 }, office);
    expect(healed.errors).toBeUndefined();
    expect(healed.data.plan.inspections.nodes[0].fireSection.items).toHaveLength(3);
  });

  it('seeds the demo data once: a restarted office keeps one plan and its inspections', async () => {
    const before = await graphql(gateway, '{ plans { totalCount } venues { totalCount } }', {}, office);
    await platform.stop('office');
    await platform.start('office');
    const after = await graphql(gateway, '{ plans { totalCount } venues { totalCount } }', {}, office);
    expect(after.data).toEqual(before.data);
    expect(after.data.plans.totalCount).toBe(1);
  });
});
