import { randomUUID } from 'node:crypto';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { chinaDateOf, DEPARTMENTS, PLAN_2022, type Department } from '@dr/domain';
import { demoInspections, demoInspectors } from '@dr/demo-data';
import { testDatabases } from '@dr/config-jest/databases';
import { graphql, login } from './graphql';
import { dataUrl, signaturePng } from './images';
import { signerOf } from './signers';

const SENT_FIELDS = 'id inspectionId toDepartment toAuthority facts legalBasis evidenceIds channel sentOn deadline late state answerReason answeredOn answeredByName sentByName version';
const RECEIVED_FIELDS = `id fromDepartment inspectionId venueId venueName facts legalBasis sentOn sentByName answerDeadline overdue workingDaysLeft state answerReason answeredOn answeredByName version
  evidence { id fileName sha256 url }`;
const FOLLOW_UP_FIELDS = 'id inspectionId orderId venueId orderContent orderedOn rectificationDeadline dueOn state outcome reinspectedOn opinion reinspectedByName version overdue workingDaysLeft';
const SENT = (d: Department) => `query Sent($state: ReferralState) { ${d}ReferralsSent(first: 100, state: $state) { totalCount nodes { ${SENT_FIELDS} } } }`;
const RECEIVED = (d: Department) => `query Received($state: ReferralState) { ${d}ReferralsReceived(first: 100, state: $state) { totalCount nodes { ${RECEIVED_FIELDS} } } }`;
const FOLLOW_UPS = (d: Department) =>
  `query FollowUps($state: FollowUpState, $within: Int) { ${d}FollowUps(first: 100, state: $state, dueWithinWorkingDays: $within) { totalCount nodes { ${FOLLOW_UP_FIELDS} } } }`;
const MUTATIONS = {
  send: ['SendReferral', 'SendReferralInput', SENT_FIELDS],
  answer: ['AnswerReferral', 'AnswerReferralInput', RECEIVED_FIELDS],
  acknowledge: ['AcknowledgeReferral', 'AcknowledgeReferralInput', SENT_FIELDS],
  reinspect: ['RecordReinspection', 'RecordReinspectionInput', FOLLOW_UP_FIELDS],
} as const;
type Write = keyof typeof MUTATIONS;
const WRITE = (d: Department, write: Write) => `mutation Write($input: ${MUTATIONS[write][1]}!) { ${d}${MUTATIONS[write][0]}(input: $input) { ${MUTATIONS[write][2]} } }`;
const USERS = ['office', 'culture-admin', 'market-admin', 'fire-admin', 'culture-inspector', 'market-inspector', 'fire-inspector'] as const;
const POLICE = '卫东区公安分局';

const officer = (department: Department, n: number) => demoInspectors().filter((i) => i.department === department)[n - 1];

describe.each(testDatabases())('referrals (R-RES-3) and follow-up (R-PUB-3) through the gateway on %s', (db: 'sqlite' | 'mariadb') => {
  let platform: Platform;
  let gateway: string;
  let files: string;
  const tokens: Record<string, string> = {};
  const [visit] = demoInspections();
  const today = chinaDateOf(new Date());
  let evidenceId: string;

  const call = (user: string | null, query: string, variables: Record<string, unknown> = {}) => graphql(gateway, query, variables, user ? tokens[user] : undefined);
  const write = (department: Department, kind: Write, user: string | null, input: Record<string, unknown>) => call(user, WRITE(department, kind), { input });
  const sent = async (department: Department, state?: string) => (await call(`${department}-admin`, SENT(department), { state })).data[`${department}ReferralsSent`];
  const received = async (department: Department, state?: string) => (await call(`${department}-admin`, RECEIVED(department), { state })).data[`${department}ReferralsReceived`];
  const followUps = async (department: Department, variables: Record<string, unknown> = {}) => (await call(`${department}-admin`, FOLLOW_UPS(department), variables)).data[`${department}FollowUps`];
  const venue = async () => (await call('office', 'query($id: ID!) { venue(id: $id) { lastInspectionDate lastInspectionProblemFound } }', { id: visit.venueId })).data.venue;
  const result = async (department: Department) =>
    (await call('office', `query($id: ID!) { ${department}Result(inspectionId: $id) { version status resultCodes referralDeadline referralNeeded referralOverdue } }`, { id: visit.id })).data[`${department}Result`];

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

  /** Culture finds C4 not compliant, orders it put right by 2022-08-13, and codes the result 5 + 8 (待后续处理); the others find nothing. */
  async function submitSection(department: Department, user: string) {
    const query = `query($id: ID!) { inspection(id: $id) { ${department}Section { version items { checkItem { id code } } } } }`;
    const section = (await call(user, query, { id: visit.id })).data.inspection[`${department}Section`];
    const culture = department === 'culture';
    const items = section.items.map((i: any) => ({ checkItemId: i.checkItem.id, outcome: culture && i.checkItem.code === 'C4' ? 'NON_COMPLIANT' : 'COMPLIANT' }));
    const extra = culture
      ? { resultCodes: [5, 8], orders: [{ kind: 'RECTIFY', delivery: 'WRITTEN', content: '限三日内悬挂《网络文化经营许可证》', deadline: '2022-08-13', checkItemId: items[3].checkItemId }] }
      : { resultCodes: [1, 9], orders: [] };
    const saved = await call(user, `mutation($input: SaveSectionInput!) { ${department}SaveSection(input: $input) { version } }`, {
      input: { inspectionId: visit.id, planId: PLAN_2022.id, expectedVersion: section.version, idempotencyKey: randomUUID(), items, ...extra },
    });
    expect(saved.errors).toBeUndefined();
    const submitted = await call(user, `mutation($input: SubmitSectionInput!) { ${department}SubmitSection(input: $input) { status } }`, {
      input: { inspectionId: visit.id, expectedVersion: saved.data[`${department}SaveSection`].version, idempotencyKey: randomUUID() },
    });
    expect(submitted.errors).toBeUndefined();
  }

  beforeAll(async () => {
    platform = await startPlatform({ db });
    gateway = platform.urls.gateway;
    files = new URL(gateway).origin;
    for (const user of USERS) tokens[user] = await login(gateway, user);
    // A photo in culture's record, to be named in a referral.
    const photo = signaturePng(64, 64, 11);
    const uploaded = await fetch(`${files}/files/culture/evidence?inspectionId=${visit.id}`, {
      method: 'POST',
      body: new Uint8Array(photo),
      headers: { authorization: `Bearer ${tokens['culture-inspector']}`, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('未悬挂许可证.png') },
    });
    expect(uploaded.status).toBe(201);
    evidenceId = (await uploaded.json()).id;
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

  it('signing opens a follow-up for culture\'s order to rectify, due on its deadline; the others have none; only the department and the office read it (R-PUB-3)', async () => {
    const tasks = await eventually(() => followUps('culture'), (page) => page.totalCount === 1);
    expect(tasks.nodes[0]).toMatchObject({
      inspectionId: visit.id,
      venueId: visit.venueId,
      orderContent: '限三日内悬挂《网络文化经营许可证》',
      orderedOn: '2022-08-10',
      rectificationDeadline: '2022-08-13',
      dueOn: '2022-08-13',
      state: 'OPEN',
      outcome: null,
      version: 1,
      // Long past: overdue, a negative count of working days.
      overdue: true,
    });
    expect(tasks.nodes[0].workingDaysLeft).toBeLessThan(0);
    // Overdue ones are "due within 0 working days"; none are closed yet.
    expect((await followUps('culture', { within: 0 })).totalCount).toBe(1);
    expect((await followUps('culture', { state: 'CLOSED' })).totalCount).toBe(0);
    expect((await followUps('market')).totalCount).toBe(0);
    expect((await followUps('fire')).totalCount).toBe(0);
    const officeRead = await call('office', FOLLOW_UPS('culture'));
    expect(officeRead.data.cultureFollowUps.totalCount).toBe(1);
    const foreign = await call('market-admin', FOLLOW_UPS('culture'));
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const tooFar = await call('culture-admin', FOLLOW_UPS('culture'), { within: 999 });
    expect(tooFar.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dueWithinWorkingDays' });
  });

  it('a result coded 8 needs a referral within 7 working days of signing; it is not overdue yet (R-RES-3)', async () => {
    const culture = await result('culture');
    expect(culture.referralDeadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(culture.referralDeadline > today).toBe(true);
    expect(culture.referralOverdue).toBe(false);
    // Codes are read from the entered result: enter culture's (5 + 8 from the section).
    const entered = await call('culture-inspector', 'mutation($input: EnterResultInput!) { cultureEnterResult(input: $input) { resultCodes referralNeeded referralOverdue } }', {
      input: { inspectionId: visit.id, expectedVersion: culture.version, summary: '未悬挂《网络文化经营许可证》，已责令限期改正，涉嫌无照经营线索待移送' },
    });
    expect(entered.data.cultureEnterResult).toEqual({ resultCodes: [5, 8], referralNeeded: true, referralOverdue: false });
    expect((await result('market')).referralNeeded).toBe(false);
  });

  it('refused referrals change nothing: itself as receiver, both or neither receiver, evidence not its own, no facts, another department (FORBIDDEN)', async () => {
    const base = { inspectionId: visit.id, facts: '店内另设食品销售柜台，未见食品经营许可', legalBasis: '《食品安全法》第三十五条', evidenceIds: [evidenceId] };
    const cases: [string | null, Record<string, unknown>, string, string | undefined][] = [
      ['culture-inspector', { ...base, toDepartment: 'CULTURE' }, 'BAD_USER_INPUT', 'toDepartment'],
      ['culture-inspector', { ...base, toDepartment: 'MARKET', toAuthority: POLICE }, 'BAD_USER_INPUT', 'toDepartment'],
      ['culture-inspector', { ...base }, 'BAD_USER_INPUT', 'toDepartment'],
      ['culture-inspector', { ...base, toDepartment: 'MARKET', evidenceIds: [randomUUID()] }, 'BAD_USER_INPUT', 'evidenceIds'],
      ['culture-inspector', { ...base, toDepartment: 'MARKET', facts: ' ' }, 'BAD_USER_INPUT', 'facts'],
      ['culture-inspector', { ...base, toDepartment: 'MARKET', legalBasis: '' }, 'BAD_USER_INPUT', 'legalBasis'],
      ['culture-inspector', { ...base, toDepartment: 'MARKET', sentOn: today }, 'BAD_USER_INPUT', 'channel'],
      ['culture-inspector', { ...base, toAuthority: POLICE, sentOn: today }, 'BAD_USER_INPUT', 'channel'],
      ['culture-inspector', { ...base, toAuthority: POLICE, channel: 'LETTER', sentOn: '2099-01-01' }, 'BAD_USER_INPUT', 'sentOn'],
      ['culture-inspector', { ...base, toAuthority: POLICE, channel: 'LETTER', sentOn: '2022-08-09' }, 'BAD_USER_INPUT', 'sentOn'],
      ['culture-inspector', { ...base, toAuthority: POLICE, channel: 'LETTER', sentOn: '2022-02-30' }, 'BAD_USER_INPUT', 'sentOn'],
      ['culture-inspector', { ...base, inspectionId: randomUUID(), toDepartment: 'MARKET' }, 'NOT_FOUND', 'inspectionId'],
      ['market-admin', { ...base, toDepartment: 'FIRE' }, 'FORBIDDEN', undefined],
    ];
    for (const [user, input, code, field] of cases) {
      const answer = await write('culture', 'send', user, input);
      expect({ input, error: answer.errors?.[0].extensions }).toMatchObject({ input, error: { code, ...(field ? { field } : {}) } });
      expect(answer.errors?.[0].message).toMatch(/[\u4e00-\u9fff]/);
      expect(answer.errors?.[0].message).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    }
    expect((await sent('culture')).totalCount).toBe(0);
    expect((await received('market')).totalCount).toBe(0);
  });

  it('to market: one accepted, one returned with a reason; both sides see the state; an answer is given once (R-RES-3, ADR 0013)', async () => {
    const send = (facts: string) =>
      write('culture', 'send', 'culture-inspector', { inspectionId: visit.id, toDepartment: 'MARKET', facts, legalBasis: '《食品安全法》第三十五条', evidenceIds: [evidenceId] });
    const first = await send('店内另设食品销售柜台，未见食品经营许可');
    expect(first.errors).toBeUndefined();
    expect(first.data.cultureSendReferral).toMatchObject({
      toDepartment: 'MARKET',
      toAuthority: null,
      channel: 'SYSTEM',
      sentOn: today,
      late: false,
      state: 'SENT',
      evidenceIds: [evidenceId],
      sentByName: '文广旅执法人员（演示）',
      version: 1,
    });
    const second = await send('柜台出售的饮料标签不全');
    expect(second.errors).toBeUndefined();
    const [a, b] = [first.data.cultureSendReferral, second.data.cultureSendReferral];
    // Once culture refers, the result is no longer waiting for a referral.
    expect((await result('culture')).referralOverdue).toBe(false);

    const inbox = await eventually(() => received('market'), (page) => page.totalCount === 2);
    const incoming = inbox.nodes.find((n: any) => n.id === a.id);
    expect(incoming).toMatchObject({
      fromDepartment: 'CULTURE',
      inspectionId: visit.id,
      venueId: visit.venueId,
      facts: '店内另设食品销售柜台，未见食品经营许可',
      legalBasis: '《食品安全法》第三十五条',
      sentOn: today,
      state: 'SENT',
      overdue: false,
      workingDaysLeft: 7,
      version: 1,
      evidence: [{ id: evidenceId, fileName: '未悬挂许可证.png', url: `/files/culture/evidence/${evidenceId}` }],
    });
    expect(incoming.answerDeadline > today).toBe(true);
    // Fire got nothing; culture cannot answer market's inbox; a market inspector may not answer.
    expect((await received('fire')).totalCount).toBe(0);
    expect((await write('market', 'answer', 'culture-admin', { referralId: a.id, expectedVersion: 1, decision: 'ACCEPT' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await write('market', 'answer', 'market-inspector', { referralId: a.id, expectedVersion: 1, decision: 'ACCEPT' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const stale = await write('market', 'answer', 'market-admin', { referralId: a.id, expectedVersion: 0, decision: 'ACCEPT' });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion', currentVersion: 1 });
    const noReason = await write('market', 'answer', 'market-admin', { referralId: b.id, expectedVersion: 1, decision: 'RETURN', reason: ' ' });
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await received('market', 'SENT')).totalCount).toBe(2);

    const accepted = await write('market', 'answer', 'market-admin', { referralId: a.id, expectedVersion: 1, decision: 'ACCEPT' });
    expect(accepted.data.marketAnswerReferral).toMatchObject({ state: 'ACCEPTED', answeredOn: today, answeredByName: '市场监管局管理员（演示）', answerReason: null, version: 2, workingDaysLeft: null });
    const returned = await write('market', 'answer', 'market-admin', { referralId: b.id, expectedVersion: 1, decision: 'RETURN', reason: '饮料标签属预包装食品，请补充照片后再移送' });
    expect(returned.data.marketAnswerReferral).toMatchObject({ state: 'RETURNED', answerReason: '饮料标签属预包装食品，请补充照片后再移送', version: 2 });
    const again = await write('market', 'answer', 'market-admin', { referralId: a.id, expectedVersion: 2, decision: 'RETURN', reason: '改变主意' });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'referralId' });

    // The sender sees the answers.
    const outbox = await eventually(() => sent('culture'), (page) => page.nodes.every((n: any) => n.state !== 'SENT'));
    expect(outbox.nodes.find((n: any) => n.id === a.id)).toMatchObject({ state: 'ACCEPTED', answeredOn: today, answeredByName: '市场监管局管理员（演示）', version: 2 });
    expect(outbox.nodes.find((n: any) => n.id === b.id)).toMatchObject({ state: 'RETURNED', answerReason: '饮料标签属预包装食品，请补充照片后再移送', version: 2 });
    expect((await sent('culture', 'ACCEPTED')).totalCount).toBe(1);
    expect((await received('market', 'RETURNED')).nodes.map((n: any) => n.id)).toEqual([b.id]);
  });

  it('to an outside authority: recorded with how and when it went; the admin marks it acknowledged', async () => {
    const referral = await write('culture', 'send', 'culture-admin', {
      inspectionId: visit.id,
      toAuthority: ` ${POLICE} `,
      channel: 'LETTER',
      sentOn: today,
      facts: '场所内有人员疑似使用他人身份证上网',
      legalBasis: '《互联网上网服务营业场所管理条例》第二十三条',
      evidenceIds: [],
    });
    expect(referral.errors).toBeUndefined();
    const row = referral.data.cultureSendReferral;
    expect(row).toMatchObject({ toDepartment: null, toAuthority: POLICE, channel: 'LETTER', sentOn: today, state: 'SENT', evidenceIds: [] });
    const ack = (user: string, input: Record<string, unknown>) => write('culture', 'acknowledge', user, { referralId: row.id, expectedVersion: row.version, acknowledgedOn: today, ...input });
    expect((await ack('culture-inspector', {})).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await ack('market-admin', {})).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await ack('culture-admin', { acknowledgedOn: '2022-08-01' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'acknowledgedOn' });
    expect((await ack('culture-admin', { acknowledgedOn: '2099-08-01' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'acknowledgedOn' });
    expect((await ack('culture-admin', { expectedVersion: 7 })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion', currentVersion: 1 });
    // A platform department answers for itself.
    const platformOne = (await sent('culture', 'ACCEPTED')).nodes[0];
    expect((await write('culture', 'acknowledge', 'culture-admin', { referralId: platformOne.id, expectedVersion: platformOne.version, acknowledgedOn: today })).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await sent('culture', 'SENT')).nodes).toEqual([expect.objectContaining({ id: row.id, state: 'SENT', version: 1 })]);

    const acknowledged = await ack('culture-admin', {});
    expect(acknowledged.data.cultureAcknowledgeReferral).toMatchObject({ state: 'ACKNOWLEDGED', answeredOn: today, answeredByName: POLICE, version: 2 });
    expect((await sent('culture')).totalCount).toBe(3);
  });

  it('publication and the re-inspection move the venue\'s last inspection forward in the office; refusals change nothing (R-PUB-3)', async () => {
    const pending = await call('office', 'query($id: ID!) { cultureResult(inspectionId: $id) { version } }', { id: visit.id });
    const published = await call('culture-admin', 'mutation($input: PublishResultInput!) { culturePublishResult(input: $input) { status } }', {
      input: { inspectionId: visit.id, expectedVersion: pending.data.cultureResult.version },
    });
    expect(published.data?.culturePublishResult.status).toBe('PUBLISHED');
    // The result (5 + 8: a problem found) reaches the office's directory.
    expect(await eventually(venue, (v) => v.lastInspectionDate === '2022-08-10')).toEqual({ lastInspectionDate: '2022-08-10', lastInspectionProblemFound: true });

    const [task] = (await followUps('culture')).nodes;
    const reinspect = (user: string, input: Record<string, unknown>) =>
      write('culture', 'reinspect', user, { followUpId: task.id, expectedVersion: task.version, outcome: 'RECTIFIED', reinspectedOn: '2022-08-15', opinion: '已在显著位置悬挂许可证，整改到位', ...input });
    const refusals: [string, Record<string, unknown>, string, string | undefined][] = [
      ['market-admin', {}, 'FORBIDDEN', undefined],
      ['office', {}, 'FORBIDDEN', undefined],
      ['culture-inspector', { reinspectedOn: '2022-08-09' }, 'BAD_USER_INPUT', 'reinspectedOn'],
      ['culture-inspector', { reinspectedOn: '2099-08-15' }, 'BAD_USER_INPUT', 'reinspectedOn'],
      ['culture-inspector', { reinspectedOn: '15/08/2022' }, 'BAD_USER_INPUT', 'reinspectedOn'],
      ['culture-inspector', { opinion: ' ' }, 'BAD_USER_INPUT', 'opinion'],
      ['culture-inspector', { expectedVersion: task.version + 1 }, 'CONFLICT', 'expectedVersion'],
    ];
    for (const [user, input, code, field] of refusals) {
      const answer = await reinspect(user, input);
      expect({ user, input, error: answer.errors?.[0].extensions }).toMatchObject({ user, input, error: { code, ...(field ? { field } : {}) } });
    }
    expect((await followUps('culture')).nodes).toEqual([task]);

    const closed = await reinspect('culture-inspector', {});
    expect(closed.errors).toBeUndefined();
    expect(closed.data.cultureRecordReinspection).toMatchObject({
      state: 'CLOSED',
      outcome: 'RECTIFIED',
      reinspectedOn: '2022-08-15',
      opinion: '已在显著位置悬挂许可证，整改到位',
      reinspectedByName: '文广旅执法人员（演示）',
      version: 2,
      overdue: false,
      workingDaysLeft: null,
    });
    expect((await reinspect('culture-admin', { expectedVersion: 2 })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'followUpId' });
    expect((await followUps('culture', { state: 'OPEN' })).totalCount).toBe(0);
    expect(await eventually(venue, (v) => v.lastInspectionDate === '2022-08-15')).toEqual({ lastInspectionDate: '2022-08-15', lastInspectionProblemFound: false });

    // Market publishes its result of the 2022-08-10 visit afterwards: older than the re-inspection, so the office keeps 08-15.
    const marketResult = await call('office', 'query($id: ID!) { marketResult(inspectionId: $id) { version } }', { id: visit.id });
    const marketEntered = await call('market-inspector', 'mutation($input: EnterResultInput!) { marketEnterResult(input: $input) { version } }', {
      input: { inspectionId: visit.id, expectedVersion: marketResult.data.marketResult.version, summary: '未发现问题' },
    });
    const marketPublished = await call('market-admin', 'mutation($input: PublishResultInput!) { marketPublishResult(input: $input) { status } }', {
      input: { inspectionId: visit.id, expectedVersion: marketEntered.data.marketEnterResult.version },
    });
    expect(marketPublished.data?.marketPublishResult.status).toBe('PUBLISHED');
    // Several relay polls (250 ms each) later, the venue is as it was.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await venue()).toEqual({ lastInspectionDate: '2022-08-15', lastInspectionProblemFound: false });
  });

  it('role matrix: who may send, answer, acknowledge and record a re-inspection, per department (R-PUB-2)', async () => {
    // Every cell names something that does not exist: an allowed caller gets past the role checks to NOT_FOUND, so nothing changes.
    const allowed = (user: string, department: Department, kind: Write): boolean => {
      if (user === 'office' || !user.startsWith(department)) return false;
      return user.endsWith('-admin') || kind === 'send' || kind === 'reinspect';
    };
    const input = (kind: Write) =>
      kind === 'send'
        ? { inspectionId: randomUUID(), toAuthority: POLICE, channel: 'IN_PERSON', sentOn: '2022-08-11', facts: '矩阵', legalBasis: '矩阵', evidenceIds: [] }
        : kind === 'answer'
          ? { referralId: randomUUID(), expectedVersion: 1, decision: 'ACCEPT' }
          : kind === 'acknowledge'
            ? { referralId: randomUUID(), expectedVersion: 1, acknowledgedOn: today }
            : { followUpId: randomUUID(), expectedVersion: 1, outcome: 'RECTIFIED', reinspectedOn: '2022-08-15', opinion: '矩阵' };
    const snapshot = () => Promise.all(DEPARTMENTS.flatMap((d) => [sent(d), received(d), followUps(d)]));
    const before = await snapshot();
    const cells: string[] = [];
    for (const department of DEPARTMENTS) {
      for (const kind of Object.keys(MUTATIONS) as Write[]) {
        for (const user of [null, ...USERS]) {
          const answer = await write(department, kind, user, input(kind));
          const code = answer.errors?.[0].extensions?.code;
          const want = !user ? 'UNAUTHENTICATED' : allowed(user, department, kind) ? 'NOT_FOUND' : 'FORBIDDEN';
          const cell = `${user ?? 'anonymous'} ${department}${MUTATIONS[kind][0]}`;
          cells.push(cell);
          expect(`${cell}: ${code}`).toBe(`${cell}: ${want}`);
        }
      }
    }
    expect(cells).toHaveLength(3 * 4 * 8);
    expect(await snapshot()).toEqual(before);
  });

  it('a year the office loads reaches every department, whose deadlines then count with it, without a restart (R-CAL-2)', async () => {
    // 60 working days from today reach into next year, which nobody has loaded yet: refused, never guessed.
    const next = Number(today.slice(0, 4)) + 1;
    const within = (department: Department) => call(`${department}-admin`, FOLLOW_UPS(department), { within: 60 });
    for (const department of DEPARTMENTS) expect((await within(department)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dueWithinWorkingDays' });
    // Test data shaped like a notice, not a real arrangement.
    const loaded = await call('office', 'mutation Load($input: LoadCalendarYearInput!) { loadCalendarYear(input: $input) { year origin } }', {
      input: { year: next, source: `国务院办公厅关于${next}年部分节假日安排的通知（测试数据）`, holidays: [`${next}-01-01`], workingDays: [] },
    });
    expect(loaded.data?.loadCalendarYear).toEqual({ year: next, origin: 'LOADED' });
    for (const department of DEPARTMENTS) {
      const answer = await eventually(() => within(department), (response) => !response.errors);
      expect(answer.data[`${department}FollowUps`].totalCount).toBe(0);
    }
  });
});
