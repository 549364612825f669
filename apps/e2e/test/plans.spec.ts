import { startPlatform, type Platform } from '@dr/platform-runner';
import { PLAN_2022, CHECK_ITEMS_2022, checkItemsOf } from '@dr/domain';
import { demoInspectors, demoVenues } from '@dr/demo-data';
import { testDatabases } from '@dr/config-jest/databases';
import { graphql, login } from './graphql';

const CREATE = `mutation Create($input: CreatePlanInput!) { createPlan(input: $input) { id documentNumber windowStart windowEnd leadDepartment participatingDepartments reportTo editable } }`;
const UPDATE = `mutation Update($id: ID!, $input: PlanInput!) { updatePlan(id: $id, input: $input) { id windowEnd } }`;
const FIRE_ITEMS = `query Items($planId: ID!) { fireCheckItems(planId: $planId) { id code title legalBasis order version legalReviewPending frozen } }`;
const SAVE_FIRE_ITEM = `mutation Save($input: SaveCheckItemInput!) { fireSaveCheckItem(input: $input) { id code title version legalReviewPending frozen } }`;

const plan2023 = (change: Record<string, unknown> = {}) => ({
  title: '平顶山市卫东区互联网上网服务营业场所“双随机、一公开”部门联合监管实施方案',
  documentNumber: '平卫双随机办〔2023〕5号',
  issueDate: '2023-07-20',
  objectType: '互联网上网服务营业场所',
  windowStart: '2023-07-26',
  windowEnd: '2023-12-31',
  participatingDepartments: ['CULTURE', 'MARKET', 'FIRE'],
  leadDepartment: 'CULTURE',
  annualPlan: '《平顶山市卫东区2023年度市场监管领域“双随机、一公开”部门联合监督检查工作计划》',
  reportingDeadline: '2023-12-01',
  reportTo: 'MARKET',
  ...change,
});

/** Events travel through the outbox relay (ADR 0013): wait until the department has applied them. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.each(testDatabases())('plans and check items through the gateway on %s (R-PLAN-1, R-ITEM-4)', (db: 'sqlite' | 'mariadb') => {
  let platform: Platform;
  let gateway: string;
  let office: string;
  let fireAdmin: string;
  let copyId: string;

  beforeAll(async () => {
    platform = await startPlatform({ db });
    gateway = platform.urls.gateway;
    office = await login(gateway, 'office');
    fireAdmin = await login(gateway, 'fire-admin');
  });
  afterAll(() => platform?.close());

  it('the 2022 plan and its twelve items are there as the plan words them, C6 and F2 marked 待法制审核', async () => {
    const { data } = await graphql(gateway, `query($id: ID!) { plan(id: $id) { documentNumber editable } cultureCheckItems(planId: $id) { code title legalReviewPending frozen } marketCheckItems(planId: $id) { code title } fireCheckItems(planId: $id) { code title legalReviewPending } }`, { id: PLAN_2022.id }, office);
    expect(data.plan).toEqual({ documentNumber: PLAN_2022.documentNumber, editable: false });
    expect([...data.cultureCheckItems, ...data.marketCheckItems, ...data.fireCheckItems].map((i: { code: string; title: string }) => [i.code, i.title])).toEqual(CHECK_ITEMS_2022.map((i) => [i.code, i.title]));
    expect(data.cultureCheckItems.filter((i: { legalReviewPending: boolean }) => i.legalReviewPending).map((i: { code: string }) => i.code)).toEqual(['C6']);
    expect(data.fireCheckItems.filter((i: { legalReviewPending: boolean }) => i.legalReviewPending).map((i: { code: string }) => i.code)).toEqual(['F2']);
    expect(data.cultureCheckItems.every((i: { frozen: boolean }) => i.frozen)).toBe(true);
  });

  it('only the office sets up plans; bad input names the field in Chinese and nothing is written', async () => {
    const count = async () => (await graphql(gateway, `{ plans(first: 10) { totalCount } }`, {}, office)).data.plans.totalCount;
    const before = await count();
    const culture = await login(gateway, 'culture-admin');
    expect((await graphql(gateway, CREATE, { input: plan2023() }, culture)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const backwards = await graphql(gateway, CREATE, { input: plan2023({ windowStart: '2023-12-31', windowEnd: '2023-07-26' }) }, office);
    expect(backwards.errors?.[0]).toMatchObject({ message: '检查结束日期（2023-07-26）早于开始日期（2023-12-31）', extensions: { code: 'BAD_USER_INPUT', field: 'windowEnd' } });
    const twice = await graphql(gateway, CREATE, { input: plan2023({ participatingDepartments: ['CULTURE', 'FIRE', 'FIRE'] }) }, office);
    expect(twice.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'participatingDepartments' } });
    const leadOutside = await graphql(gateway, CREATE, { input: plan2023({ participatingDepartments: ['MARKET', 'FIRE'] }) }, office);
    expect(leadOutside.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'leadDepartment' } });
    expect(await count()).toBe(before);
  });

  it('copies last year\'s plan: same departments, and each department\'s items arrive as new, editable versions', async () => {
    const created = await graphql(gateway, CREATE, { input: plan2023({ copyFromPlanId: PLAN_2022.id }) }, office);
    expect(created.errors).toBeUndefined();
    expect(created.data.createPlan).toMatchObject({ documentNumber: '平卫双随机办〔2023〕5号', participatingDepartments: ['CULTURE', 'MARKET', 'FIRE'], leadDepartment: 'CULTURE', reportTo: 'MARKET', editable: true });
    copyId = created.data.createPlan.id;
    const items = await eventually(async () => (await graphql(gateway, FIRE_ITEMS, { planId: copyId }, fireAdmin)).data.fireCheckItems, (list) => list.length === 3);
    expect(items.map((i: { code: string; version: number; frozen: boolean }) => [i.code, i.version, i.frozen])).toEqual(checkItemsOf('fire').map((i) => [i.code, 1, false]));
    const list = await graphql(gateway, `{ plans(first: 1) { totalCount nodes { documentNumber editable } pageInfo { hasNextPage } } }`, {}, office);
    expect(list.data.plans).toMatchObject({ totalCount: 2, nodes: [{ documentNumber: '平卫双随机办〔2023〕5号', editable: true }], pageInfo: { hasNextPage: true } });
  });

  it('the department admin rewords an item before the draw (a new version); an inspector may not; the 2022 items are refused (CONFLICT)', async () => {
    const [, f2] = (await graphql(gateway, FIRE_ITEMS, { planId: copyId }, fireAdmin)).data.fireCheckItems;
    const input = { planId: copyId, checkItemId: f2.id, title: f2.title, legalBasis: '《中华人民共和国消防法》第十六条第一款第（五）项、第（六）项', legalReviewPending: false };
    const inspector = await login(gateway, 'fire-inspector');
    expect((await graphql(gateway, SAVE_FIRE_ITEM, { input }, inspector)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const saved = await graphql(gateway, SAVE_FIRE_ITEM, { input }, fireAdmin);
    expect(saved.errors).toBeUndefined();
    expect(saved.data.fireSaveCheckItem).toMatchObject({ code: 'F2', version: 2, legalReviewPending: false, frozen: false });

    const old = (await graphql(gateway, FIRE_ITEMS, { planId: PLAN_2022.id }, fireAdmin)).data.fireCheckItems[0];
    const refused = await graphql(gateway, SAVE_FIRE_ITEM, { input: { planId: PLAN_2022.id, checkItemId: old.id, title: '改写', legalBasis: old.legalBasis } }, fireAdmin);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(refused.errors?.[0].message).toContain('请在下一方案中修改');
  });

  it('the plan is edited until its first task; then the edit is refused (CONFLICT) and the items freeze', async () => {
    const edited = await graphql(gateway, UPDATE, { id: copyId, input: plan2023({ windowEnd: '2023-12-20' }) }, office);
    expect(edited.data.updatePlan.windowEnd).toBe('2023-12-20');
    const of = (department: string) => demoInspectors().filter((i) => i.department === department);
    const created = await graphql(gateway, 'mutation($input: CreateInspectionInput!) { createInspection(input: $input) { id creationReason } }', {
      input: { planId: copyId, venueId: demoVenues()[5].id, scheduledDate: '2023-08-01', leaderId: of('culture')[0].id, memberIds: [of('market')[0].id, of('fire')[0].id], reason: '群众投诉举报' },
    }, office);
    expect(created.errors).toBeUndefined();
    expect(created.data.createInspection.creationReason).toBe('群众投诉举报');
    const refused = await graphql(gateway, UPDATE, { id: copyId, input: plan2023({ windowEnd: '2023-12-31' }) }, office);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(refused.errors?.[0].message).toContain('已开始抽取或已有检查任务，不能再修改');

    const items = await eventually(async () => (await graphql(gateway, FIRE_ITEMS, { planId: copyId }, fireAdmin)).data.fireCheckItems, (list) => list.every((i: { frozen: boolean }) => i.frozen));
    expect(items.every((i: { frozen: boolean }) => i.frozen)).toBe(true);
    const frozen = await graphql(gateway, SAVE_FIRE_ITEM, { input: { planId: copyId, checkItemId: items[0].id, title: '改写', legalBasis: items[0].legalBasis } }, fireAdmin);
    expect(frozen.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
  });
});
