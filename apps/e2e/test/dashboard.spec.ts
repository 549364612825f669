import ExcelJS from 'exceljs';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { DEPARTMENTS, PLAN_2022 } from '@dr/domain';
import { demoInspections, demoVenues } from '@dr/demo-data';
import { testDatabases } from '@dr/config-jest/databases';
import { graphql, login } from './graphql';
import { signAndPublishFirstVisit } from './signed-visit';

const USERS = ['office', 'culture-admin', 'market-admin', 'fire-admin', 'culture-inspector', 'market-inspector', 'fire-inspector'] as const;

/** An enum value in a GraphQL argument list (unquoted). */
class Enum {
  constructor(readonly value: string) {}
}
const args = (values: Record<string, string | number | boolean | Enum>) =>
  Object.entries(values)
    .map(([key, value]) => `${key}: ${value instanceof Enum ? value.value : JSON.stringify(value)}`)
    .join(', ');

const STAGES = { drawn: 'DRAWN', scheduled: 'SCHEDULED', visited: 'VISITED', signed: 'SIGNED' } as const;

describe.each(testDatabases())('the plan dashboard through the gateway on %s: every figure equals the length of the list it drills into', (db: 'sqlite' | 'mariadb') => {
  let platform: Platform;
  let gateway: string;
  const tokens: Record<string, string> = {};
  const [visit] = demoInspections();
  const planId = PLAN_2022.id;

  const call = (user: string, query: string, variables: Record<string, unknown> = {}) => graphql(gateway, query, variables, tokens[user]);
  /** The length of a list: its `totalCount` (the page itself is bounded). */
  async function listLength(user: string, field: string, filter: Record<string, string | number | boolean | Enum>): Promise<number> {
    const answer = await call(user, `{ ${field}(first: 1, ${args(filter)}) { totalCount } }`);
    expect(answer.errors).toBeUndefined();
    return answer.data[field].totalCount;
  }
  async function inspectionsLength(user: string, filter: Record<string, string | number | boolean | Enum>): Promise<number> {
    const answer = await call(user, `query($id: ID!) { plan(id: $id) { inspections(first: 1, ${args(filter)}) { totalCount } } }`, { id: planId });
    expect(answer.errors).toBeUndefined();
    return answer.data.plan.inspections.totalCount;
  }

  beforeAll(async () => {
    platform = await startPlatform({ db });
    gateway = platform.urls.gateway;
    for (const user of USERS) tokens[user] = await login(gateway, user);
    await signAndPublishFirstVisit(call);
  }, 180_000);
  afterAll(() => platform?.close());

  it('office stages by street: each number is the length of Plan.inspections(stage, street); signed and visited count the finished visit', async () => {
    const answer = await call('office', `query($planId: ID!) { planProgress(planId: $planId) { total { drawn scheduled visited signed } byStreet { street drawn scheduled visited signed } reportingDeadline reportOverdue } }`, { planId });
    expect(answer.errors).toBeUndefined();
    const progress = answer.data.planProgress;
    expect(progress.total).toMatchObject({ drawn: demoInspections().length, visited: 1, signed: 1 });
    expect(progress).toMatchObject({ reportingDeadline: PLAN_2022.reportingDeadline, reportOverdue: true });
    const visitStreet = demoVenues().find((v) => v.id === visit.venueId)!.street;
    expect(progress.byStreet.find((row: any) => row.street === visitStreet)).toMatchObject({ signed: 1 });
    for (const [field, stage] of Object.entries(STAGES)) {
      expect(await inspectionsLength('office', { stage: new Enum(stage) })).toBe(progress.total[field]);
      for (const row of progress.byStreet) expect(await inspectionsLength('office', { stage: new Enum(stage), street: row.street })).toBe(row[field]);
    }
    // A department admin sees the same joint figures.
    expect((await call('market-admin', `query($planId: ID!) { planProgress(planId: $planId) { total { signed } } }`, { planId })).data.planProgress.total.signed).toBe(1);
    const unknown = await call('office', `{ planProgress(planId: "no-such-plan") { planId } }`);
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'planId' }, message: '实施方案不存在' });
  });

  it.each(DEPARTMENTS)('%s: statuses, streets, codes, problems, follow-ups and overdue items each equal the list behind them', async (department) => {
    const answer = await call('office', `query($planId: ID!) { ${department}Progress(planId: $planId) {
      byStatus { pendingEntry pendingReview returned published } byStreet { street formed entered published }
      resultCodes { code label count } problemsFound followUps { total open rectified } overdue { publications referrals followUps } } }`, { planId });
    expect(answer.errors).toBeUndefined();
    const progress = answer.data[`${department}Progress`];
    const results = `${department}Results`;
    const followUps = `${department}FollowUps`;
    const statuses = { pendingEntry: 'PENDING_ENTRY', pendingReview: 'PENDING_REVIEW', returned: 'RETURNED', published: 'PUBLISHED' } as const;
    for (const [field, status] of Object.entries(statuses)) expect(await listLength('office', results, { planId, status: new Enum(status) })).toBe(progress.byStatus[field]);
    for (const row of progress.byStreet) {
      expect(await listLength('office', results, { planId, street: row.street })).toBe(row.formed);
      expect(await listLength('office', results, { planId, street: row.street, entered: true })).toBe(row.entered);
      expect(await listLength('office', results, { planId, street: row.street, status: new Enum('PUBLISHED') })).toBe(row.published);
    }
    for (const row of progress.resultCodes) expect(await listLength('office', results, { planId, status: new Enum('PUBLISHED'), resultCode: row.code })).toBe(row.count);
    expect(await listLength('office', results, { planId, status: new Enum('PUBLISHED'), problemFound: true })).toBe(progress.problemsFound);
    expect(await listLength('office', results, { planId, overdue: true })).toBe(progress.overdue.publications);
    expect(await listLength('office', results, { planId, referralOverdue: true })).toBe(progress.overdue.referrals);
    expect(await listLength('office', followUps, { planId })).toBe(progress.followUps.total);
    expect(await listLength('office', followUps, { planId, state: new Enum('OPEN') })).toBe(progress.followUps.open);
    expect(await listLength('office', followUps, { planId, outcome: new Enum('RECTIFIED') })).toBe(progress.followUps.rectified);
    expect(await listLength('office', followUps, { planId, overdue: true })).toBe(progress.overdue.followUps);

    // And the figures are the records': what each department did above.
    const codes = Object.fromEntries(progress.resultCodes.filter((row: any) => row.count > 0).map((row: any) => [row.code, row.count]));
    if (department === 'culture') {
      expect(progress).toMatchObject({ byStatus: { published: 1 }, problemsFound: 1, followUps: { total: 1, open: 1, rectified: 0 }, overdue: { publications: 0, followUps: 1 } });
      expect(codes).toEqual({ 5: 1 });
      expect(progress.resultCodes.find((row: any) => row.code === 5).label).toBe('发现问题已责令改正');
    }
    if (department === 'market') {
      expect(progress).toMatchObject({ byStatus: { published: 1 }, problemsFound: 0, followUps: { total: 0 } });
      expect(codes).toEqual({ 1: 1, 9: 1 });
    }
    if (department === 'fire') expect(progress).toMatchObject({ byStatus: { pendingEntry: 1, published: 0 }, overdue: { publications: 1 } });
  });

  it('a department admin reads only its own department; a bad filter is a typed error naming the field', async () => {
    const own = await call('culture-admin', `query($planId: ID!) { cultureProgress(planId: $planId) { byStatus { published } } }`, { planId });
    expect(own.data.cultureProgress.byStatus.published).toBe(1);
    const other = await call('culture-admin', `query($planId: ID!) { marketProgress(planId: $planId) { problemsFound } }`, { planId });
    expect(other.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const badCode = await call('office', `{ cultureResults(first: 1, resultCode: 11) { totalCount } }`);
    expect(badCode.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  /** Rows of a streamed XLSX export (the header row not counted). */
  async function exportedRows(user: string, path: string): Promise<string[][]> {
    const response = await fetch(new URL(path, gateway), { headers: { authorization: `Bearer ${tokens[user]}` } });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const rows: string[][] = [];
    workbook.worksheets[0].eachRow((row, number) => {
      if (number > 1) rows.push((row.values as unknown[]).slice(1).map((cell) => String(cell ?? '')));
    });
    return rows;
  }

  it('every list exports to XLSX with the same filters: as many rows as the list is long, in Chinese', async () => {
    const culture = await exportedRows('office', `/files/culture/progress/results.xlsx?planId=${planId}&status=PUBLISHED&resultCode=5`);
    expect(culture).toHaveLength(await listLength('office', 'cultureResults', { planId, status: new Enum('PUBLISHED'), resultCode: 5 }));
    expect(culture[0]).toEqual(expect.arrayContaining(['已公示', '5', '发现问题已责令改正']));
    const overdue = await exportedRows('culture-admin', `/files/culture/progress/follow-ups.xlsx?planId=${planId}&overdue=true`);
    expect(overdue).toHaveLength(await listLength('office', 'cultureFollowUps', { planId, overdue: true }));
    expect(overdue[0]).toEqual(expect.arrayContaining(['限三日内悬挂《网络文化经营许可证》', '待复查']));
    for (const stage of Object.values(STAGES)) {
      expect(await exportedRows('office', `/files/plans/${planId}/inspections.xlsx?stage=${stage}`)).toHaveLength(await inspectionsLength('office', { stage: new Enum(stage) }));
    }
    // Another department's staff may not export; a bad filter is a 400 naming the field.
    const foreign = await fetch(new URL(`/files/culture/progress/results.xlsx?planId=${planId}`, gateway), { headers: { authorization: `Bearer ${tokens['market-admin']}` } });
    expect(foreign.status).toBe(403);
    const bad = await fetch(new URL(`/files/culture/progress/results.xlsx?resultCode=11`, gateway), { headers: { authorization: `Bearer ${tokens.office}` } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'resultCode' });
    const anonymous = await fetch(new URL(`/files/plans/${planId}/inspections.xlsx`, gateway));
    expect(anonymous.status).toBe(401);
  });

  it("the plan's task list: sorted by street or by state; filtered by state and street; searched by name or code", async () => {
    const query = `query($id: ID!, $sort: InspectionSort, $status: InspectionStatus, $search: String, $street: String) {
      plan(id: $id) { inspections(first: 100, sort: $sort, status: $status, search: $search, street: $street) { totalCount nodes { id status venue { name uscc street } } } } }`;
    const list = async (variables: Record<string, unknown>) => {
      const answer = await call('office', query, { id: planId, ...variables });
      expect(answer.errors).toBeUndefined();
      return answer.data.plan.inspections;
    };
    const byStreet = await list({ sort: 'STREET' });
    const streets = byStreet.nodes.map((n: any) => n.venue.street);
    expect(streets).toEqual([...streets].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
    const byState = await list({ sort: 'STATE' });
    const states = byState.nodes.map((n: any) => n.status);
    expect(states).toEqual([...states].sort());
    expect((await list({ status: 'COMPLETED' })).nodes.map((n: any) => n.id)).toEqual([visit.id]);
    const venue = demoVenues().find((v) => v.id === visit.venueId)!;
    const found = await list({ search: venue.uscc.slice(-6) });
    expect(found.nodes.map((n: any) => n.venue.uscc)).toContain(venue.uscc);
    expect(found.nodes.every((n: any) => n.venue.uscc.includes(venue.uscc.slice(-6)) || n.venue.name.includes(venue.uscc.slice(-6)))).toBe(true);
    expect((await list({ street: venue.street })).nodes.every((n: any) => n.venue.street === venue.street)).toBe(true);
    // A wildcard is text, not a pattern.
    expect((await list({ search: '%' })).totalCount).toBe(0);
  });
});
