import { startPlatform, type Platform } from '@dr/platform-runner';
import { PLAN_2022, usccCheckCharacter } from '@dr/domain';
import { demoInspections, demoInspectors } from '@dr/demo-data';
import { testDatabases } from '@dr/config-jest/databases';
import { graphql, login } from './graphql';

/** Issue "Trust": holes in the office subgraph, each tested through the real gateway (or straight at the office where that is the hole). */
const JOB = `query($id: ID!) { importJob(id: $id) { id status failureMessage errors(first: 100) { nodes { row column reason } } } }`;
const COMMIT = `mutation($id: ID!) { commitImport(id: $id) { status } }`;
const OFFICER = `query($search: String) { inspectors(search: $search, first: 10) { nodes { id name department status certificateNumber certificateValidUntil } } }`;
const CREATE_VENUE = `mutation($input: VenueInput!) { createVenue(input: $input) { id name street } }`;
const UPDATE_VENUE = `mutation($id: ID!, $input: VenueInput!) { updateVenue(id: $id, input: $input) { id name street } }`;
const CREATE_INSPECTOR = `mutation($input: InspectorInput!) { createInspector(input: $input) { id department } }`;
const SCHEDULE = `mutation($input: ScheduleVisitInput!) { scheduleVisit(input: $input) { id scheduledDate visitStartTime } }`;
const NOTICE = `mutation($input: RecordNoticeInput!) { recordNotice(input: $input) { id } }`;
const PLAN_INSPECTIONS = `query($id: ID!) { plan(id: $id) { inspections(first: 100) { nodes { id scheduledDate visitHidden } } } }`;
const CONFLICTS = `{ inspectors(first: 100) { nodes { id conflicts { venueId relation } } } }`;
const VENUE_COUNT = `{ venues { totalCount } }`;

const INSPECTOR_CSV_HEADER = '姓名,所属部门,执法证号,执法证有效期起,执法证有效期止,状态';
const uscc = (body: string) => `${body}${usccCheckCharacter(body)}`;
const venue = (overrides: Record<string, unknown> = {}) => ({ name: '诚信网咖（演示）', uscc: uscc('91410403MA9HJLE1X'), address: '河南省平顶山市卫东区建设路2号', street: '建设路街道', status: 'OPERATING', riskClass: 'B', ...overrides });
const officerInput = (overrides: Record<string, unknown> = {}) => ({ name: '测试人员', department: 'MARKET', certificateNumber: '豫SJ-HOLE-100', certificateValidFrom: '2022-01-01', certificateValidUntil: '2025-12-31', expertise: [], conflicts: [], ...overrides });

describe.each(testDatabases())('holes closed in the office (issue "Trust") on %s', (db: 'sqlite' | 'mariadb') => {
  let platform: Platform;
  let gateway: string;
  const tokens: Record<string, string> = {};
  const [first, second] = demoInspections();
  const marketOfficer = demoInspectors().find((i) => i.department === 'market')!;

  beforeAll(async () => {
    platform = await startPlatform({ db });
    gateway = platform.urls.gateway;
    for (const user of ['office', 'culture-admin', 'market-admin', 'culture-inspector', 'market-inspector']) tokens[user] = await login(gateway, user);
  });
  afterAll(() => platform?.close());

  const call = (user: string | null, query: string, variables: Record<string, unknown> = {}) => graphql(gateway, query, variables, user ? tokens[user] : undefined);

  async function upload(user: string, csv: string): Promise<string> {
    const response = await fetch(`${new URL(gateway).origin}/files/imports?kind=inspectors`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[user]}`, 'x-file-name': encodeURIComponent('人员.csv') },
      body: Buffer.from(`${csv}\n`, 'utf8'),
    });
    expect(response.status).toBe(202);
    return (await response.json()).importId;
  }

  async function waitWhile(user: string, id: string, busy: string) {
    for (let i = 0; i < 300; i++) {
      const job = (await call(user, JOB, { id })).data.importJob;
      if (job.status !== busy) return job;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`import ${id} still ${busy}`);
  }

  const officerByNumber = async (certificateNumber: string) => (await call('office', OFFICER, { search: certificateNumber })).data.inspectors.nodes.find((n: { certificateNumber: string }) => n.certificateNumber === certificateNumber);

  describe('1. a department admin cannot rewrite another department\'s officer through the import', () => {
    it('the dry run names the row and the 执法证号 of the other department\'s officer, and the commit is refused', async () => {
      const before = await officerByNumber(marketOfficer.certificateNumber);
      expect(before).toMatchObject({ department: 'MARKET', status: 'ACTIVE' });
      const id = await upload(
        'culture-admin',
        [INSPECTOR_CSV_HEADER, `${before.name},文广旅,${marketOfficer.certificateNumber},2022-01-01,2022-06-30,请假`, `新来的,文广旅,豫WG-HOLE-001,2022-01-01,2026-12-31,在岗`].join('\n'),
      );
      const job = await waitWhile('culture-admin', id, 'VALIDATING');
      expect(job.status).toBe('INVALID');
      expect(job.errors.nodes).toEqual([{ row: 2, column: '执法证号', reason: expect.stringContaining(marketOfficer.certificateNumber) }]);
      expect(job.errors.nodes[0].reason).toContain('市场监管');
      const commit = await call('culture-admin', COMMIT, { id });
      expect(commit.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await officerByNumber(marketOfficer.certificateNumber)).toEqual(before);
      expect(await officerByNumber('豫WG-HOLE-001')).toBeUndefined();
    });

    it('an officer registered to another department after the dry run stops the commit, naming the row; nothing is written', async () => {
      const id = await upload('culture-admin', [INSPECTOR_CSV_HEADER, `甲,文广旅,豫WG-HOLE-010,2022-01-01,2026-12-31,在岗`, `乙,文广旅,豫WG-HOLE-011,2022-01-01,2026-12-31,请假`].join('\n'));
      expect((await waitWhile('culture-admin', id, 'VALIDATING')).status).toBe('VALID');
      // Meanwhile the market bureau registers one of those numbers as its own officer.
      const created = await call('market-admin', CREATE_INSPECTOR, { input: officerInput({ certificateNumber: '豫WG-HOLE-011' }) });
      expect(created.errors).toBeUndefined();
      expect((await call('culture-admin', COMMIT, { id })).data.commitImport.status).toBe('COMMITTING');
      const done = await waitWhile('culture-admin', id, 'COMMITTING');
      expect(done.status).toBe('FAILED');
      expect(done.failureMessage).toContain('第 3 行');
      expect(done.failureMessage).toContain('豫WG-HOLE-011');
      expect(done.failureMessage).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      expect(await officerByNumber('豫WG-HOLE-011')).toMatchObject({ department: 'MARKET', status: 'ACTIVE', name: '测试人员' });
      expect(await officerByNumber('豫WG-HOLE-010')).toBeUndefined();
    });
  });

  describe('2. an undisclosed visit does not leak through a conflict or the order of a list (R-NOTE-1)', () => {
    beforeAll(async () => {
      // The second inspection shares officers with the first; the office makes it undisclosed.
      expect((await call('office', SCHEDULE, { input: { inspectionId: second.id, date: '2022-09-05', startTime: '14:00', endTime: '16:00' } })).errors).toBeUndefined();
      expect((await call('office', NOTICE, { input: { inspectionId: second.id, mode: 'UNDISCLOSED' } })).errors).toBeUndefined();
    });

    it('rescheduling one\'s own visit over the hidden one says the officer is busy, without its date, time or id', async () => {
      const refused = await call('culture-inspector', SCHEDULE, { input: { inspectionId: first.id, date: '2022-09-05', startTime: '00:00', endTime: '23:59' } });
      expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(refused.errors?.[0].message).toContain('该时段已有其他检查安排');
      const said = JSON.stringify(refused.errors);
      for (const secret of ['2022-09-05', '14:00', '16:00', second.id]) expect(said).not.toContain(secret);
      // The office may see the hidden visit, so it is told which one clashes.
      const forOffice = await call('office', SCHEDULE, { input: { inspectionId: first.id, date: '2022-09-05', startTime: '00:00', endTime: '23:59' } });
      expect(forOffice.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', inspectionId: second.id } });
      expect(forOffice.errors?.[0].message).toContain('14:00–16:00');
      const firstNow = (await call('office', PLAN_INSPECTIONS, { id: PLAN_2022.id })).data.plan.inspections.nodes.find((n: { id: string }) => n.id === first.id);
      expect(firstNow.scheduledDate).toBe(first.scheduledDate);
    });

    it('plan.inspections places a hidden visit as if unscheduled for those who may not see it', async () => {
      // By date, with the undated (and the hidden, for outsiders) last: '~' sorts after every date.
      const sortKey = (n: { scheduledDate: string | null }) => n.scheduledDate ?? '~';
      for (const outsider of ['market-admin', 'culture-inspector']) {
        const nodes = (await call(outsider, PLAN_INSPECTIONS, { id: PLAN_2022.id })).data.plan.inspections.nodes;
        expect(nodes.find((n: { id: string }) => n.id === second.id)).toMatchObject({ scheduledDate: null, visitHidden: true });
        const keys = nodes.map(sortKey);
        expect(keys).toEqual([...keys].sort());
      }
      const forOffice = (await call('office', PLAN_INSPECTIONS, { id: PLAN_2022.id })).data.plan.inspections.nodes;
      expect(forOffice.find((n: { id: string }) => n.id === second.id).scheduledDate).toBe('2022-09-05');
      expect(forOffice.map(sortKey)).toEqual([...forOffice.map(sortKey)].sort());
    });

    it('neither the 已安排 filter nor its dashboard count gives the hidden visit away; the office sees it in both', async () => {
      const SCHEDULED = `query($id: ID!) { plan(id: $id) { inspections(stage: SCHEDULED, first: 100) { totalCount nodes { id } } } planProgress(planId: $id) { total { scheduled } } }`;
      for (const [user, sees] of [['market-admin', false], ['culture-inspector', false], ['office', true]] as const) {
        const { data, errors } = await call(user, SCHEDULED, { id: PLAN_2022.id });
        expect(errors).toBeUndefined();
        const ids = data.plan.inspections.nodes.map((n: { id: string }) => n.id);
        expect(ids.includes(second.id)).toBe(sees);
        expect(data.planProgress.total.scheduled).toBe(data.plan.inspections.totalCount);
      }
    });
  });

  describe('3. an import job sent straight to the office as an entity', () => {
    const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ImportJob { id errors(first: 10) { nodes { row reason } } } } }`;
    let jobId: string;
    const entities = (user: string | null) => graphql(platform.urls.graphql.office, ENTITIES, { representations: [{ __typename: 'ImportJob', id: jobId }] }, user ? tokens[user] : undefined);

    beforeAll(async () => {
      // culture-admin's dry run with one bad row: the row's text is what another user must not read.
      jobId = await upload('culture-admin', [INSPECTOR_CSV_HEADER, `赵六,文广旅,豫WG-HOLE-500,2022-01-01,2021-12-31,在岗`].join('\n'));
      expect((await waitWhile('culture-admin', jobId, 'VALIDATING')).status).toBe('INVALID');
    });

    it('is read only by the user who started it and the office', async () => {
      const own = await entities('culture-admin');
      expect(own.data._entities[0].errors.nodes).toEqual([{ row: 2, reason: expect.stringContaining('2021-12-31') }]);
      expect((await entities('office')).data._entities[0].errors.nodes).toHaveLength(1);
      const other = await entities('market-admin');
      expect(other.data._entities).toEqual([null]);
      expect(JSON.stringify(other)).not.toContain('2021-12-31');
      const anonymous = await entities(null);
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(anonymous)).not.toContain('2021-12-31');
    });

    it('no entity of the office is read without signing in', async () => {
      const anonymous = await graphql(platform.urls.graphql.office, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Inspector { name certificateNumber } } }`, { r: [{ __typename: 'Inspector', id: marketOfficer.id }] });
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(anonymous)).not.toContain(marketOfficer.certificateNumber);
    });
  });

  describe('4. input holes: refused with BAD_USER_INPUT naming the field, and nothing saved', () => {
    it('a venue name of only spaces and a street outside the district are refused; a short street name is read as the district\'s', async () => {
      const before = (await call('office', VENUE_COUNT)).data.venues.totalCount;
      const blank = await call('office', CREATE_VENUE, { input: venue({ name: '   ' }) });
      expect(blank.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'name' } });
      expect(blank.errors?.[0].message).toContain('名称不能为空');
      const elsewhere = await call('office', CREATE_VENUE, { input: venue({ street: '火星街道' }) });
      expect(elsewhere.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'street' } });
      expect(elsewhere.errors?.[0].message).toContain('不是本辖区的街道');
      expect((await call('office', VENUE_COUNT)).data.venues.totalCount).toBe(before);
      const created = await call('office', CREATE_VENUE, { input: venue({ street: '建设路' }) });
      expect(created.errors).toBeUndefined();
      expect(created.data.createVenue.street).toBe('建设路街道');
      const update = await call('office', UPDATE_VENUE, { id: created.data.createVenue.id, input: venue({ name: ' \u3000 ' }) });
      expect(update.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'name' } });
    });

    it('dates such as 1900-01-01 and 9999-12-31 are refused', async () => {
      const early = await call('office', CREATE_INSPECTOR, { input: officerInput({ certificateNumber: '豫SJ-HOLE-200', certificateValidFrom: '1900-01-01' }) });
      expect(early.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'certificateValidFrom' } });
      expect(early.errors?.[0].message).toContain('2000-01-01 至 2100-12-31');
      const late = await call('office', CREATE_INSPECTOR, { input: officerInput({ certificateNumber: '豫SJ-HOLE-201', certificateValidUntil: '9999-12-31' }) });
      expect(late.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'certificateValidUntil' } });
      const notice = await call('office', NOTICE, { input: { inspectionId: first.id, mode: 'PHONE', noticeAt: '1900-01-01T00:00:00.000Z', prepare: '营业执照' } });
      expect(notice.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'noticeAt' } });
      expect(await officerByNumber('豫SJ-HOLE-200')).toBeUndefined();
      expect(await officerByNumber('豫SJ-HOLE-201')).toBeUndefined();
    });

    it('control and direction-control characters are refused in the office\'s and the departments\' inputs and in imports', async () => {
      const before = (await call('office', VENUE_COUNT)).data.venues.totalCount;
      const bidi = await call('office', CREATE_VENUE, { input: venue({ uscc: uscc('91410403MA9HJLE2X'), name: '诚信网咖\u202e店分' }) });
      expect(bidi.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'name' } });
      expect(bidi.errors?.[0].message).toContain('文字方向控制符');
      const nul = await call('office', CREATE_VENUE, { input: venue({ uscc: uscc('91410403MA9HJLE3X'), address: '建设路\u00002号' }) });
      expect(nul.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'address' } });
      expect((await call('office', VENUE_COUNT)).data.venues.totalCount).toBe(before);
      const officer = await call('office', CREATE_INSPECTOR, { input: officerInput({ certificateNumber: '豫SJ-HOLE-300', name: '张\u200f三' }) });
      expect(officer.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'name' } });
      const prepare = await call('office', NOTICE, { input: { inspectionId: first.id, mode: 'PHONE', prepare: '营业执照\u001b[2J' } });
      expect(prepare.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'prepare' } });
      // A department's section (department-kit) takes the same rule; a multi-line record keeps its line breaks allowed.
      const section = await call('culture-inspector', `mutation($input: SaveSectionInput!) { cultureSaveSection(input: $input) { version } }`, {
        input: { inspectionId: first.id, planId: PLAN_2022.id, expectedVersion: 0, idempotencyKey: 'hole-test-0001', items: [], resultCodes: [], orders: [], onSiteRecord: { facts: '第一行\n收银台\u202e未悬挂许可证', personsPresent: '负责人' } },
      });
      expect(section.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(section.errors?.[0].message).toContain('检查发现的事实');
      // The import refuses such a row too, naming the row.
      const id = await upload('culture-admin', [INSPECTOR_CSV_HEADER, `王\u202e五,文广旅,豫WG-HOLE-400,2022-01-01,2026-12-31,在岗`].join('\n'));
      const job = await waitWhile('culture-admin', id, 'VALIDATING');
      expect(job.status).toBe('INVALID');
      expect(job.errors.nodes).toEqual([{ row: 2, column: '姓名', reason: expect.stringContaining('文字方向控制符') }]);
    });
  });

  describe('5. conflict-of-interest declarations (回避申报)', () => {
    const declared = (nodes: { id: string; conflicts: unknown[] | null }[], id: string) => nodes.find((n) => n.id === id)!.conflicts;
    const cultureTwo = demoInspectors().filter((i) => i.department === 'culture')[1];
    const marketThree = demoInspectors().filter((i) => i.department === 'market')[2];

    it('are read by the office, the officer\'s own department admin and the officer; others get null', async () => {
      const office = await call('office', CONFLICTS);
      expect(office.errors).toBeUndefined();
      expect(declared(office.data.inspectors.nodes, cultureTwo.id)).toHaveLength(1);
      expect(declared(office.data.inspectors.nodes, marketThree.id)).toHaveLength(1);
      const marketAdmin = await call('market-admin', CONFLICTS);
      expect(marketAdmin.errors).toBeUndefined();
      expect(declared(marketAdmin.data.inspectors.nodes, marketThree.id)).toHaveLength(1);
      expect(declared(marketAdmin.data.inspectors.nodes, cultureTwo.id)).toBeNull();
      const officer = await call('market-inspector', CONFLICTS);
      expect(officer.errors).toBeUndefined();
      expect(declared(officer.data.inspectors.nodes, marketThree.id)).toBeNull();
      expect(declared(officer.data.inspectors.nodes, cultureTwo.id)).toBeNull();
      // Their own list, empty here, is theirs to read.
      expect(declared(officer.data.inspectors.nodes, marketOfficer.id)).toEqual([]);
    });
  });
});
