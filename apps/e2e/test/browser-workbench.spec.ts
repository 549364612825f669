import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { PLAN_2022, type Department } from '@dr/domain';
import { demoInspections, demoInspectors, demoVenues } from '@dr/demo-data';
import { launchChromium, signInAs } from './chromium';
import { graphql, login } from './graphql';
import { dataUrl, signaturePng } from './images';
import { signerOf } from './signers';

/** A phone held upright, and an office screen. */
const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
const USERS = ['office', 'culture-admin', 'culture-inspector', 'market-inspector', 'fire-inspector'] as const;

describe('the department workbench (工作台) in the browser, on a phone and on a desktop', () => {
  let platform: Platform;
  let browser: Browser;
  const tokens: Record<string, string> = {};
  const [visit] = demoInspections();
  const venue = demoVenues().find((v) => v.id === visit.venueId)!;
  const call = (user: string, query: string, variables: Record<string, unknown> = {}) => graphql(platform.urls.gateway, query, variables, tokens[user]);
  const cultureResult = async () =>
    (await call('office', 'query($id: ID!) { cultureResult(inspectionId: $id) { status summary returnReason publishedByName } }', { id: visit.id })).data?.cultureResult;

  /** Each department records and submits its part, as in results.spec (culture: C4 not compliant, code 5). */
  async function submitSection(department: Department) {
    const user = `${department}-inspector`;
    const section = (await call(user, `query($id: ID!) { inspection(id: $id) { ${department}Section { version items { checkItem { id code } } } } }`, { id: visit.id })).data.inspection[`${department}Section`];
    const culture = department === 'culture';
    const items = section.items.map((i: { checkItem: { id: string; code: string } }) => ({ checkItemId: i.checkItem.id, outcome: culture && i.checkItem.code === 'C4' ? 'NON_COMPLIANT' : 'COMPLIANT' }));
    const extra = culture ? { resultCodes: [5], orders: [{ kind: 'RECTIFY', delivery: 'WRITTEN', content: '限期悬挂许可证', deadline: '2022-08-13', checkItemId: items[3].checkItemId }] } : { resultCodes: [1, 9], orders: [] };
    const saved = await call(user, `mutation($input: SaveSectionInput!) { ${department}SaveSection(input: $input) { version } }`, {
      input: { inspectionId: visit.id, planId: PLAN_2022.id, expectedVersion: section.version, idempotencyKey: randomUUID(), items, ...extra },
    });
    expect(saved.errors).toBeUndefined();
    const submitted = await call(user, `mutation($input: SubmitSectionInput!) { ${department}SubmitSection(input: $input) { status } }`, {
      input: { inspectionId: visit.id, expectedVersion: saved.data[`${department}SaveSection`].version, idempotencyKey: randomUUID() },
    });
    expect(submitted.errors).toBeUndefined();
  }

  /** The demo visit is completed through the API (every officer and the venue sign), which opens each department's result. */
  beforeAll(async () => {
    platform = await startPlatform({ db: 'sqlite', web: true });
    browser = await launchChromium();
    for (const user of USERS) tokens[user] = await login(platform.urls.gateway, user);
    for (const department of ['culture', 'market', 'fire'] as const) await submitSection(department);
    const officers = [visit.leaderId, ...(['market', 'fire'] as const).map((d) => demoInspectors().filter((i) => i.department === d)[0].id)];
    for (const inspectorId of officers) {
      const signed = await call('culture-inspector', 'mutation($input: OfficerSignatureInput!) { signRecordForm(input: $input) { id } }', {
        input: { inspectionId: visit.id, inspectorId, image: dataUrl(signaturePng(120, 40, parseInt(inspectorId.slice(-2), 16))), ...signerOf(inspectorId), idempotencyKey: randomUUID() },
      });
      expect(signed.errors).toBeUndefined();
    }
    const venueSigned = await call('culture-inspector', 'mutation($input: VenueSignatureInput!) { recordVenueSignature(input: $input) { status } }', {
      input: { inspectionId: visit.id, signerName: '场所负责人', signature: dataUrl(signaturePng(120, 40, 7)), stamp: dataUrl(signaturePng(80, 80, 3)), idempotencyKey: randomUUID() },
    });
    expect(venueSigned.data?.recordVenueSignature.status).toBe('COMPLETED');
    const deadline = Date.now() + 15_000;
    while (!(await cultureResult())) {
      if (Date.now() > deadline) throw new Error('the culture result was not formed');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  async function openWorkbench(user: string, options: BrowserContextOptions): Promise<Page> {
    const page = await (await browser.newContext(options)).newPage();
    await signInAs(page, `${platform.urls.shell}/login`, user);
    await page.goto(`${platform.urls.shell}/workbench`);
    return page;
  }
  const noSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const item = (page: Page) => page.getByTestId(`result-item-${visit.id}`);
  /** Waits until the dialog is gone (the server answered and the lists were read again). */
  const submitDialog = async (page: Page, testId: string) => {
    await page.getByTestId(`${testId}-ok`).click();
    await page.getByTestId(testId).waitFor({ state: 'hidden', timeout: 15_000 });
  };

  it('the culture admin finds the pending result, overdue in words, on the home badge and the workbench at 360×640', async () => {
    const page = await (await browser.newContext(PHONE)).newPage();
    await signInAs(page, `${platform.urls.shell}/login`, 'culture-admin');
    // Home: the badge counts the waiting result (and the follow-up opened by the rectification order).
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="workbench-reminder-count"] sup')?.getAttribute('title') ?? 0) >= 1, null, { timeout: 15_000 });
    await page.getByTestId('workbench-reminder-open').click();
    await page.getByTestId('culture-workbench').waitFor({ timeout: 30_000 });
    await item(page).waitFor();
    const text = await item(page).textContent();
    expect(text).toContain(venue.name);
    expect(text).toContain('2022年8月10日');
    // R-PUB-1: 20 working days after 2022-08-10 is 2022-09-07, long past: said in words, not colour alone.
    expect(text).toContain('2022年9月7日');
    expect(text).toMatch(/已超期 \d+ 个工作日/);
    await expect(page.getByTestId(`deadline-${visit.id}`).getAttribute('data-urgency')).resolves.toBe('OVERDUE');
    // An admin of the department may enter too; no office-only wording, no ids on screen.
    expect(await page.locator('body').innerText()).not.toMatch(/R-[A-Z]+-\d|[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(await noSideways(page)).toBeLessThanOrEqual(0);
  });

  it('an inspector enters it on a phone; the admin returns it with a reason, it is entered again and published on a desktop (R-PUB-1/2)', async () => {
    const phone = await openWorkbench('culture-inspector', PHONE);
    await phone.getByTestId(`result-enter-${visit.id}`).click();
    await phone.getByTestId('result-summary').fill('未悬挂许可证');
    await submitDialog(phone, 'result-enter-form');
    await item(phone).waitFor({ state: 'detached' });
    expect(await cultureResult()).toMatchObject({ status: 'PENDING_REVIEW', summary: '未悬挂许可证' });
    // An inspector reviews nothing: no publish button in 待审核.
    await phone.getByTestId('workbench-tab-PENDING_REVIEW').click();
    await item(phone).waitFor();
    await expect(phone.getByTestId(`result-publish-${visit.id}`).count()).resolves.toBe(0);
    expect(await noSideways(phone)).toBeLessThanOrEqual(0);

    const desk = await openWorkbench('culture-admin', DESKTOP);
    await desk.getByTestId('workbench-tab-PENDING_REVIEW').click();
    await desk.getByTestId(`result-return-${visit.id}`).click();
    // A reason is required before anything is sent.
    await desk.getByTestId('result-return-form-ok').click();
    await desk.getByText('请填写退回理由').waitFor();
    expect((await cultureResult()).status).toBe('PENDING_REVIEW');
    await desk.getByTestId('result-return-reason').fill('请写明已责令限期改正');
    await submitDialog(desk, 'result-return-form');
    expect(await cultureResult()).toMatchObject({ status: 'RETURNED', returnReason: '请写明已责令限期改正' });

    await desk.getByTestId('workbench-tab-RETURNED').click();
    await desk.getByTestId(`return-reason-${visit.id}`).waitFor();
    await desk.getByTestId(`result-enter-${visit.id}`).click();
    await desk.getByTestId('result-summary').fill('未悬挂许可证，已责令限期改正');
    await submitDialog(desk, 'result-enter-form');
    await desk.getByTestId('workbench-tab-PENDING_REVIEW').click();
    await desk.getByTestId(`result-publish-${visit.id}`).click();
    await submitDialog(desk, 'result-publish-form');
    expect(await cultureResult()).toMatchObject({ status: 'PUBLISHED', summary: '未悬挂许可证，已责令限期改正', publishedByName: '文广旅局管理员（演示）' });
    await desk.getByTestId('workbench-tab-PUBLISHED').click();
    await item(desk).waitFor();
    await desk.getByTestId(`result-correct-${visit.id}`).waitFor();
    expect(await noSideways(desk)).toBeLessThanOrEqual(0);
  });

  it('the office reads every department’s workbench without any button, on a phone and on a desktop', async () => {
    for (const options of [PHONE, DESKTOP]) {
      const page = await openWorkbench('office', options);
      const workbench = page.getByTestId('culture-workbench');
      await workbench.waitFor({ timeout: 30_000 });
      await expect(workbench.getAttribute('data-read-only')).resolves.toBe('true');
      await page.getByTestId('workbench-tab-PUBLISHED').click();
      await item(page).waitFor();
      await expect(workbench.locator('[data-testid^="result-correct-"]').count()).resolves.toBe(0);
      await page.getByTestId('workbench-tab-follow-ups').click();
      // The follow-up opened by culture's rectification order (R-PUB-3), overdue since 2022.
      await page.getByTestId('follow-up-list').getByText('限期悬挂许可证').first().waitFor();
      await expect(workbench.locator('[data-testid^="follow-up-record-"]').count()).resolves.toBe(0);

      // Another department: its result waits for entry, and the office cannot enter it.
      await page.getByTestId('workbench-switch-market').click();
      await page.getByTestId('market-workbench').waitFor({ timeout: 30_000 });
      await item(page).waitFor();
      await expect(page.locator('[data-testid^="result-enter-"]').count()).resolves.toBe(0);
      expect(await noSideways(page)).toBeLessThanOrEqual(0);
      await page.context().close();
    }
  });
});
