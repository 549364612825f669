import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { DEPARTMENTS, PLAN_2022, type Department } from '@dr/domain';
import { demoInspections, demoInspectors, demoVenues } from '@dr/demo-data';
import { extractDocxText, extractPdfText } from '@dr/documents/testing';
import { testDatabases } from '@dr/config-jest/databases';
import { graphql, login } from './graphql';
import { dataUrl, signaturePng } from './images';
import { signerOf } from './signers';

const USERS = ['office', 'culture-admin', 'market-admin', 'fire-admin', 'culture-inspector', 'market-inspector', 'fire-inspector'] as const;
const officer = (department: Department, n: number) => demoInspectors().filter((i) => i.department === department)[n - 1];
const REPORTS = `query Reports($planId: ID!) { planReports(planId: $planId) { reportingDeadline reportTo reportToName unreportedInspections
  documents { id version fileName contentType uploadedByName url }
  submissions { id recipient sentOn supplementary inspectionCount onTime workingDaysLate recordedByName document { id version } } } }`;
const RECORD = `mutation Record($input: RecordReportSubmissionInput!) { recordReportSubmission(input: $input) { id supplementary inspectionCount onTime workingDaysLate sentOn recipient document { version } } }`;
const BRIEF = (d: Department) => `mutation Brief($input: SubmitBriefingInput!) { ${d}SubmitBriefing(input: $input) { issue highlights createdByName } }`;

async function workbook(response: Response): Promise<ExcelJS.Workbook> {
  expect(response.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
  return book;
}
const values = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
/** The data rows of 汇总表: between the header (row 3) and 合计. */
function summaryRows(book: ExcelJS.Workbook): unknown[][] {
  const sheet = book.getWorksheet('汇总表')!;
  const rows: unknown[][] = [];
  for (let r = 4; sheet.getCell(`A${r}`).value !== '合计'; r++) rows.push(values(sheet, r));
  return rows;
}

describe.each(testDatabases())('the plan reports through the gateway on %s (R-REP-1/2)', (db: 'sqlite' | 'mariadb') => {
  let platform: Platform;
  let gateway: string;
  let files: string;
  const tokens: Record<string, string> = {};
  const [visit] = demoInspections();
  const venue = demoVenues().find((v) => v.id === visit.venueId)!;
  const plan = PLAN_2022.id;

  const call = (user: string, query: string, variables: Record<string, unknown>) => graphql(gateway, query, variables, tokens[user]);
  const get = (user: string, path: string) => fetch(`${files}${path}`, { headers: { authorization: `Bearer ${tokens[user]}` } });
  const upload = (user: string, bytes: Buffer, name: string) =>
    fetch(`${files}/files/plans/${plan}/reports/work-summary`, { method: 'POST', headers: { authorization: `Bearer ${tokens[user]}`, 'x-file-name': encodeURIComponent(name) }, body: new Uint8Array(bytes) });

  /** Each department records and submits its part; culture finds C4 not compliant and orders it put right (as in results.spec). */
  async function submitSection(inspectionId: string, department: Department, user: string) {
    const query = `query($id: ID!) { inspection(id: $id) { ${department}Section { version items { checkItem { id code } } } } }`;
    const section = (await call(user, query, { id: inspectionId })).data.inspection[`${department}Section`];
    const culture = department === 'culture';
    const items = section.items.map((i: any) => ({ checkItemId: i.checkItem.id, outcome: culture && i.checkItem.code === 'C4' ? 'NON_COMPLIANT' : 'COMPLIANT' }));
    const extra = culture
      ? { resultCodes: [5], orders: [{ kind: 'RECTIFY', delivery: 'WRITTEN', content: '限三日内悬挂《网络文化经营许可证》', deadline: '2022-08-13', checkItemId: items[3].checkItemId }] }
      : { resultCodes: [1, 9], orders: [] };
    const saved = await call(user, `mutation($input: SaveSectionInput!) { ${department}SaveSection(input: $input) { version } }`, {
      input: { inspectionId, planId: plan, expectedVersion: section.version, idempotencyKey: randomUUID(), items, ...extra },
    });
    expect(saved.errors).toBeUndefined();
    const submitted = await call(user, `mutation($input: SubmitSectionInput!) { ${department}SubmitSection(input: $input) { status } }`, {
      input: { inspectionId, expectedVersion: saved.data[`${department}SaveSection`].version, idempotencyKey: randomUUID() },
    });
    expect(submitted.errors).toBeUndefined();
  }

  /** Sections, officers' signatures, the venue's signature: the inspection is COMPLETED; then each department's result is formed (by event). */
  async function completeVisit(inspectionId: string) {
    await submitSection(inspectionId, 'culture', 'culture-inspector');
    await submitSection(inspectionId, 'market', 'market-inspector');
    await submitSection(inspectionId, 'fire', 'fire-inspector');
    for (const inspectorId of [visit.leaderId, officer('market', 1).id, officer('fire', 1).id]) {
      const signed = await call('culture-inspector', 'mutation($input: OfficerSignatureInput!) { signRecordForm(input: $input) { id } }', {
        input: { inspectionId, inspectorId, image: dataUrl(signaturePng(120, 40, parseInt(inspectorId.slice(-2), 16))), idempotencyKey: randomUUID(), ...signerOf(inspectorId) },
      });
      expect(signed.errors).toBeUndefined();
    }
    const venueSigned = await call('culture-inspector', 'mutation($input: VenueSignatureInput!) { recordVenueSignature(input: $input) { status } }', {
      input: { inspectionId, signerName: '场所负责人', signature: dataUrl(signaturePng(120, 40, 7)), stamp: dataUrl(signaturePng(80, 80, 3)), idempotencyKey: randomUUID() },
    });
    expect(venueSigned.data?.recordVenueSignature.status).toBe('COMPLETED');
    const deadline = Date.now() + 15_000;
    for (;;) {
      const formed = await Promise.all(DEPARTMENTS.map(async (d) => (await call('office', `query($id: ID!) { ${d}Result(inspectionId: $id) { status } }`, { id: inspectionId })).data?.[`${d}Result`]));
      if (formed.every(Boolean)) return;
      if (Date.now() > deadline) throw new Error('results not formed');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  beforeAll(async () => {
    platform = await startPlatform({ db });
    gateway = platform.urls.gateway;
    files = new URL(gateway).origin;
    for (const user of USERS) tokens[user] = await login(gateway, user);
    await completeVisit(visit.id);
    // Culture publishes its result (一公开), so the statistics count one published.
    const pending = (await call('culture-admin', `query($id: ID!) { cultureResult(inspectionId: $id) { version } }`, { id: visit.id })).data.cultureResult;
    const entered = await call('culture-admin', 'mutation($input: EnterResultInput!) { cultureEnterResult(input: $input) { version } }', {
      input: { inspectionId: visit.id, expectedVersion: pending.version, summary: '未悬挂《网络文化经营许可证》，已责令限期改正' },
    });
    const published = await call('culture-admin', 'mutation($input: PublishResultInput!) { culturePublishResult(input: $input) { status } }', {
      input: { inspectionId: visit.id, expectedVersion: entered.data.cultureEnterResult.version },
    });
    expect(published.data?.culturePublishResult.status).toBe('PUBLISHED');
  });
  afterAll(() => platform?.close());

  it('R-REP-2: the plan 汇总表 (XLSX) has one row per department of the completed visit with its real figures, and the 统计表 sums them', async () => {
    const book = await workbook(await get('office', `/files/plans/${plan}/reports/summary-table.xlsx`));
    const sheet = book.getWorksheet('汇总表')!;
    expect(sheet.getCell('A1').value).toBe('互联网上网服务营业场所“双随机、一公开”联合抽查汇总表');
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });
    const rows = summaryRows(book);
    expect(rows).toEqual([
      [1, '卫东区文化广电和旅游局', venue.name, venue.uscc, venue.street, '2022-08-10', 7, 6, 1, 0, 0, 1, 0, '5 发现问题已责令改正', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)],
      [2, '卫东区市场监督管理局', venue.name, venue.uscc, venue.street, '2022-08-10', 2, 2, 0, 0, 0, 0, 0, '1 未发现问题；9 合格', '未公示'],
      [3, '卫东区消防救援大队', venue.name, venue.uscc, venue.street, '2022-08-10', 3, 3, 0, 0, 0, 0, 0, '1 未发现问题；9 合格', '未公示'],
    ]);
    expect(sheet.getCell('G7').value).toMatchObject({ formula: 'SUM(G4:G6)', result: 12 });
    const stats = book.getWorksheet('统计表')!;
    // 部门, 抽查户次, 发现问题户次, 检查事项数, 符合, 不符合, 不涉及, 停止, 改正, 移送, codes 1..10, 已公示
    expect(values(stats, 4)).toEqual(['卫东区文化广电和旅游局', 1, 1, 7, 6, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1]);
    expect(values(stats, 7)).toEqual(['合计', 3, 1, 12, 11, 1, 0, 0, 1, 0, 2, 0, 0, 0, 1, 0, 0, 0, 2, 0, 1]);
  });

  it('R-REP-2: the PDF prints the same table; a department admin gets only their own department, others are refused', async () => {
    const pdf = await get('office', `/files/plans/${plan}/reports/summary-table.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = (await extractPdfText(Buffer.from(await pdf.arrayBuffer()))).replace(/\s+/g, '');
    expect(text).toContain('联合抽查汇总表');
    expect(text).toContain(venue.name.replace(/\s+/g, ''));
    expect(text).toContain('共3户次');

    const own = summaryRows(await workbook(await get('fire-admin', `/files/fire/reports/summary-table.xlsx?planId=${plan}`)));
    expect(own).toEqual([[1, '卫东区消防救援大队', venue.name, venue.uscc, venue.street, '2022-08-10', 3, 3, 0, 0, 0, 0, 0, '1 未发现问题；9 合格', '未公示']]);
    const ownPdf = await get('fire-admin', `/files/fire/reports/summary-table.pdf?planId=${plan}`);
    expect((await extractPdfText(Buffer.from(await ownPdf.arrayBuffer()))).replace(/\s+/g, '')).toContain('卫东区消防救援大队');

    for (const [user, path] of [
      ['market-admin', `/files/fire/reports/summary-table.xlsx?planId=${plan}`],
      ['fire-inspector', `/files/fire/reports/summary-table.xlsx?planId=${plan}`],
      ['fire-admin', `/files/plans/${plan}/reports/summary-table.xlsx`],
      ['culture-admin', `/files/plans/${plan}/reports/work-summary.docx`],
    ] as const) {
      const refused = await get(user, path);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ code: 'FORBIDDEN', error: expect.stringContaining('只有') });
    }
    expect((await fetch(`${files}/files/plans/${plan}/reports/summary-table.xlsx`)).status).toBe(401);
    expect((await get('office', '/files/plans/no-such-plan/reports/summary-table.xlsx')).status).toBe(404);
  });

  it('R-REP-1: a department admin files briefings (issues 1, 2 …); inspectors, other departments and empty ones are refused; the office compiles the latest of each into one DOCX', async () => {
    const input = { planId: plan, highlights: '实现“进一次门、查多项事”', problems: '部分场所未悬挂许可证', suggestions: '加强日常巡查' };
    expect((await call('culture-inspector', BRIEF('culture'), { input })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await call('market-admin', BRIEF('culture'), { input })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const empty = await call('culture-admin', BRIEF('culture'), { input: { ...input, highlights: ' ', problems: '', suggestions: '' } });
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'highlights' });
    const otherPlan = await call('culture-admin', BRIEF('culture'), { input: { ...input, planId: 'no-such-plan' } });
    expect(otherPlan.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'planId' });
    const listed = async () => (await call('office', `query($p: ID!) { cultureBriefings(planId: $p, first: 10) { totalCount nodes { issue } } }`, { p: plan })).data.cultureBriefings;
    expect((await listed()).totalCount).toBe(0);

    expect((await call('culture-admin', BRIEF('culture'), { input: { ...input, highlights: '第一期亮点' } })).data.cultureSubmitBriefing).toMatchObject({ issue: 1 });
    expect((await call('culture-admin', BRIEF('culture'), { input })).data.cultureSubmitBriefing).toMatchObject({ issue: 2, createdByName: '文广旅局管理员（演示）' });
    expect((await call('fire-admin', BRIEF('fire'), { input: { planId: plan, highlights: '消防演练全覆盖', problems: '', suggestions: '' } })).errors).toBeUndefined();
    expect((await listed()).nodes.map((n: any) => n.issue)).toEqual([2, 1]);

    const docx = await get('office', `/files/plans/${plan}/reports/briefings.docx`);
    expect(docx.status).toBe(200);
    const text = extractDocxText(Buffer.from(await docx.arrayBuffer()));
    expect(text).toContain('一、卫东区文化广电和旅游局');
    expect(text).toContain('实现“进一次门、查多项事”');
    expect(text).not.toContain('第一期亮点');
    expect(text).toContain('二、卫东区消防救援大队');
    expect(text).toContain('消防演练全覆盖');
    expect(text).not.toContain('卫东区市场监督管理局');
  });

  it('R-REP-2: the work summary draft has the plan figures; its final version uploads as DOCX (a renamed image or workbook is 415, nothing stored); 报送 is recorded late by working days', async () => {
    const draft = await get('office', `/files/plans/${plan}/reports/work-summary.docx`);
    expect(draft.status).toBe(200);
    const bytes = Buffer.from(await draft.arrayBuffer());
    const text = extractDocxText(bytes);
    expect(text).toContain('各部门共检查3户次，检查事项12项，其中符合11项、不符合1项、不涉及0项；发现问题1户次，占33.3%');
    expect(text).toContain('责令限期改正1次');
    expect(text).toContain('公示检查结果1户次');
    expect(text).toContain('卫东区文化广电和旅游局：部分场所未悬挂许可证');
    expect(text).toContain('报送单位：卫东区市场监督管理局　报送时限：2022年12月1日前');

    const png = await upload('office', signaturePng(40, 40, 1), '工作总结.docx');
    expect(png.status).toBe(415);
    expect(await png.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    const xlsx = Buffer.from(await (await get('office', `/files/plans/${plan}/reports/summary-table.xlsx`)).arrayBuffer());
    expect((await upload('office', xlsx, '工作总结.docx')).status).toBe(415);
    expect((await upload('culture-admin', bytes, '工作总结.docx')).status).toBe(403);
    let reports = (await call('office', REPORTS, { planId: plan })).data.planReports;
    expect(reports).toMatchObject({ reportingDeadline: '2022-12-01', reportTo: 'MARKET', reportToName: '卫东区市场监督管理局', documents: [], submissions: [], unreportedInspections: 1 });

    const stored = await upload('office', bytes, '卫东区工作总结（定稿）.docx');
    expect(stored.status).toBe(201);
    const document = await stored.json();
    expect(document).toMatchObject({ version: 1, fileName: '卫东区工作总结（定稿）.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    const back = await get('office', `/files/plans/${plan}/reports/documents/${document.id}`);
    expect(Buffer.from(await back.arrayBuffer()).equals(bytes)).toBe(true);

    // Refusals write nothing: a day in the future, a department admin, an unknown version.
    const input = { planId: plan, documentId: document.id, recipient: '卫东区市场监督管理局', sentOn: '2022-12-05' };
    expect((await call('office', RECORD, { input: { ...input, sentOn: '2099-01-01' } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sentOn' });
    expect((await call('office', RECORD, { input: { ...input, documentId: randomUUID() } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'documentId' });
    expect((await call('market-admin', RECORD, { input })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await call('office', REPORTS, { planId: plan })).data.planReports.submissions).toEqual([]);

    // 2022-12-05 is a Monday: two working days after the deadline (Friday 12-02 and Monday 12-05).
    const recorded = await call('office', RECORD, { input });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data.recordReportSubmission).toMatchObject({ supplementary: false, inspectionCount: 1, onTime: false, workingDaysLate: 2, document: { version: 1 } });
    reports = (await call('office', REPORTS, { planId: plan })).data.planReports;
    expect(reports).toMatchObject({ unreportedInspections: 0, documents: [{ version: 1, uploadedByName: '联席办管理员（演示）' }], submissions: [{ recipient: '卫东区市场监督管理局', sentOn: '2022-12-05', recordedByName: '联席办管理员（演示）' }] });
  });

  it('R-REP-2: an inspection completed after the report is in the supplementary 汇总表 (补充报送) only, and its 报送 is marked supplementary', async () => {
    const first = (await call('office', REPORTS, { planId: plan })).data.planReports.submissions[0];
    // A second visit by the same team at another venue, completed after the report went out.
    const other = demoVenues().find((v) => v.id !== visit.venueId && !demoInspections().some((i) => i.venueId === v.id))!;
    const created = await call('office', 'mutation($input: CreateInspectionInput!) { createInspection(input: $input) { id } }', {
      input: { planId: plan, venueId: other.id, scheduledDate: '2022-12-06', leaderId: visit.leaderId, memberIds: visit.memberIds, reason: '群众举报后补充检查' },
    });
    expect(created.errors).toBeUndefined();
    await completeVisit(created.data.createInspection.id);
    expect((await call('office', REPORTS, { planId: plan })).data.planReports.unreportedInspections).toBe(1);

    const supplementary = summaryRows(await workbook(await get('office', `/files/plans/${plan}/reports/summary-table.xlsx?since=${first.id}`)));
    expect(supplementary.map((r) => [r[1], r[2], r[5]])).toEqual([
      ['卫东区文化广电和旅游局', other.name, '2022-12-06'],
      ['卫东区市场监督管理局', other.name, '2022-12-06'],
      ['卫东区消防救援大队', other.name, '2022-12-06'],
    ]);
    expect(summaryRows(await workbook(await get('office', `/files/plans/${plan}/reports/summary-table.xlsx`)))).toHaveLength(6);

    const document = (await call('office', REPORTS, { planId: plan })).data.planReports.documents[0];
    const recorded = await call('office', RECORD, { input: { planId: plan, documentId: document.id, recipient: '卫东区市场监督管理局', sentOn: '2022-12-07' } });
    expect(recorded.data.recordReportSubmission).toMatchObject({ supplementary: true, inspectionCount: 1, onTime: false, workingDaysLate: 4 });
    expect((await call('office', REPORTS, { planId: plan })).data.planReports.unreportedInspections).toBe(0);
  });
});
