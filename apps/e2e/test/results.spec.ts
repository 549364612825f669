import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { chinaDateOf, DEPARTMENTS, PLAN_2022, type Department } from '@dr/domain';
import { demoInspections, demoInspectors, demoVenues } from '@dr/demo-data';
import { testDatabases } from '@dr/config-jest/databases';
import { graphql, login } from './graphql';
import { dataUrl, signaturePng } from './images';
import { signerOf } from './signers';

const RESULT_FIELDS = `inspectionId status version revision planTitle inspectedOn signedOn publicationDeadline workingDaysLeft overdue
  venue { id name uscc } resultCodes summary returnReason enteredByName publishedByName publishedAt publishedOn
  original { resultCodes summary } corrections { version reason changedBy before { resultCodes summary } after { resultCodes summary } }`;
const RESULT = (d: Department) => `query Result($id: ID!) { ${d}Result(inspectionId: $id) { ${RESULT_FIELDS} } }`;
const MUTATIONS = { enter: 'EnterResult', return: 'ReturnResult', publish: 'PublishResult', correct: 'CorrectResult' } as const;
type Write = keyof typeof MUTATIONS;
const INPUT_TYPES: Record<Write, string> = { enter: 'EnterResultInput', return: 'ReturnResultInput', publish: 'PublishResultInput', correct: 'CorrectResultInput' };
const WRITE = (d: Department, write: Write) => `mutation Write($input: ${INPUT_TYPES[write]}!) { ${d}${MUTATIONS[write]}(input: $input) { ${RESULT_FIELDS} } }`;
const USERS = ['office', 'culture-admin', 'market-admin', 'fire-admin', 'culture-inspector', 'market-inspector', 'fire-inspector'] as const;

const officer = (department: Department, n: number) => demoInspectors().filter((i) => i.department === department)[n - 1];

describe.each(testDatabases())('results after the visit through the gateway on %s (R-PUB-1/2)', (db: 'sqlite' | 'mariadb') => {
  let platform: Platform;
  let gateway: string;
  let files: string;
  const tokens: Record<string, string> = {};
  const [visit] = demoInspections();
  const venue = demoVenues().find((v) => v.id === visit.venueId)!;

  const call = (user: string | null, query: string, variables: Record<string, unknown>) => graphql(gateway, query, variables, user ? tokens[user] : undefined);
  const result = async (department: Department, user = 'office') => (await call(user, RESULT(department), { id: visit.id })).data?.[`${department}Result`];
  const write = (department: Department, kind: Write, user: string | null, input: Record<string, unknown>) => call(user, WRITE(department, kind), { input: { inspectionId: visit.id, ...input } });
  const fetchFile = (user: string, path: string) => fetch(`${files}${path}`, { headers: { authorization: `Bearer ${tokens[user]}` } });

  /** Each department records and submits its part as in visit.spec: culture finds C4 not compliant and orders it put right. */
  async function submitSection(department: Department, user: string) {
    const query = `query($id: ID!) { inspection(id: $id) { ${department}Section { version items { checkItem { id code } } } } }`;
    const section = (await call(user, query, { id: visit.id })).data.inspection[`${department}Section`];
    const culture = department === 'culture';
    const items = section.items.map((i: any) => ({ checkItemId: i.checkItem.id, outcome: culture && i.checkItem.code === 'C4' ? 'NON_COMPLIANT' : 'COMPLIANT' }));
    const extra = culture
      ? { resultCodes: [5], orders: [{ kind: 'RECTIFY', delivery: 'WRITTEN', content: '限三日内悬挂《网络文化经营许可证》', deadline: '2022-08-13', checkItemId: items[3].checkItemId }] }
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

  /** Polls until every department has its result (the relay delivers within its poll interval), at most 15 s. */
  async function waitForResults(): Promise<Record<Department, any>> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const found = Object.fromEntries(await Promise.all(DEPARTMENTS.map(async (d) => [d, await result(d)]))) as Record<Department, any>;
      if (DEPARTMENTS.every((d) => found[d])) return found;
      if (Date.now() > deadline) throw new Error(`results not formed: ${JSON.stringify(found)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
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
  });
  afterAll(() => platform?.close());

  it('no result before the venue signs; once it signs, each department has its result waiting for entry within seconds (R-VISIT-3, ADR 0013)', async () => {
    for (const d of DEPARTMENTS) expect(await result(d)).toBeNull();
    const venueSigned = await call('culture-inspector', 'mutation($input: VenueSignatureInput!) { recordVenueSignature(input: $input) { status } }', {
      input: { inspectionId: visit.id, signerName: '场所负责人', signature: dataUrl(signaturePng(120, 40, 7)), stamp: dataUrl(signaturePng(80, 80, 3)), idempotencyKey: randomUUID() },
    });
    expect(venueSigned.data?.recordVenueSignature.status).toBe('COMPLETED');
    const results = await waitForResults();
    const today = chinaDateOf(new Date());
    for (const d of DEPARTMENTS) {
      expect(results[d]).toMatchObject({
        status: 'PENDING_ENTRY',
        version: 1,
        revision: 0,
        planTitle: PLAN_2022.title,
        venue: { id: venue.id, name: venue.name, uscc: venue.uscc },
        inspectedOn: '2022-08-10',
        signedOn: today,
        // R-PUB-1: 20 working days after 2022-08-10 (no holiday in between); long past, so overdue.
        publicationDeadline: '2022-09-07',
        overdue: true,
        resultCodes: [],
      });
      expect(results[d].workingDaysLeft).toBeLessThan(0);
    }
    // A department reads only its own results; the office reads all of them.
    const other = await call('market-admin', RESULT('culture'), { id: visit.id });
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('culture: entered by the team, returned with a reason, entered again, published with who and when; refusals change nothing', async () => {
    const pending = await result('culture');
    // Another department's staff, and an inspector trying to publish: FORBIDDEN, nothing changes.
    const foreign = await write('culture', 'enter', 'market-admin', { expectedVersion: pending.version, summary: '越权录入' });
    expect(foreign.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const early = await write('culture', 'publish', 'culture-admin', { expectedVersion: pending.version });
    expect(early.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'inspectionId' } });
    // R-RES-2: C4 was found not compliant, so "1 未发现问题" contradicts the record.
    const contradicting = await write('culture', 'enter', 'culture-inspector', { expectedVersion: pending.version, resultCodes: [1], summary: '未发现问题' });
    expect(contradicting.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'resultCodes' }, message: expect.stringContaining('不符合') });
    expect(await result('culture')).toEqual(pending);

    // Entered without a summary; the codes default to the submitted section's.
    const entered = await write('culture', 'enter', 'culture-inspector', { expectedVersion: pending.version, summary: ' ' });
    expect(entered.errors).toBeUndefined();
    expect(entered.data.cultureEnterResult).toMatchObject({ status: 'PENDING_REVIEW', resultCodes: [5], summary: null, enteredByName: '文广旅执法人员（演示）' });
    const inReview = entered.data.cultureEnterResult;

    const byInspector = await write('culture', 'publish', 'culture-inspector', { expectedVersion: inReview.version });
    expect(byInspector.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const incomplete = await write('culture', 'publish', 'culture-admin', { expectedVersion: inReview.version });
    expect(incomplete.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'summary' }, message: expect.stringContaining('未填写检查结果说明') });
    const stale = await write('culture', 'return', 'culture-admin', { expectedVersion: inReview.version - 1, reason: '请补充说明' });
    expect(stale.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'expectedVersion', currentVersion: inReview.version } });
    expect(await result('culture')).toEqual(inReview);

    const returned = await write('culture', 'return', 'culture-admin', { expectedVersion: inReview.version, reason: '请填写向社会公示的检查结果说明' });
    expect(returned.data.cultureReturnResult).toMatchObject({ status: 'RETURNED', returnReason: '请填写向社会公示的检查结果说明' });
    const again = await write('culture', 'enter', 'culture-inspector', {
      expectedVersion: returned.data.cultureReturnResult.version,
      summary: '未悬挂《网络文化经营许可证》，已责令限期改正',
    });
    expect(again.data.cultureEnterResult).toMatchObject({ status: 'PENDING_REVIEW', returnReason: null });

    const published = await write('culture', 'publish', 'culture-admin', { expectedVersion: again.data.cultureEnterResult.version });
    expect(published.errors).toBeUndefined();
    expect(published.data.culturePublishResult).toMatchObject({
      status: 'PUBLISHED',
      revision: 1,
      resultCodes: [5],
      publishedByName: '文广旅局管理员（演示）',
      publishedOn: chinaDateOf(new Date()),
      overdue: false,
      workingDaysLeft: null,
      original: { resultCodes: [5], summary: '未悬挂《网络文化经营许可证》，已责令限期改正' },
    });
    expect(Date.now() - Date.parse(published.data.culturePublishResult.publishedAt)).toBeLessThan(60_000);
  });

  it('a correction after publication needs a reason, keeps the original and bumps the revision', async () => {
    const current = await result('culture', 'culture-admin');
    const noReason = await write('culture', 'correct', 'culture-admin', { expectedVersion: current.version, resultCodes: [5, 8], summary: current.summary, reason: ' ' });
    expect(noReason.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'reason' } });
    const contradicting = await write('culture', 'correct', 'culture-admin', { expectedVersion: current.version, resultCodes: [9], summary: current.summary, reason: '改为合格' });
    expect(contradicting.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'resultCodes' } });
    const corrected = await write('culture', 'correct', 'culture-admin', {
      expectedVersion: current.version,
      resultCodes: [5, 8],
      summary: '未悬挂《网络文化经营许可证》，已责令限期改正，待复查',
      reason: '遗漏“待后续处理”',
    });
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data.cultureCorrectResult).toMatchObject({
      status: 'PUBLISHED',
      revision: 2,
      resultCodes: [5, 8],
      original: { resultCodes: [5], summary: '未悬挂《网络文化经营许可证》，已责令限期改正' },
      corrections: [{ reason: '遗漏“待后续处理”', changedBy: '文广旅局管理员（演示）', before: { resultCodes: [5] }, after: { resultCodes: [5, 8] } }],
    });
  });

  it('the public results page shows what the department published and corrected, to anyone without a login (R-PUB-1, 一公开)', async () => {
    const query = 'query($filter: PublicResultFilter) { publicResults(filter: $filter, first: 10) { nodes { department venueName uscc resultCodes revision corrections { reason } } } }';
    // The department tells the office by event (ADR 0013); the office's read model catches up within seconds.
    let row: { department: string; venueName: string; uscc: string; resultCodes: number[]; revision: number; corrections: { reason: string }[] } | undefined;
    for (const started = Date.now(); Date.now() - started < 15_000; await new Promise((resolve) => setTimeout(resolve, 250))) {
      const answer = await call(null, query, { filter: { search: venue.uscc } });
      expect(answer.errors).toBeUndefined();
      row = answer.data.publicResults.nodes.find((node: { department: string; revision: number }) => node.department === 'CULTURE' && node.revision === 2);
      if (row) break;
    }
    expect(row).toEqual({ department: 'CULTURE', venueName: venue.name, uscc: venue.uscc, resultCodes: [5, 8], revision: 2, corrections: [{ reason: '遗漏“待后续处理”' }] });
  });

  it('exports published results for the publicity system as CSV (UTF-8 BOM, quoted) and XLSX; only the department and the office', async () => {
    const expected = ['统一社会信用代码', '名称', '抽查任务', '检查日期', '检查机关', '结果代码', '结果', '公示日期'];
    const csvResponse = await fetchFile('culture-admin', `/files/culture/results.csv?planId=${PLAN_2022.id}`);
    expect(csvResponse.status).toBe(200);
    expect(csvResponse.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csvResponse.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\n');
    expect(lines[0]).toBe(expected.map((h) => `"${h}"`).join(','));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(`"${venue.uscc}","${venue.name}","${PLAN_2022.title}","2022-08-10","卫东区文化广电和旅游局","5,8","发现问题已责令改正；发现问题待后续处理","${chinaDateOf(new Date())}"`);
    // Market has published nothing: a header row only.
    const market = await fetchFile('market-admin', '/files/market/results.csv');
    expect((await market.text()).trim().split('\n')).toHaveLength(1);

    const xlsx = await fetchFile('office', '/files/culture/results.xlsx');
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const rows = workbook.worksheets[0].getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    expect(rows).toEqual([expected, [venue.uscc, venue.name, PLAN_2022.title, '2022-08-10', '卫东区文化广电和旅游局', '5,8', '发现问题已责令改正；发现问题待后续处理', chinaDateOf(new Date())]]);

    expect((await fetchFile('market-admin', '/files/culture/results.csv')).status).toBe(403);
    expect((await fetch(`${files}/files/culture/results.xlsx`)).status).toBe(401);
    expect((await fetchFile('office', '/files/culture/results.csv?planId=x%27or')).status).toBe(400);
  });

  it('role matrix: who may enter, return, publish and correct each department\'s result (R-PUB-2)', async () => {
    // Every cell with a stale version: an allowed caller gets past the checks to CONFLICT, so nothing changes.
    const allowed = (user: string | null, department: Department, kind: Write): boolean => {
      if (!user || user === 'office' || !user.startsWith(department)) return false;
      return user.endsWith('-admin') || kind === 'enter';
    };
    const input = (kind: Write) => ({ expectedVersion: 999, ...(kind === 'enter' ? { summary: '矩阵' } : kind === 'return' ? { reason: '矩阵' } : kind === 'correct' ? { resultCodes: [1], summary: '矩阵', reason: '矩阵' } : {}) });
    const before = await Promise.all(DEPARTMENTS.map((d) => result(d)));
    const cells: string[] = [];
    for (const department of DEPARTMENTS) {
      for (const kind of Object.keys(MUTATIONS) as Write[]) {
        for (const user of [null, ...USERS]) {
          const answer = await write(department, kind, user, input(kind));
          const code = answer.errors?.[0].extensions?.code;
          const want = !user ? 'UNAUTHENTICATED' : allowed(user, department, kind) ? 'CONFLICT' : 'FORBIDDEN';
          cells.push(`${user ?? 'anonymous'} ${department}${MUTATIONS[kind]}: ${code}`);
          expect(`${user ?? 'anonymous'} ${department}${MUTATIONS[kind]}: ${code}`).toBe(`${user ?? 'anonymous'} ${department}${MUTATIONS[kind]}: ${want}`);
        }
      }
    }
    expect(cells).toHaveLength(3 * 4 * 8);
    expect(await Promise.all(DEPARTMENTS.map((d) => result(d)))).toEqual(before);
  });
});
