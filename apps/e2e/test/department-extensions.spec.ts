import { randomUUID } from 'node:crypto';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { DEPARTMENTS, PLAN_2022, type Department } from '@dr/domain';
import { demoInspections, demoInspectors, demoVenues } from '@dr/demo-data';
import { extractPdfText } from '@dr/documents/testing';
import { testDatabases } from '@dr/config-jest/databases';
import { graphql, login } from './graphql';
import { dataUrl, signaturePng } from './images';
import { signerOf } from './signers';

const USERS = ['office', 'culture-admin', 'market-admin', 'fire-admin', 'culture-inspector', 'market-inspector', 'fire-inspector'] as const;
const NOTICE_FIELDS = 'id orderId inspectionId documentNumber venueName itemTitle facts orderContent rectificationDeadline issuedOn pdfUrl';
const LISTING_FIELDS = 'id inspectionId venueName venueUscc reason legalBasis state proposedOn decidedOn decidedByName withdrawReason version';
const CASE_FIELDS = 'id inspectionId venueName handedOffOn caseNumber filedOn state stateOn version';
const NOTICES = `query { fireOrderNotices(first: 10) { totalCount nodes { ${NOTICE_FIELDS} } } }`;
const LISTINGS = `query($state: MarketAbnormalListingState) { marketAbnormalListings(first: 10, state: $state) { totalCount nodes { ${LISTING_FIELDS} } } }`;
const CASES = `query { culturePenaltyCases(first: 10) { totalCount nodes { ${CASE_FIELDS} } } }`;
const FIRE_FACTS = '疏散通道堆放杂物';

const officer = (department: Department, n: number) => demoInspectors().filter((i) => i.department === department)[n - 1];

describe.each(testDatabases())('each department\'s own after-the-visit work through the gateway on %s (ADR 0014)', (db: 'sqlite' | 'mariadb') => {
  let platform: Platform;
  let gateway: string;
  let files: string;
  const tokens: Record<string, string> = {};
  const [visit] = demoInspections();
  const venue = demoVenues().find((v) => v.id === visit.venueId)!;

  const call = (user: string | null, query: string, variables: Record<string, unknown> = {}) => graphql(gateway, query, variables, user ? tokens[user] : undefined);
  const pdf = (user: string, path: string) => fetch(`${files}${path}`, { headers: { authorization: `Bearer ${tokens[user]}` } });

  /** Polls `read` until `done` holds (the relay delivers within its poll interval), at most 15 s. */
  async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`not reached within 15 s: ${JSON.stringify(value)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /**
   * Culture finds C4 not compliant, orders it put right and codes 5 + 8 (待后续处理); market could not reach
   * the business (4, every item 不涉及); fire finds an item not compliant and orders it put right by
   * Thursday 2022-09-08, just before the Mid-Autumn holiday (2022-09-10..12).
   */
  async function submitSection(department: Department, user: string) {
    const query = `query($id: ID!) { inspection(id: $id) { ${department}Section { version items { checkItem { id code } } } } }`;
    const section = (await call(user, query, { id: visit.id })).data.inspection[`${department}Section`];
    const ids: string[] = section.items.map((i: any) => i.checkItem.id);
    const byDepartment = {
      culture: {
        items: section.items.map((i: any) => ({ checkItemId: i.checkItem.id, outcome: i.checkItem.code === 'C4' ? 'NON_COMPLIANT' : 'COMPLIANT' })),
        resultCodes: [5, 8],
        orders: [{ kind: 'RECTIFY', delivery: 'WRITTEN', content: '限三日内悬挂《网络文化经营许可证》', deadline: '2022-08-13', checkItemId: ids[3] }],
      },
      market: { items: ids.map((checkItemId) => ({ checkItemId, outcome: 'NOT_APPLICABLE' })), resultCodes: [4], orders: [] },
      fire: {
        items: ids.map((checkItemId, i) => (i === 0 ? { checkItemId, outcome: 'NON_COMPLIANT', note: FIRE_FACTS } : { checkItemId, outcome: 'COMPLIANT' })),
        resultCodes: [5],
        orders: [{ kind: 'RECTIFY', delivery: 'WRITTEN', content: '清除疏散通道内堆放的杂物，保持畅通', deadline: '2022-09-08', checkItemId: ids[0] }],
      },
    }[department];
    const saved = await call(user, `mutation($input: SaveSectionInput!) { ${department}SaveSection(input: $input) { version } }`, {
      input: { inspectionId: visit.id, planId: PLAN_2022.id, expectedVersion: section.version, idempotencyKey: randomUUID(), ...byDepartment },
    });
    expect(saved.errors).toBeUndefined();
    const submitted = await call(user, `mutation($input: SubmitSectionInput!) { ${department}SubmitSection(input: $input) { status } }`, {
      input: { inspectionId: visit.id, expectedVersion: saved.data[`${department}SaveSection`].version, idempotencyKey: randomUUID() },
    });
    expect(submitted.errors).toBeUndefined();
  }

  const result = async (department: Department) =>
    (await call('office', `query($id: ID!) { ${department}Result(inspectionId: $id) { version status } }`, { id: visit.id })).data[`${department}Result`];

  /** The department's inspector enters the result, its admin publishes it (R-PUB-1). */
  async function publish(department: Department, summary: string) {
    const pending = await result(department);
    const entered = await call(`${department}-inspector`, `mutation($input: EnterResultInput!) { ${department}EnterResult(input: $input) { version } }`, {
      input: { inspectionId: visit.id, expectedVersion: pending.version, summary },
    });
    expect(entered.errors).toBeUndefined();
    const published = await call(`${department}-admin`, `mutation($input: PublishResultInput!) { ${department}PublishResult(input: $input) { status } }`, {
      input: { inspectionId: visit.id, expectedVersion: entered.data[`${department}EnterResult`].version },
    });
    expect(published.errors).toBeUndefined();
  }

  beforeAll(async () => {
    platform = await startPlatform({ db });
    gateway = platform.urls.gateway;
    files = new URL(gateway).origin;
    for (const user of USERS) tokens[user] = await login(gateway, user);
    await submitSection('culture', 'culture-inspector');
    await submitSection('market', 'market-inspector');
    await submitSection('fire', 'fire-inspector');
    for (const inspectorId of [visit.leaderId, officer('market', 1).id, officer('fire', 1).id]) {
      const signed = await call('culture-inspector', 'mutation($input: OfficerSignatureInput!) { signRecordForm(input: $input) { id } }', {
        input: { inspectionId: visit.id, inspectorId, image: dataUrl(signaturePng(120, 40, parseInt(inspectorId.slice(-2), 16))), ...signerOf(inspectorId), idempotencyKey: randomUUID() },
      });
      expect(signed.errors).toBeUndefined();
    }
    const venueSigned = await call('culture-inspector', 'mutation($input: VenueSignatureInput!) { recordVenueSignature(input: $input) { status } }', {
      input: { inspectionId: visit.id, signerName: '场所负责人', signature: dataUrl(signaturePng(120, 40, 7)), stamp: dataUrl(signaturePng(80, 80, 3)), idempotencyKey: randomUUID() },
    });
    expect(venueSigned.data?.recordVenueSignature.status).toBe('COMPLETED');
    await eventually(() => Promise.all(DEPARTMENTS.map(result)), (results) => results.every(Boolean));
  });
  afterAll(() => platform?.close());

  it('fire: the re-inspection falls due 3 working days after the rectification deadline, across the Mid-Autumn holiday (R-PUB-3, R-CAL-1); the others keep the deadline', async () => {
    const fire = await eventually(async () => (await call('fire-admin', 'query { fireFollowUps(first: 10) { totalCount nodes { id version rectificationDeadline dueOn } } }')).data.fireFollowUps, (page) => page.totalCount === 1);
    // Thu 09-08 → Fri 09-09, (Sat–Mon holiday), Tue 09-13, Wed 09-14: not the calendar's 09-11.
    expect(fire.nodes[0]).toMatchObject({ rectificationDeadline: '2022-09-08', dueOn: '2022-09-14' });
    const culture = (await call('culture-admin', 'query { cultureFollowUps(first: 10) { nodes { rectificationDeadline dueOn } } }')).data.cultureFollowUps;
    expect(culture.nodes[0]).toEqual({ rectificationDeadline: '2022-08-13', dueOn: '2022-08-13' });
    // The 复查意见 is required: a blank one is refused, naming the field, and the task stays open.
    const blank = await call('fire-inspector', 'mutation($input: RecordReinspectionInput!) { fireRecordReinspection(input: $input) { state } }', {
      input: { followUpId: fire.nodes[0].id, expectedVersion: fire.nodes[0].version, outcome: 'RECTIFIED', reinspectedOn: '2022-09-14', opinion: '  ' },
    });
    expect(blank.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'opinion' });
    const after = (await call('fire-admin', 'query { fireFollowUps(first: 10, state: OPEN) { totalCount } }')).data.fireFollowUps;
    expect(after.totalCount).toBe(1);
  });

  it('fire: a numbered 责令改正通知书 for the order, printable as a PDF by fire, the office and the team; refused to others', async () => {
    const notices = await eventually(async () => (await call('fire-admin', NOTICES)).data.fireOrderNotices, (page) => page.totalCount === 1);
    const notice = notices.nodes[0];
    expect(notice).toMatchObject({ inspectionId: visit.id, venueName: venue.name, facts: FIRE_FACTS, orderContent: '清除疏散通道内堆放的杂物，保持畅通', rectificationDeadline: '2022-09-08' });
    expect(notice.documentNumber).toMatch(/^卫东消责改〔\d{4}〕第0001号$/);
    expect(notice.pdfUrl).toBe(`/files/fire/orders/${notice.orderId}/notice.pdf`);

    const response = await pdf('fire-admin', notice.pdfUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const text = (await extractPdfText(new Uint8Array(await response.arrayBuffer()))).replace(/\s+/g, '');
    for (const expected of ['责令改正通知书', notice.documentNumber, venue.name, FIRE_FACTS, notice.itemTitle, '清除疏散通道内堆放的杂物，保持畅通', '2022年9月8日', '卫东区消防救援大队']) {
      expect(text).toContain(expected.replace(/\s+/g, ''));
    }
    expect((await pdf('office', notice.pdfUrl)).status).toBe(200);
    // The culture officer led the visit: on the team, so the venue's letter is theirs to hand over too.
    expect((await pdf('culture-inspector', notice.pdfUrl)).status).toBe(200);
    const refused = await pdf('market-admin', notice.pdfUrl);
    expect(refused.status).toBe(403);
    expect((await refused.json()).code).toBe('FORBIDDEN');
    const unknown = await pdf('fire-admin', `/files/fire/orders/${randomUUID()}/notice.pdf`);
    expect(unknown.status).toBe(404);
    const bad = await pdf('fire-admin', '/files/fire/orders/%3Cx%3E/notice.pdf');
    expect(await bad.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orderId' });
    expect((await call('market-admin', NOTICES)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('market: publishing a result coded 4 proposes 经营异常名录 with the reason; others may not decide; withdraw needs a reason; confirm once', async () => {
    expect((await call('market-admin', LISTINGS)).data.marketAbnormalListings.totalCount).toBe(0);
    await publish('market', '通过登记的住所无法联系该企业');
    const listings = (await call('market-admin', LISTINGS)).data.marketAbnormalListings;
    expect(listings.totalCount).toBe(1);
    const proposal = listings.nodes[0];
    expect(proposal).toMatchObject({ inspectionId: visit.id, venueName: venue.name, reason: '通过登记的住所或者经营场所无法联系', legalBasis: '《企业经营异常名录管理暂行办法》第四条', state: 'PROPOSED', version: 1 });

    const confirm = `mutation($input: ConfirmAbnormalListingInput!) { marketConfirmAbnormalListing(input: $input) { ${LISTING_FIELDS} } }`;
    const withdraw = `mutation($input: WithdrawAbnormalListingInput!) { marketWithdrawAbnormalListing(input: $input) { ${LISTING_FIELDS} } }`;
    for (const user of ['culture-admin', 'market-inspector', 'office']) {
      const refused = await call(user, confirm, { input: { id: proposal.id, expectedVersion: 1 } });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await call('culture-admin', LISTINGS)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const noReason = await call('market-admin', withdraw, { input: { id: proposal.id, expectedVersion: 1, reason: ' ' } });
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const stale = await call('market-admin', confirm, { input: { id: proposal.id, expectedVersion: 7 } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
    // Nothing changed by the refusals.
    expect((await call('market-admin', LISTINGS)).data.marketAbnormalListings.nodes[0]).toEqual(proposal);

    const confirmed = await call('market-admin', confirm, { input: { id: proposal.id, expectedVersion: 1 } });
    expect(confirmed.data.marketConfirmAbnormalListing).toMatchObject({ state: 'CONFIRMED', version: 2, decidedByName: expect.any(String) });
    const again = await call('market-admin', withdraw, { input: { id: proposal.id, expectedVersion: 2, reason: '企业已取得联系' } });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await call('office', LISTINGS, { state: 'CONFIRMED' })).data.marketAbnormalListings.totalCount).toBe(1);
  });

  it('culture: publishing a result coded 8 hands off a penalty case, filed with its 立案号 and moved 调查 → 处罚决定 → 结案, one stage at a time', async () => {
    expect((await call('culture-admin', CASES)).data.culturePenaltyCases.totalCount).toBe(0);
    await publish('culture', '未悬挂《网络文化经营许可证》，已责令改正，待后续处理');
    const cases = (await call('culture-admin', CASES)).data.culturePenaltyCases;
    expect(cases.totalCount).toBe(1);
    const handedOff = cases.nodes[0];
    expect(handedOff).toMatchObject({ inspectionId: visit.id, venueName: venue.name, state: 'AWAITING_FILING', caseNumber: null, version: 1 });

    const file = `mutation($input: FilePenaltyCaseInput!) { cultureFilePenaltyCase(input: $input) { ${CASE_FIELDS} } }`;
    const advance = `mutation($input: AdvancePenaltyCaseInput!) { cultureAdvancePenaltyCase(input: $input) { ${CASE_FIELDS} } }`;
    const filing = { id: handedOff.id, expectedVersion: 1, caseNumber: '卫文旅立〔2022〕12号', filedOn: handedOff.handedOffOn };
    for (const user of ['market-admin', 'culture-inspector', 'fire-admin']) {
      expect((await call(user, file, { input: filing })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await call('culture-admin', file, { input: { ...filing, filedOn: '2022-02-30' } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filedOn' });
    expect((await call('culture-admin', file, { input: { ...filing, filedOn: '2000-01-03' } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filedOn' });
    expect((await call('culture-admin', advance, { input: { id: handedOff.id, expectedVersion: 1, to: 'INVESTIGATING', on: handedOff.handedOffOn } })).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await call('culture-admin', CASES)).data.culturePenaltyCases.nodes[0]).toEqual(handedOff);

    const filed = (await call('culture-admin', file, { input: filing })).data.cultureFilePenaltyCase;
    expect(filed).toMatchObject({ state: 'FILED', caseNumber: '卫文旅立〔2022〕12号', filedOn: handedOff.handedOffOn, version: 2 });
    let current = filed;
    for (const to of ['INVESTIGATING', 'DECIDED', 'CLOSED']) {
      const moved = await call('culture-admin', advance, { input: { id: current.id, expectedVersion: current.version, to, on: handedOff.handedOffOn } });
      expect(moved.errors).toBeUndefined();
      current = moved.data.cultureAdvancePenaltyCase;
      expect(current.state).toBe(to);
    }
    const closed = await call('culture-admin', advance, { input: { id: current.id, expectedVersion: current.version, to: 'CLOSED', on: handedOff.handedOffOn } });
    expect(closed.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await call('office', CASES)).data.culturePenaltyCases.nodes[0]).toMatchObject({ state: 'CLOSED', version: 5 });
  });

  it('each feature lives only in its own department\'s subgraph schema', async () => {
    const sdl: Record<string, string> = {};
    for (const department of DEPARTMENTS) {
      const answer = await graphql(platform.urls.graphql[department], 'query { _service { sdl } }', {}, tokens.office);
      sdl[department] = answer.data._service.sdl;
    }
    const own = { fire: ['FireOrderNotice', 'fireOrderNotices'], market: ['MarketAbnormalListing', 'marketConfirmAbnormalListing'], culture: ['CulturePenaltyCase', 'cultureFilePenaltyCase'] } as const;
    for (const department of DEPARTMENTS) {
      for (const other of DEPARTMENTS) {
        for (const name of own[other]) expect(sdl[department].includes(name)).toBe(department === other);
      }
      // Culture has no 经营异常名录 types, market no penalty cases, and so on.
      for (const [word, owner] of [['经营异常名录', 'market'], ['行政处罚案件', 'culture'], ['责令改正通知书', 'fire']] as const) expect(sdl[department].includes(word)).toBe(department === owner);
    }
  });
});
