import { randomUUID } from 'node:crypto';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { PLAN_2022, type Department } from '@dr/domain';
import { demoInspections, demoInspectors, demoVenues } from '@dr/demo-data';
import { extractPdfText, readPdf } from '@dr/documents/testing';
import { testDatabases } from '@dr/config-jest/databases';
import { graphql, login } from './graphql';
import { dataUrl, signaturePng } from './images';
import { signerOf } from './signers';

const SECTION_FIELDS = `status version resultCodes submittedAt
  items { checkItem { id code } outcome note evidence { id sha256 contentType url } }
  orders { kind delivery content deadline }
  amendments { version reason amendedBy changes { field label before after } }`;
const SECTION = (department: Department) => `query Section($id: ID!) { inspection(id: $id) { ${department}Section { ${SECTION_FIELDS} } } }`;
const SAVE = (department: Department) => `mutation Save($input: SaveSectionInput!) { ${department}SaveSection(input: $input) { ${SECTION_FIELDS} } }`;
const SUBMIT = (department: Department) => `mutation Submit($input: SubmitSectionInput!) { ${department}SubmitSection(input: $input) { ${SECTION_FIELDS} } }`;
const REMOVE_EVIDENCE = (department: Department) => `mutation Remove($input: RemoveEvidenceInput!) { ${department}RemoveEvidence(input: $input) { ${SECTION_FIELDS} } }`;
const AMEND = (department: Department) => `mutation Amend($input: AmendSectionInput!) { ${department}AmendSection(input: $input) { ${SECTION_FIELDS} } }`;
const VISIT = `query Visit($id: ID!) { inspection(id: $id) {
  id status scheduledDate visitStartTime visitEndTime visitHidden viewerOnTeam noticeLetterUrl
  notice { mode prepare }
  recordForm { status missingSigners officerSignatures { inspector { id name } imageUrl } refusal { note signatures { inspector { id } } } venueSignature { signerName stampUrl } pdfUrl statisticsPdfUrl }
} }`;
const INSPECTION_RESULT = 'id status recordForm { status missingSigners }';

const officer = (department: Department, n: number) => demoInspectors().filter((i) => i.department === department)[n - 1];

describe.each(testDatabases())('the visit through the gateway on %s (issue #4)', (db: 'sqlite' | 'mariadb') => {
  let platform: Platform;
  let gateway: string;
  let files: string;
  const tokens: Record<string, string> = {};
  const [first, second, third] = demoInspections();
  /** Fire's photo on the first visit: removed, taken again, then locked by the submission. */
  let firePhoto: { id: string; url: string };

  beforeAll(async () => {
    platform = await startPlatform({ db });
    gateway = platform.urls.gateway;
    files = new URL(gateway).origin;
    for (const user of ['office', 'culture-inspector', 'market-inspector', 'fire-inspector', 'culture-admin', 'market-admin']) tokens[user] = await login(gateway, user);
  });
  afterAll(() => platform?.close());

  const call = (user: string, query: string, variables: Record<string, unknown>) => graphql(gateway, query, variables, tokens[user]);
  const section = async (department: Department, inspectionId: string, user = 'office') => (await call(user, SECTION(department), { id: inspectionId })).data.inspection[`${department}Section`];
  const fetchFile = (user: string, path: string, init: RequestInit = {}) => fetch(`${files}${path}`, { ...init, headers: { authorization: `Bearer ${tokens[user]}`, ...(init.headers ?? {}) } });
  const saveInput = (inspectionId: string, expectedVersion: number, items: unknown[], extra: Record<string, unknown> = {}) => ({
    inspectionId,
    planId: PLAN_2022.id,
    expectedVersion,
    idempotencyKey: randomUUID(),
    items,
    resultCodes: [],
    orders: [],
    ...extra,
  });
  const allItems = async (department: Department, inspectionId: string, outcome: string, overrides: Record<string, string> = {}) =>
    (await section(department, inspectionId)).items.map((i: any) => ({ checkItemId: i.checkItem.id, outcome: overrides[i.checkItem.code] ?? outcome }));
  const fileBody = (bytes: Buffer, name: string): RequestInit => ({ method: 'POST', body: new Uint8Array(bytes), headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) } });

  /** The department records and submits its part; culture finds C4 not compliant and orders it put right. */
  async function completeSection(department: Department, user: string, inspectionId: string) {
    const current = await section(department, inspectionId, user);
    const violation = department === 'culture';
    const items = await allItems(department, inspectionId, 'COMPLIANT', violation ? { C4: 'NON_COMPLIANT' } : {});
    const extra = violation
      ? {
          resultCodes: [5],
          onSiteRecord: { facts: '收银台未悬挂《网络文化经营许可证》', personsPresent: '场所负责人' },
          orders: [{ kind: 'RECTIFY', delivery: 'MOBILE_PRINTED', content: '限三日内悬挂《网络文化经营许可证》', deadline: '2022-08-13', checkItemId: items[3].checkItemId }],
        }
      : { resultCodes: [1, 9] };
    const saved = await call(user, SAVE(department), { input: saveInput(inspectionId, current.version, items, extra) });
    expect(saved.errors).toBeUndefined();
    const submitted = await call(user, SUBMIT(department), { input: { inspectionId, expectedVersion: saved.data[`${department}SaveSection`].version, idempotencyKey: randomUUID() } });
    expect(submitted.errors).toBeUndefined();
    return submitted.data[`${department}SubmitSection`];
  }

  it('R-PLAN-2, R-NOTE-1: schedules the visit, records a phone notice and prints the 告知书 naming the team and their 执法证', async () => {
    const scheduled = await call('culture-inspector', `mutation($input: ScheduleVisitInput!) { scheduleVisit(input: $input) { scheduledDate visitStartTime visitEndTime } }`, {
      input: { inspectionId: first.id, date: '2022-08-10', startTime: '09:00', endTime: '11:00' },
    });
    expect(scheduled.data.scheduleVisit).toEqual({ scheduledDate: '2022-08-10', visitStartTime: '09:00', visitEndTime: '11:00' });
    const outside = await call('office', `mutation($input: ScheduleVisitInput!) { scheduleVisit(input: $input) { id } }`, { input: { inspectionId: first.id, date: '2022-07-01', startTime: '09:00', endTime: '11:00' } });
    expect(outside.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'date' } });
    const noticed = await call('culture-inspector', `mutation($input: RecordNoticeInput!) { recordNotice(input: $input) { noticeLetterUrl notice { mode prepare } } }`, {
      input: { inspectionId: first.id, mode: 'PHONE', prepare: '营业执照、网络文化经营许可证、消防安全制度及应急疏散预案' },
    });
    expect(noticed.errors).toBeUndefined();
    const letter = await fetchFile('culture-inspector', noticed.data.recordNotice.noticeLetterUrl);
    expect(letter.status).toBe(200);
    expect(letter.headers.get('content-type')).toBe('application/pdf');
    const text = await extractPdfText(Buffer.from(await letter.arrayBuffer()));
    const venue = demoVenues().find((v) => v.id === first.venueId)!;
    expect(text).toContain(venue.name);
    for (const id of [first.leaderId, ...first.memberIds]) expect(text).toContain(demoInspectors().find((i) => i.id === id)!.certificateNumber);
    expect(text).toContain('网络文化经营许可证');
  });

  it('R-NOTE-1: an undisclosed visit has no letter, and its date is seen only by the team and the office', async () => {
    await call('office', `mutation($input: ScheduleVisitInput!) { scheduleVisit(input: $input) { id } }`, { input: { inspectionId: second.id, date: '2022-09-05', startTime: '14:00', endTime: '16:00' } });
    const undisclosed = await call('office', `mutation($input: RecordNoticeInput!) { recordNotice(input: $input) { noticeLetterUrl } }`, { input: { inspectionId: second.id, mode: 'UNDISCLOSED' } });
    expect(undisclosed.data.recordNotice.noticeLetterUrl).toBeNull();
    const letter = await fetchFile('office', `/files/inspections/${second.id}/notice.pdf`);
    expect(letter.status).toBe(409);
    expect((await letter.json()).error).toContain('不予告知');
    const seenByOffice = (await call('office', VISIT, { id: second.id })).data.inspection;
    expect(seenByOffice).toMatchObject({ scheduledDate: '2022-09-05', visitStartTime: '14:00', visitHidden: false, notice: { mode: 'UNDISCLOSED' } });
    // Neither a department admin nor an officer who is not on this team sees when it happens, not even on the record form.
    for (const outsider of ['market-admin', 'culture-inspector']) {
      const seen = (await call(outsider, VISIT, { id: second.id })).data.inspection;
      expect(seen).toMatchObject({ scheduledDate: null, visitStartTime: null, visitEndTime: null, notice: null, visitHidden: true, viewerOnTeam: false });
      expect((await fetchFile(outsider, `/files/inspections/${second.id}/record-form.pdf`)).status).toBe(403);
    }
    expect((await fetchFile('office', `/files/inspections/${second.id}/record-form.pdf`)).status).toBe(200);
  });

  it('evidence: a photo is stored by its SHA-256 once; a script, an empty file, a huge file and another department are refused clearly', async () => {
    const photo = signaturePng(64, 64, 7);
    const url = `/files/culture/evidence?inspectionId=${first.id}&checkItemId=${(await section('culture', first.id)).items[3].checkItem.id}`;
    const stored = await fetchFile('culture-inspector', url, fileBody(photo, '现场照片.png'));
    expect(stored.status).toBe(201);
    const evidence = await stored.json();
    expect(evidence).toMatchObject({ contentType: 'image/png', size: photo.length, fileName: '现场照片.png' });
    const again = await fetchFile('culture-inspector', url, fileBody(photo, '现场照片.png'));
    expect((await again.json()).id).toBe(evidence.id);
    const back = await fetchFile('office', evidence.url);
    expect(Buffer.from(await back.arrayBuffer()).equals(photo)).toBe(true);
    // A photo may show the venue's customers: the office, the department and the team see it, others not.
    expect((await fetchFile('market-inspector', evidence.url)).status).toBe(200);
    const outsider = await fetchFile('market-admin', evidence.url);
    expect(outsider.status).toBe(403);
    expect(await outsider.json()).toMatchObject({ code: 'FORBIDDEN', error: expect.stringContaining('本次检查组') });
    const script = await fetchFile('culture-inspector', url, fileBody(Buffer.from('<script>alert(1)</script>'), 'photo.jpg'));
    expect(script.status).toBe(415);
    expect(await script.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', error: expect.stringContaining('文件类型不支持') });
    expect((await fetchFile('culture-inspector', url, fileBody(Buffer.alloc(0), 'empty.png'))).status).toBe(400);
    const huge = await fetchFile('culture-inspector', url, fileBody(Buffer.concat([photo, Buffer.alloc(11 * 1024 * 1024)]), 'huge.png'));
    expect(huge.status).toBe(413);
    const foreign = await fetchFile('market-inspector', url, fileBody(photo, 'x.png'));
    expect(foreign.status).toBe(403);
    expect((await section('culture', first.id)).items[3].evidence).toEqual([expect.objectContaining({ id: evidence.id, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
  });

  it('evidence taken by mistake is removed before submission: once (resend-safe), only by the department, kept on file, back when taken again; one photo may serve two items', async () => {
    const items = (await section('fire', first.id)).items;
    const upload = (checkItemId: string, photo = signaturePng(48, 48, 21), idempotencyKey?: string) => {
      const body = fileBody(photo, '误拍.png');
      return fetchFile('fire-inspector', `/files/fire/evidence?inspectionId=${first.id}&checkItemId=${checkItemId}`, { ...body, headers: { ...(body.headers as Record<string, string>), ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) } });
    };
    const stored = await upload(items[1].checkItem.id);
    expect(stored.status).toBe(201);
    firePhoto = await stored.json();
    expect((await section('fire', first.id)).items[1].evidence.map((e: { id: string }) => e.id)).toEqual([firePhoto.id]);

    const input = { inspectionId: first.id, planId: PLAN_2022.id, evidenceId: firePhoto.id, idempotencyKey: randomUUID() };
    const outsider = await call('market-inspector', REMOVE_EVIDENCE('fire'), { input: { ...input, idempotencyKey: randomUUID() } });
    expect(outsider.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const removed = await call('fire-inspector', REMOVE_EVIDENCE('fire'), { input });
    expect(removed.errors).toBeUndefined();
    expect(removed.data.fireRemoveEvidence.items[1].evidence).toEqual([]);
    const resent = await call('fire-inspector', REMOVE_EVIDENCE('fire'), { input });
    expect(resent.errors).toBeUndefined();
    expect((await section('fire', first.id)).items.flatMap((i: { evidence: unknown[] }) => i.evidence)).toEqual([]);
    // Off the record, not destroyed: the file is still there for the audit.
    expect((await fetchFile('office', firePhoto.url)).status).toBe(200);
    const unknown = await call('fire-inspector', REMOVE_EVIDENCE('fire'), { input: { ...input, evidenceId: randomUUID(), idempotencyKey: randomUUID() } });
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'evidenceId' }, message: expect.stringContaining('证据不存在') });

    // The same photo taken again for its item comes back; for another item it is evidence of that item too.
    const again = await upload(items[1].checkItem.id);
    expect(again.status).toBe(201);
    expect((await again.json()).id).toBe(firePhoto.id);
    const forOther = await upload(items[2].checkItem.id);
    expect(forOther.status).toBe(201);
    const other = await forOther.json();
    expect(other.id).not.toBe(firePhoto.id);
    expect((await upload(items[2].checkItem.id)).status).toBe(200);
    const listed = (await section('fire', first.id)).items;
    expect(listed[1].evidence.map((e: { id: string }) => e.id)).toEqual([firePhoto.id]);
    expect(listed[2].evidence.map((e: { id: string }) => e.id)).toEqual([other.id]);
    expect(listed[2].evidence[0].sha256).toBe(listed[1].evidence[0].sha256);
    // The first removal resent (same key) after the photo came back removes nothing.
    expect((await call('fire-inspector', REMOVE_EVIDENCE('fire'), { input })).errors).toBeUndefined();
    expect((await section('fire', first.id)).items[1].evidence.map((e: { id: string }) => e.id)).toEqual([firePhoto.id]);

    // A phone's late resend of an upload (same Idempotency-Key) does not bring back a photo removed since.
    const uploadKey = randomUUID();
    const keyed = () => upload(items[0].checkItem.id, signaturePng(40, 40, 5), uploadKey);
    const taken = await keyed();
    expect(taken.status).toBe(201);
    const takenId = (await taken.json()).id;
    expect((await keyed()).status).toBe(200);
    expect((await call('fire-inspector', REMOVE_EVIDENCE('fire'), { input: { ...input, evidenceId: takenId, idempotencyKey: randomUUID() } })).errors).toBeUndefined();
    const late = await keyed();
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ code: 'CONFLICT', error: expect.stringContaining('已被删除') });
    expect((await section('fire', first.id)).items[0].evidence).toEqual([]);
    // Taken again on purpose (a new key), it comes back.
    expect((await upload(items[0].checkItem.id, signaturePng(40, 40, 5))).status).toBe(201);
    expect((await section('fire', first.id)).items[0].evidence.map((e: { id: string }) => e.id)).toEqual([takenId]);
  });

  it('only the team writes a visit: an inspector not on it gets FORBIDDEN, a department admin may correct, a made-up inspection is NOT_FOUND', async () => {
    const items = await allItems('market', third.id, 'COMPLIANT');
    const outsider = await call('market-inspector', SAVE('market'), { input: saveInput(third.id, 0, items) });
    expect(outsider.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringContaining('本检查组') });
    const photo = await fetchFile('market-inspector', `/files/market/evidence?inspectionId=${third.id}`, fileBody(signaturePng(), 'x.png'));
    expect(photo.status).toBe(403);
    const admin = await call('market-admin', SAVE('market'), { input: saveInput(third.id, 0, items) });
    expect(admin.errors).toBeUndefined();
    const ghost = await call('market-admin', SAVE('market'), { input: saveInput(randomUUID(), 0, items) });
    expect(ghost.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('two officers saving the same section at once: the later one gets CONFLICT showing what changed, never a silent overwrite', async () => {
    const base = await section('market', first.id);
    const items = await allItems('market', first.id, 'COMPLIANT');
    const mine = await call('market-inspector', SAVE('market'), { input: saveInput(first.id, base.version, items.map((i: any, n: number) => (n === 0 ? { ...i, outcome: 'NON_COMPLIANT', note: '营业执照未悬挂' } : i))) });
    expect(mine.errors).toBeUndefined();
    const theirs = await call('market-admin', SAVE('market'), { input: saveInput(first.id, base.version, items) });
    expect(theirs.errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT', currentVersion: base.version + 1, changes: [expect.objectContaining({ changes: expect.arrayContaining([{ field: 'items.M1.outcome', label: 'M1 检查结果', before: null, after: '不符合' }]) })] },
    });
    expect((await section('market', first.id)).items[0]).toMatchObject({ outcome: 'NON_COMPLIANT', note: '营业执照未悬挂' });
  });

  it('a resent save (same idempotency key) writes once', async () => {
    const base = await section('fire', first.id);
    const input = saveInput(first.id, base.version, await allItems('fire', first.id, 'COMPLIANT'));
    const once = await call('fire-inspector', SAVE('fire'), { input });
    const twice = await call('fire-inspector', SAVE('fire'), { input });
    expect(once.errors).toBeUndefined();
    expect(twice.errors).toBeUndefined();
    expect(twice.data.fireSaveSection.version).toBe(base.version + 1);
    expect((await section('fire', first.id)).version).toBe(base.version + 1);
  });

  it('lifecycle: cannot submit with items unchecked nor sign before every department submits; after submission only an amendment with a reason', async () => {
    const culture = await section('culture', first.id, 'culture-inspector');
    const partial = await call('culture-inspector', SAVE('culture'), { input: saveInput(first.id, culture.version, [{ checkItemId: culture.items[0].checkItem.id, outcome: 'COMPLIANT' }]) });
    const early = await call('culture-inspector', SUBMIT('culture'), { input: { inspectionId: first.id, expectedVersion: partial.data.cultureSaveSection.version, idempotencyKey: randomUUID() } });
    expect(early.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'items' } });
    expect(early.errors?.[0].message).toContain('项检查事项未填写检查结果');

    const impossible = await call('culture-inspector', SAVE('culture'), { input: saveInput(first.id, partial.data.cultureSaveSection.version, [], { resultCodes: [1, 5] }) });
    expect(impossible.errors?.[0]).toMatchObject({ message: expect.stringContaining('不能同时选择'), extensions: { code: 'BAD_USER_INPUT', field: 'resultCodes' } });

    const submitted = await completeSection('culture', 'culture-inspector', first.id);
    expect(submitted).toMatchObject({ status: 'SUBMITTED', resultCodes: [5], orders: [{ kind: 'RECTIFY', delivery: 'MOBILE_PRINTED', deadline: '2022-08-13' }] });

    const sign = `mutation($input: OfficerSignatureInput!) { signRecordForm(input: $input) { ${INSPECTION_RESULT} } }`;
    const tooSoon = await call('culture-inspector', sign, { input: { inspectionId: first.id, inspectorId: first.leaderId, image: dataUrl(signaturePng()), ...signerOf(first.leaderId), idempotencyKey: randomUUID() } });
    expect(tooSoon.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(tooSoon.errors?.[0].message).toMatch(/市场监管.*消防|消防.*市场监管/);

    const overwrite = await call('culture-inspector', SAVE('culture'), { input: saveInput(first.id, submitted.version, [], { resultCodes: [1] }) });
    expect(overwrite.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    const items = await allItems('culture', first.id, 'COMPLIANT', { C4: 'NON_COMPLIANT' });
    const noReason = await call('culture-inspector', AMEND('culture'), { input: { ...saveInput(first.id, submitted.version, items), reason: '' } });
    expect(noReason.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'reason' } });
    const amended = await call('culture-inspector', AMEND('culture'), {
      input: {
        ...saveInput(first.id, submitted.version, items, {
          resultCodes: [5],
          onSiteRecord: { facts: '收银台未悬挂《网络文化经营许可证》', personsPresent: '场所负责人' },
          orders: [{ kind: 'RECTIFY', delivery: 'MOBILE_PRINTED', content: '限五日内悬挂《网络文化经营许可证》', deadline: '2022-08-15', checkItemId: items[3].checkItemId }],
        }),
        reason: '改正期限记错，更正为五日',
      },
    });
    expect(amended.errors).toBeUndefined();
    expect(amended.data.cultureAmendSection).toMatchObject({ status: 'SUBMITTED', amendments: [{ reason: '改正期限记错，更正为五日', changes: [expect.objectContaining({ field: 'orders', before: expect.stringContaining('2022-08-13'), after: expect.stringContaining('2022-08-15') })] }] });
  });

  it('R-VISIT-3: officers sign, the venue refuses, officers sign the refusal note; the record form PDF reads back with all of it, and is locked', async () => {
    await completeSection('market', 'market-inspector', first.id);
    await completeSection('fire', 'fire-inspector', first.id);
    const lockedEvidence = await call('fire-inspector', REMOVE_EVIDENCE('fire'), { input: { inspectionId: first.id, planId: PLAN_2022.id, evidenceId: firePhoto.id, idempotencyKey: randomUUID() } });
    expect(lockedEvidence.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'evidenceId' }, message: expect.stringContaining('不能删除') });
    const sign = (purpose: 'signRecordForm' | 'signRefusalNote', inspectorId: string, user = 'culture-inspector', idempotencyKey = randomUUID(), credentials = signerOf(inspectorId)) =>
      call(user, `mutation($input: OfficerSignatureInput!) { ${purpose}(input: $input) { ${INSPECTION_RESULT} } }`, { input: { inspectionId: first.id, inspectorId, image: dataUrl(signaturePng(120, 40, parseInt(inspectorId.slice(-2), 16))), ...credentials, idempotencyKey } });

    const notOnTeam = await sign('signRecordForm', first.leaderId, 'market-admin');
    expect(notOnTeam.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const leaderKey = randomUUID();
    const leader = await sign('signRecordForm', first.leaderId, 'culture-inspector', leaderKey);
    expect(leader.data.signRecordForm.recordForm).toEqual({ status: 'OFFICERS_SIGNING', missingSigners: ['市场监管', '消防'] });
    // The phone resends after a dropped connection: still one signature.
    const resent = await sign('signRecordForm', first.leaderId, 'culture-inspector', leaderKey);
    expect(resent.errors).toBeUndefined();
    const twice = await sign('signRecordForm', first.leaderId);
    expect(twice.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'inspectorId' } });
    const badImage = await call('culture-inspector', `mutation($input: OfficerSignatureInput!) { signRecordForm(input: $input) { id } }`, { input: { inspectionId: first.id, inspectorId: officer('market', 1).id, image: 'data:image/png;base64,PHNjcmlwdD4=', ...signerOf(officer('market', 1).id), idempotencyKey: randomUUID() } });
    expect(badImage.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'image' } });

    // 本人确认: the phone's user cannot sign in a team-mate's name, neither with their own login nor without the team-mate's password.
    const asSelf = await sign('signRecordForm', officer('market', 1).id, 'culture-inspector', randomUUID(), signerOf(first.leaderId));
    expect(asSelf.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'signerUsername' } });
    const guessed = await sign('signRecordForm', officer('market', 1).id, 'culture-inspector', randomUUID(), { ...signerOf(officer('market', 1).id), signerPassword: 'not-the-password' });
    expect(guessed.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'signerPassword' } });
    expect(guessed.errors?.[0].message).toContain('密码错误');
    expect((await call('office', VISIT, { id: first.id })).data.inspection.recordForm.officerSignatures.map((s: any) => s.inspector.id)).toEqual([first.leaderId]);

    // Officers sign on the leader's phone, passed around the team.
    await sign('signRecordForm', officer('market', 1).id);
    const fire = await sign('signRecordForm', officer('fire', 1).id, 'fire-inspector');
    expect(fire.data.signRecordForm.recordForm).toEqual({ status: 'AWAITING_VENUE', missingSigners: [] });

    const refusal = await call('culture-inspector', `mutation($input: VenueRefusalInput!) { recordVenueRefusal(input: $input) { ${INSPECTION_RESULT} } }`, {
      input: { inspectionId: first.id, note: '场所负责人以“需请示老板”为由拒绝在记录表上签字盖章', idempotencyKey: randomUUID() },
    });
    expect(refusal.data.recordVenueRefusal.recordForm.status).toBe('REFUSAL_SIGNING');
    const lateOfficer = await sign('signRecordForm', first.memberIds[0]);
    expect(lateOfficer.errors?.[0].extensions?.code).toBe('CONFLICT');

    // A refusal recorded by mistake: only the leader withdraws it, with a reason; it stays on the record.
    const WITHDRAW = `mutation($input: WithdrawVenueRefusalInput!) { withdrawVenueRefusal(input: $input) { ${INSPECTION_RESULT} } }`;
    const notLeader = await call('market-inspector', WITHDRAW, { input: { inspectionId: first.id, reason: '误触拒签', idempotencyKey: randomUUID() } });
    expect(notLeader.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const noReason = await call('culture-inspector', WITHDRAW, { input: { inspectionId: first.id, reason: ' ', idempotencyKey: randomUUID() } });
    expect(noReason.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'reason' } });
    const withdrawn = await call('culture-inspector', WITHDRAW, { input: { inspectionId: first.id, reason: '误触了拒签，场所负责人仍在考虑', idempotencyKey: randomUUID() } });
    expect(withdrawn.data.withdrawVenueRefusal.recordForm.status).toBe('AWAITING_VENUE');
    const history = `query($id: ID!) { inspection(id: $id) { recordForm { refusal { note } withdrawnRefusals { note reason withdrawnByName } } } }`;
    expect((await call('office', history, { id: first.id })).data.inspection.recordForm).toEqual({
      refusal: null,
      withdrawnRefusals: [{ note: '场所负责人以“需请示老板”为由拒绝在记录表上签字盖章', reason: '误触了拒签，场所负责人仍在考虑', withdrawnByName: '文广旅执法人员（演示）' }],
    });
    const refusedAgain = await call('culture-inspector', `mutation($input: VenueRefusalInput!) { recordVenueRefusal(input: $input) { ${INSPECTION_RESULT} } }`, {
      input: { inspectionId: first.id, note: '场所负责人以“需请示老板”为由拒绝在记录表上签字盖章', idempotencyKey: randomUUID() },
    });
    expect(refusedAgain.data.recordVenueRefusal.recordForm.status).toBe('REFUSAL_SIGNING');
    await sign('signRefusalNote', first.leaderId);
    // Once an officer signed the refusal note, the refusal is locked.
    const tooLate = await call('culture-inspector', WITHDRAW, { input: { inspectionId: first.id, reason: '想再撤回', idempotencyKey: randomUUID() } });
    expect(tooLate.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringContaining('已锁定') });
    const done = await sign('signRefusalNote', officer('market', 1).id);
    expect(done.data.signRefusalNote).toMatchObject({ status: 'COMPLETED', recordForm: { status: 'COMPLETED' } });

    const visit = (await call('office', VISIT, { id: first.id })).data.inspection;
    expect(visit.recordForm.officerSignatures.map((s: any) => s.inspector.id)).toEqual([first.leaderId, officer('market', 1).id, officer('fire', 1).id]);
    const image = await fetchFile('office', visit.recordForm.officerSignatures[0].imageUrl);
    expect(image.headers.get('content-type')).toBe('image/png');

    const rendered = async () => Number(/^pdf_rendered_total\{service="office"\} (\d+)$/m.exec(await (await fetch(`http://127.0.0.1:${platform.ports.office}/metrics`)).text())?.[1]);
    const renderedBefore = await rendered();
    const pdf = await fetchFile('office', visit.recordForm.pdfUrl);
    expect(pdf.status).toBe(200);
    const text = await extractPdfText(Buffer.from(await pdf.arrayBuffer()));
    for (const id of [first.leaderId, officer('market', 1).id, officer('fire', 1).id]) expect(text).toContain(demoInspectors().find((i) => i.id === id)!.name);
    expect(text).toContain('需请示老板');
    expect(text).toContain('限五日内悬挂');
    expect(text).toContain('发现问题已责令改正');
    expect(text).toContain('改正期限记错');
    const stats = await extractPdfText(Buffer.from(await (await fetchFile('office', visit.recordForm.statisticsPdfUrl)).arrayBuffer()));
    expect(stats).toContain('联合监管统计表');
    // Both came out of the office's render pool (ADR 0012), which /metrics reports.
    expect(await rendered()).toBe(renderedBefore + 2);

    const reschedule = await call('office', `mutation($input: ScheduleVisitInput!) { scheduleVisit(input: $input) { id } }`, { input: { inspectionId: first.id, date: '2022-08-12', startTime: '09:00', endTime: '10:00' } });
    expect(reschedule.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('what was signed prints exactly as signed: an amendment after signing is a dated entry of its own, unconfirmed until the venue acknowledges it', async () => {
    const AMENDMENTS = `query($id: ID!) { inspection(id: $id) { recordForm { signedContentSha256 amendmentsAfterSigning { id department reason amendedByName changes { label before after } acknowledgement { signerName signatureUrl } } } } }`;
    const recordForm = async () => (await call('office', AMENDMENTS, { id: first.id })).data.inspection.recordForm;
    /** The signed pages' text without what changes with every print (generation time, page count). */
    const signedPages = async () => {
      const { pages } = await readPdf(Buffer.from(await (await fetchFile('office', `/files/inspections/${first.id}/record-form.pdf`)).arrayBuffer()));
      const clean = (page: string) => page.replace(/生成时间：[^\n]*/g, '').replace(/第 \d+ 页 共 \d+ 页/g, '');
      return { pages, signed: pages.filter((page) => !page.includes('更正记录（签字后）')).map(clean).join('\n') };
    };
    const before = await signedPages();
    // The amendment before signing (改正期限) is part of what was signed, not an amendment after it.
    expect((await recordForm()).amendmentsAfterSigning).toEqual([]);
    expect((await recordForm()).signedContentSha256).toMatch(/^[0-9a-f]{64}$/);

    // After the venue's part, the culture admin corrects C1: 符合 → 不涉及, with a note.
    const culture = await section('culture', first.id);
    const items = culture.items.map((i: any) => ({ checkItemId: i.checkItem.id, outcome: i.checkItem.code === 'C1' ? 'NOT_APPLICABLE' : i.outcome, note: i.checkItem.code === 'C1' ? '该场所未设此项，签字后复核更正' : i.note }));
    const amended = await call('culture-admin', AMEND('culture'), {
      input: {
        ...saveInput(first.id, culture.version, items, {
          resultCodes: [5],
          onSiteRecord: { facts: '收银台未悬挂《网络文化经营许可证》', personsPresent: '场所负责人' },
          orders: [{ kind: 'RECTIFY', delivery: 'MOBILE_PRINTED', content: '限五日内悬挂《网络文化经营许可证》', deadline: '2022-08-15', checkItemId: items[3].checkItemId }],
        }),
        reason: '复核现场照片，C1 不涉及',
      },
    });
    expect(amended.errors).toBeUndefined();

    // The department tells the office by event (ADR 0013); wait for it.
    let form = await recordForm();
    for (let i = 0; i < 60 && form.amendmentsAfterSigning.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      form = await recordForm();
    }
    expect(form.amendmentsAfterSigning).toEqual([
      expect.objectContaining({ department: 'CULTURE', reason: '复核现场照片，C1 不涉及', acknowledgement: null, changes: expect.arrayContaining([expect.objectContaining({ before: '符合', after: '不涉及' })]) }),
    ]);

    const after = await signedPages();
    expect(after.signed).toBe(before.signed);
    expect(after.signed).not.toContain('签字后复核更正');
    const last = after.pages[after.pages.length - 1];
    expect(after.pages.length).toBe(before.pages.length + 1);
    expect(last).toContain('更正记录（签字后）');
    expect(last).toContain('复核现场照片，C1 不涉及');
    expect(last).toContain('符合 → 不涉及');
    expect(last).toContain('未经被检查对象确认');

    // The venue acknowledges it: recorded by the team or the office, never by another department's admin.
    const ACK = 'mutation($input: AcknowledgeAmendmentInput!) { acknowledgeRecordAmendment(input: $input) { id acknowledgement { signerName signatureUrl } } }';
    const input = { amendmentId: form.amendmentsAfterSigning[0].id, signerName: '赵德明', signature: dataUrl(signaturePng(120, 40, 77)), idempotencyKey: randomUUID() };
    const outsider = await call('market-admin', ACK, { input: { ...input, idempotencyKey: randomUUID() } });
    expect(outsider.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const acknowledged = await call('culture-inspector', ACK, { input });
    expect(acknowledged.errors).toBeUndefined();
    expect(acknowledged.data.acknowledgeRecordAmendment.acknowledgement.signerName).toBe('赵德明');
    expect((await fetchFile('office', acknowledged.data.acknowledgeRecordAmendment.acknowledgement.signatureUrl)).headers.get('content-type')).toBe('image/png');
    const twice = await call('office', ACK, { input: { ...input, idempotencyKey: randomUUID() } });
    expect(twice.errors?.[0].extensions?.code).toBe('CONFLICT');
    const acknowledgedPdf = await signedPages();
    const lastPage = acknowledgedPdf.pages[acknowledgedPdf.pages.length - 1];
    expect(lastPage).toContain('赵德明（');
    expect(lastPage).not.toContain('未经被检查对象确认');
    expect(acknowledgedPdf.signed).toBe(before.signed);
  });
});
