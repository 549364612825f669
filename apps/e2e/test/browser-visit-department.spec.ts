import { randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { checkItemsOf, type Department } from '@dr/domain';
import { demoInspections } from '@dr/demo-data';
import { launchChromium, signInAs } from './chromium';
import { graphql, login } from './graphql';

/** A phone held upright. */
const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

/** A small RGB PNG made here (a gradient, so two sizes never give the same bytes). */
function pngFile(width: number, height: number): Buffer {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = table[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * (width * 3 + 1) + 1 + x * 3;
      raw[at] = (x * 255) / width;
      raw[at + 1] = (y * 255) / height;
      raw[at + 2] = 128;
    }
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const SECTION_FIELDS = `status version resultCodes
  items { checkItem { id code } outcome note evidence { id fileName contentType } }
  onSiteRecord { facts personsPresent }
  orders { kind delivery content deadline checkItemId }`;

describe('the department tab of a visit on a phone, offline-safe (issue #4)', () => {
  let platform: Platform;
  let browser: Browser;
  const tokens: Record<string, string> = {};
  // The demo inspector logins are on the team of the first demo inspection only (inspectors write only
  // their own team's visits); the tests below follow one another on its sections.
  const [visit, otherVisit] = demoInspections();

  beforeAll(async () => {
    platform = await startPlatform({ db: 'sqlite', web: true });
    browser = await launchChromium();
    for (const user of ['culture-inspector', 'culture-admin', 'market-inspector', 'fire-inspector']) tokens[user] = await login(platform.urls.gateway, user);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  async function sectionOf(department: Department, inspectionId: string, user = `${department}-inspector`) {
    const result = await graphql(platform.urls.gateway, `query($id: ID!) { inspection(id: $id) { planId ${department}Section { ${SECTION_FIELDS} } } }`, { id: inspectionId }, tokens[user]);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return { planId: result.data.inspection.planId as string, ...result.data.inspection[`${department}Section`] };
  }

  /** Signs in on a phone and opens the department's tab of an inspection. */
  async function openTab(username: string, department: Department, inspectionId: string): Promise<{ page: Page; context: BrowserContext }> {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await signInAs(page, `${platform.urls.shell}/login`, username);
    await page.goto(`${platform.urls.shell}/inspections/${inspectionId}?tab=${department}`);
    await page.getByTestId(`${department}-section`).waitFor({ timeout: 30_000 });
    return { page, context };
  }

  const syncState = (page: Page) => page.getByTestId('sync-status').getAttribute('data-state');
  const waitForSynced = (page: Page) =>
    page.waitForFunction(() => document.querySelector('[data-testid="sync-status"]')?.getAttribute('data-state') === 'synced', null, { timeout: 30_000 });

  it('culture: items with a photo, an order and result 5 are saved, survive a reload, and offline changes reach the server exactly once (R-VISIT-1/2, R-RES-2)', async () => {
    const inspectionId = visit.id;
    const { page, context } = await openTab('culture-inspector', 'culture', inspectionId);

    await page.getByTestId('outcome-C1-NON_COMPLIANT').click();
    await page.getByTestId('note-C1').fill('12 号机位有一名未成年人上网，未核验身份证');
    await page.getByTestId('evidence-C1').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: pngFile(160, 120) });
    for (const code of ['C2', 'C3', 'C4', 'C5', 'C6', 'C7']) await page.getByTestId(`outcome-${code}-COMPLIANT`).click();

    // The measures appear with the violation (R-VISIT-1/2).
    await page.getByTestId('on-site-facts').fill('检查时发现一名未成年人在 12 号机位上网。');
    await page.getByTestId('on-site-persons').fill('网吧负责人 王某某');
    await page.getByTestId('order-add').click();
    await page.getByTestId('order-0-content').fill('立即停止接纳未成年人，限期整改');
    // The Chinese date picker (issue 14) takes a typed day on Enter, inside the visit's window.
    await page.getByTestId('order-0-deadline').fill('2022-09-01');
    await page.getByTestId('order-0-deadline').press('Enter');

    // R-RES-2 in the browser: 1 未发现问题 does not fit a 不符合 item.
    await page.getByTestId('result-code-1').click();
    await expect(page.getByTestId('result-problems').textContent()).resolves.toContain('有检查事项不符合');
    await page.getByTestId('result-code-1').click();
    await page.getByTestId('result-code-5').click();
    await page.getByTestId('section-save').click();
    await waitForSynced(page);

    const saved = await sectionOf('culture', inspectionId);
    const c1 = saved.items.find((item: { checkItem: { code: string } }) => item.checkItem.code === 'C1');
    expect(c1).toMatchObject({ outcome: 'NON_COMPLIANT', note: '12 号机位有一名未成年人上网，未核验身份证' });
    expect(c1.evidence).toEqual([expect.objectContaining({ fileName: '现场照片.png', contentType: 'image/png' })]);
    expect(saved.resultCodes).toEqual([5]);
    expect(saved.orders).toEqual([{ kind: 'RECTIFY', delivery: 'WRITTEN', content: '立即停止接纳未成年人，限期整改', deadline: '2022-09-01', checkItemId: null }]);
    expect(saved.onSiteRecord).toEqual({ facts: '检查时发现一名未成年人在 12 号机位上网。', personsPresent: '网吧负责人 王某某' });

    await page.reload();
    await page.getByTestId('culture-section').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('outcome-C1-NON_COMPLIANT').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.getByTestId('evidence-item-C1').count()).resolves.toBe(1);
    await expect(page.getByTestId('order-0-content').inputValue()).resolves.toBe('立即停止接纳未成年人，限期整改');
    await expect(syncState(page)).resolves.toBe('synced');

    // Offline: changes and a photo wait on the phone, visibly.
    await context.setOffline(true);
    await page.getByTestId('outcome-C2-NOT_APPLICABLE').click();
    await page.getByTestId('note-C3').fill('离线时补充：身份证核验登记簿缺两页');
    await page.getByTestId('evidence-C3').setInputFiles({ name: '登记簿.png', mimeType: 'image/png', buffer: pngFile(200, 150) });
    await page.getByTestId('section-save').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="sync-status"]')?.textContent?.includes('未发送 2 项（离线）'), null, { timeout: 10_000 });
    await expect(syncState(page)).resolves.toBe('offline');
    await expect((await sectionOf('culture', inspectionId)).version).toBe(saved.version);

    // Back online: sent in order, each change once.
    await context.setOffline(false);
    await waitForSynced(page);
    const synced = await sectionOf('culture', inspectionId);
    expect(synced.version).toBe(saved.version + 1);
    const byCode = (code: string) => synced.items.find((item: { checkItem: { code: string } }) => item.checkItem.code === code);
    expect(byCode('C2').outcome).toBe('NOT_APPLICABLE');
    expect(byCode('C3').note).toBe('离线时补充：身份证核验登记簿缺两页');
    expect(byCode('C3').evidence.map((evidence: { fileName: string }) => evidence.fileName)).toEqual(['登记簿.png']);
    expect(byCode('C1').evidence).toHaveLength(1);
    await context.close();
  });

  it('resends a save whose answer was lost with the same idempotency key: the server applies it once', async () => {
    const inspectionId = visit.id;
    const { page, context } = await openTab('culture-inspector', 'culture', inspectionId);
    const before = await sectionOf('culture', inspectionId);
    const keys: string[] = [];
    await page.route(/\/graphql$/, async (route) => {
      const body = route.request().postDataJSON() as { query?: string; variables?: { input?: { idempotencyKey?: string } } } | null;
      if (!body?.query?.includes('SaveSection')) return route.continue();
      keys.push(String(body.variables?.input?.idempotencyKey));
      if (keys.length > 1) return route.continue();
      await route.fetch(); // the server applies it …
      await route.abort('connectionreset'); // … and the phone never hears back
    });
    await page.getByTestId('outcome-C4-NOT_APPLICABLE').click();
    await page.getByTestId('section-save').click();
    await waitForSynced(page);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(new Set(keys).size).toBe(1);
    const after = await sectionOf('culture', inspectionId);
    expect(after.version).toBe(before.version + 1);
    await context.close();
  });

  it('shows the server’s Chinese reason when it refuses a file (type checked by content) and goes on', async () => {
    const { page, context } = await openTab('culture-inspector', 'culture', visit.id);
    await page.getByTestId('evidence-C6').setInputFiles({ name: '不是照片.png', mimeType: 'image/png', buffer: Buffer.from('这不是图片') });
    await expect(page.getByTestId('evidence-error-C6').textContent({ timeout: 20_000 })).resolves.toContain('文件类型不支持');
    await waitForSynced(page);
    await context.close();
  });

  it('shows a CONFLICT with who changed what and saves the user’s draft on top of the newer version', async () => {
    const inspectionId = visit.id;
    const { page, context } = await openTab('culture-inspector', 'culture', inspectionId);
    await page.getByTestId('outcome-C5-NOT_APPLICABLE').click();

    // Meanwhile the department admin records C4 from another device.
    const current = await sectionOf('culture', inspectionId, 'culture-admin');
    const items = checkItemsOf('culture');
    const input = {
      inspectionId,
      planId: current.planId,
      expectedVersion: current.version,
      idempotencyKey: randomUUID(),
      items: current.items.map((item: { checkItem: { id: string; code: string }; outcome: string | null; note: string | null }) => ({
        checkItemId: item.checkItem.id,
        outcome: item.checkItem.code === 'C4' ? 'COMPLIANT' : item.outcome,
        note: item.checkItem.code === 'C4' ? '许可证已悬挂（管理员核实）' : item.note,
      })),
      resultCodes: current.resultCodes,
      onSiteRecord: current.onSiteRecord,
      orders: current.orders,
    };
    expect(items.some((item) => item.code === 'C4')).toBe(true);
    const result = await graphql(platform.urls.gateway, 'mutation($input: SaveSectionInput!) { cultureSaveSection(input: $input) { version } }', { input }, tokens['culture-admin']);
    expect(result.errors).toBeUndefined();

    await page.getByTestId('section-save').click();
    const panel = page.getByTestId('conflict-panel');
    await panel.waitFor({ timeout: 20_000 });
    await expect(syncState(page)).resolves.toBe('conflict');
    await expect(panel.textContent()).resolves.toContain('许可证已悬挂（管理员核实）');
    await expect(panel.textContent()).resolves.toContain('文广旅局管理员');

    await page.getByTestId('conflict-reload').click();
    await panel.waitFor({ state: 'detached', timeout: 20_000 });
    // The user's change is kept, the admin's is there too, nothing saved yet.
    await expect(page.getByTestId('outcome-C5-NOT_APPLICABLE').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.getByTestId('note-C4').inputValue()).resolves.toBe('许可证已悬挂（管理员核实）');
    await page.getByTestId('section-save').click();
    await waitForSynced(page);
    const merged = await sectionOf('culture', inspectionId);
    const byCode = (code: string) => merged.items.find((item: { checkItem: { code: string } }) => item.checkItem.code === code);
    expect(byCode('C4')).toMatchObject({ outcome: 'COMPLIANT', note: '许可证已悬挂（管理员核实）' });
    expect(byCode('C5').outcome).toBe('NOT_APPLICABLE');
    await context.close();
  });

  it('market: photos taken by mistake come off the record before submission, after a confirmation, also offline (sent once)', async () => {
    const inspectionId = visit.id;
    const { page, context } = await openTab('market-inspector', 'market', inspectionId);
    const removals: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.postData()?.includes('RemoveEvidence')) removals.push(request.postDataJSON().variables.input.idempotencyKey);
    });
    const [first, second] = checkItemsOf('market').map((item) => item.code);
    const evidenceOnServer = async () => (await sectionOf('market', inspectionId)).items.flatMap((item: { evidence: { fileName: string }[] }) => item.evidence.map((e) => e.fileName)).sort();
    await page.getByTestId(`evidence-${first}`).setInputFiles({ name: '误拍一.png', mimeType: 'image/png', buffer: pngFile(90, 60) });
    await page.getByTestId(`evidence-${second}`).setInputFiles({ name: '误拍二.png', mimeType: 'image/png', buffer: pngFile(60, 90) });
    await waitForSynced(page);
    await expect(evidenceOnServer()).resolves.toEqual(['误拍一.png', '误拍二.png']);

    // Online: 删除 asks first, then the photo is off the record.
    await page.getByTestId(`evidence-remove-${first}`).click();
    await page.getByTestId(`evidence-remove-confirm-${first}`).click();
    await page.getByTestId(`evidence-item-${first}`).waitFor({ state: 'detached', timeout: 10_000 });
    await waitForSynced(page);
    await expect(evidenceOnServer()).resolves.toEqual(['误拍二.png']);

    // Offline: gone from the phone at once, waiting visibly, removed on the server when the network returns.
    await context.setOffline(true);
    await page.getByTestId(`evidence-remove-${second}`).click();
    await page.getByTestId(`evidence-remove-confirm-${second}`).click();
    await page.getByTestId(`evidence-item-${second}`).waitFor({ state: 'detached', timeout: 10_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="sync-status"]')?.textContent?.includes('未发送 1 项（离线）'), null, { timeout: 10_000 });
    await expect(evidenceOnServer()).resolves.toEqual(['误拍二.png']);
    await context.setOffline(false);
    await waitForSynced(page);
    await expect(evidenceOnServer()).resolves.toEqual([]);
    await expect(page.getByTestId(`evidence-item-${second}`).count()).resolves.toBe(0);
    // One request per removal: the offline one waited and went once (no request left while offline).
    expect(removals).toHaveLength(2);
    expect(new Set(removals).size).toBe(2);
    await context.close();
  });

  it('is read-only for an inspector of the department who is not on the visit’s team', async () => {
    const { page, context } = await openTab('culture-inspector', 'culture', otherVisit.id);
    await expect(page.getByTestId('culture-section-read-only').textContent()).resolves.toContain('您不在本次检查组中');
    await expect(page.getByTestId('outcome-C1-COMPLIANT').count()).resolves.toBe(0);
    await context.close();
  });

  it.each([
    ['market', 'market-inspector'],
    ['fire', 'fire-inspector'],
  ] as const)('%s: the inspector records every item, submits after confirming, and the record is locked (R-RES-1)', async (department, user) => {
    const inspectionId = visit.id;
    const { page, context } = await openTab(user, department, inspectionId);
    const codes = checkItemsOf(department).map((item) => item.code);
    for (const code of codes) await page.getByTestId(`outcome-${code}-COMPLIANT`).click();
    // Submitting without a result is refused in the browser, in Chinese.
    await page.getByTestId('section-submit').click();
    await expect(page.getByTestId('submit-problems').textContent()).resolves.toContain('请选择检查结果');
    await page.getByTestId('result-code-1').click();
    await page.getByTestId('section-submit').click();
    await page.getByTestId('submit-confirm').click();
    await page.getByTestId(`${department}-section-locked`).waitFor({ timeout: 30_000 });
    await expect(page.getByTestId(`outcome-${codes[0]}-COMPLIANT`).count()).resolves.toBe(0);
    const submitted = await sectionOf(department, inspectionId);
    expect(submitted.status).toBe('SUBMITTED');
    expect(submitted.resultCodes).toEqual([1]);
    expect(submitted.items.every((item: { outcome: string }) => item.outcome === 'COMPLIANT')).toBe(true);

    // 更正: a reason is required; the change is listed with before and after.
    await page.getByTestId('amend-start').click();
    // Evidence belongs to the submitted record: an amendment neither adds nor removes it.
    await expect(page.getByTestId(`evidence-${codes[0]}`).count()).resolves.toBe(0);
    await page.getByTestId(`note-${codes[0]}`).fill('复核后补充说明');
    await page.getByTestId('amend-save').click();
    await expect(page.getByText('请填写更正理由').isVisible()).resolves.toBe(true);
    await page.getByTestId('amend-reason').fill('现场记录遗漏备注');
    await page.getByTestId('amend-save').click();
    await page.getByTestId('amendments').getByText('现场记录遗漏备注').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('amendments').textContent()).resolves.toContain('复核后补充说明');
    await context.close();
  });
});
