import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { PLAN_2022 } from '@dr/domain';
import { demoInspections } from '@dr/demo-data';
import { SMALL_STAMP_JPEG } from '@dr/documents/testing';
import { sha256Hex } from '@dr/subgraph-kit';
import { testDatabases } from '@dr/config-jest/databases';
import { graphql, login } from './graphql';
import { dataUrl, signaturePng } from './images';
import { signerOf } from './signers';

/** Every file below `directory` (the content-addressed store keeps `ab/abcd…`), by name. */
function filesUnder(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
}

// Issue "Trust": a refused upload leaves nothing in the store, a bad file name is a clear 400, and
// an image header glued to an HTML page is not an image.
describe.each(testDatabases())('file uploads refused cleanly on %s', (db: 'sqlite' | 'mariadb') => {
  let platform: Platform;
  let origin: string;
  let dataDir: string;
  const tokens: Record<string, string> = {};
  const [first] = demoInspections();

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'dr-file-holes-'));
    platform = await startPlatform({ db, dataDir, env: { IMPORT_DIR: join(dataDir, 'imports') } });
    origin = new URL(platform.urls.gateway).origin;
    for (const user of ['office', 'culture-inspector', 'market-inspector']) tokens[user] = await login(platform.urls.gateway, user);
  });
  afterAll(async () => {
    await platform?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const call = (user: string, query: string, variables: Record<string, unknown>) => graphql(platform.urls.gateway, query, variables, tokens[user]);
  const upload = (user: string, path: string, bytes: Buffer, fileNameHeader: string) =>
    fetch(`${origin}${path}`, { method: 'POST', body: new Uint8Array(bytes), headers: { authorization: `Bearer ${tokens[user]}`, 'content-type': 'application/octet-stream', 'x-file-name': fileNameHeader } });
  const store = (part: 'culture' | 'market' | 'office') => join(dataDir, 'files', part);

  it('evidence refused because the section is submitted leaves no file in the store', async () => {
    const evidenceUrl = `/files/culture/evidence?inspectionId=${first.id}`;
    const taken = signaturePng(64, 64, 3);
    expect((await upload('culture-inspector', evidenceUrl, taken, encodeURIComponent('现场照片.png'))).status).toBe(201);
    expect(filesUnder(store('culture'))).toEqual([sha256Hex(taken)]);

    const current = (await call('culture-inspector', `query($id: ID!) { inspection(id: $id) { cultureSection { version items { checkItem { id } } } } }`, { id: first.id })).data.inspection.cultureSection;
    const saved = await call('culture-inspector', `mutation($input: SaveSectionInput!) { cultureSaveSection(input: $input) { version } }`, {
      input: { inspectionId: first.id, planId: PLAN_2022.id, expectedVersion: current.version, idempotencyKey: randomUUID(), items: current.items.map((i: any) => ({ checkItemId: i.checkItem.id, outcome: 'COMPLIANT' })), resultCodes: [1, 9], orders: [] },
    });
    expect(saved.errors).toBeUndefined();
    const submitted = await call('culture-inspector', `mutation($input: SubmitSectionInput!) { cultureSubmitSection(input: $input) { status } }`, {
      input: { inspectionId: first.id, expectedVersion: saved.data.cultureSaveSection.version, idempotencyKey: randomUUID() },
    });
    expect(submitted.errors).toBeUndefined();

    const late = await upload('culture-inspector', evidenceUrl, signaturePng(64, 64, 4), encodeURIComponent('迟到的照片.png'));
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ code: 'CONFLICT', field: 'inspectionId' });
    expect(filesUnder(store('culture'))).toEqual([sha256Hex(taken)]);
  });

  it("an officer's signature refused by the record form leaves no image in the office's store", async () => {
    const image = signaturePng(120, 40, 9);
    // The venue has not refused, so there is no refusal note to sign (R-VISIT-3).
    const refused = await call('culture-inspector', `mutation($input: OfficerSignatureInput!) { signRefusalNote(input: $input) { id } }`, {
      input: { inspectionId: first.id, inspectorId: first.leaderId, image: dataUrl(image), ...signerOf(first.leaderId), idempotencyKey: randomUUID() },
    });
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'inspectionId' } });
    expect(filesUnder(store('office'))).not.toContain(sha256Hex(image));
  });

  it('a malformed or unsafe X-File-Name is a 400 on fileName, for evidence and for imports, and nothing is stored', async () => {
    const before = filesUnder(store('market'));
    for (const header of ['%E0%A4%A', encodeURIComponent('照片\u202Egpj.exe'), encodeURIComponent('../照片.png'), 'a%0Ab.png']) {
      const answer = await upload('market-inspector', `/files/market/evidence?inspectionId=${first.id}`, signaturePng(32, 32, 5), header);
      expect(answer.status).toBe(400);
      expect(await answer.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fileName', error: expect.stringMatching(/^文件名/) });
    }
    expect(filesUnder(store('market'))).toEqual(before);

    const imported = await upload('office', '/files/imports?kind=venues', Buffer.from('名称,统一社会信用代码\n'), '%E0%A4%A');
    expect(imported.status).toBe(400);
    expect(await imported.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fileName' });
    expect(filesUnder(join(dataDir, 'imports'))).toEqual([]);
  });

  it('JPEG magic followed by an HTML page is refused with 415; a real JPEG is taken', async () => {
    const url = `/files/market/evidence?inspectionId=${first.id}`;
    const before = filesUnder(store('market'));
    const polyglot = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<html><script>alert(document.cookie)</script></html>')]);
    const forged = await upload('market-inspector', url, polyglot, encodeURIComponent('照片.jpg'));
    expect(forged.status).toBe(415);
    expect(await forged.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', error: expect.stringContaining('JPEG') });
    const appended = await upload('market-inspector', url, Buffer.concat([SMALL_STAMP_JPEG, polyglot]), encodeURIComponent('照片.jpg'));
    expect(appended.status).toBe(415);
    expect(filesUnder(store('market'))).toEqual(before);

    const real = await upload('market-inspector', url, SMALL_STAMP_JPEG, encodeURIComponent('照片.jpg'));
    expect(real.status).toBe(201);
    expect(await real.json()).toMatchObject({ contentType: 'image/jpeg', fileName: '照片.jpg' });
  });
});
