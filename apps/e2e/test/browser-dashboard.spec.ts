import ExcelJS from 'exceljs';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { launchChromium, signInAs } from './chromium';
import { graphql, login } from './graphql';
import { signAndPublishFirstVisit } from './signed-visit';

const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1366, height: 900 } };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const USERS = ['office', 'culture-admin', 'market-admin', 'culture-inspector', 'market-inspector', 'fire-inspector', 'fire-admin'];

describe('进度看板 in Chromium: figures from the records, each opening the list behind it, exported as XLSX', () => {
  let platform: Platform;
  let browser: Browser;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    platform = await startPlatform({ db: 'sqlite', web: true });
    for (const user of USERS) tokens[user] = await login(platform.urls.gateway, user);
    await signAndPublishFirstVisit((user, query, variables = {}) => graphql(platform.urls.gateway, query, variables, tokens[user]));
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  async function signedIn(user: string, options: BrowserContextOptions): Promise<Page> {
    const context = await browser.newContext({ ...options, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    await signInAs(page, `${platform.urls.shell}/login`, user);
    await page.getByTestId('dashboard-stages').waitFor();
    return page;
  }

  /** What the screen says is plain language: no UUIDs, no rule ids. */
  async function expectPlainLanguage(page: Page) {
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(UUID);
    expect(text).not.toMatch(/R-[A-Z]+-\d/);
  }

  it('the office: a stage figure opens the plan task list filtered the same way; a code figure opens the department list with as many rows, which exports', async () => {
    const page = await signedIn('office', DESKTOP);
    await expectPlainLanguage(page);
    const signed = page.getByTestId('dashboard-stage-signed');
    await expect(signed.innerText()).resolves.toContain('1');
    await signed.click();
    await page.waitForURL(/stage=SIGNED/);
    await page.getByTestId('plan-inspections').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="inspection-item-"]').length === 1);

    await page.goBack();
    const code5 = page.getByTestId('dashboard-code-5-CULTURE');
    await expect(code5.innerText()).resolves.toBe('1');
    await code5.click();
    await page.getByTestId('drill-down-page').waitFor();
    await expect(page.getByTestId('drill-down-count').innerText()).resolves.toBe('共 1 条');
    expect(await page.locator('[data-testid^="drill-down-item-"]').count()).toBe(1);
    await expect(page.getByTestId('drill-down-filter').innerText()).resolves.toContain('结果代码 5');
    await expectPlainLanguage(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('drill-down-export').click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    expect(workbook.worksheets[0].rowCount).toBe(2);
    expect(download.suggestedFilename()).toMatch(/^文广旅检查结果清单-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await page.context().close();
  });

  it('each chart is hidden from screen readers (the table of links beside it is the way in), and a click on a bar opens its list', async () => {
    const page = await signedIn('office', DESKTOP);
    const chart = page.getByTestId('dashboard-departments-chart');
    await chart.locator('svg').waitFor();
    expect(await chart.getAttribute('aria-hidden')).toBe('true');
    // The tallest bar of the first series (结果已形成): every department has one result formed.
    const box = await chart.evaluate((element) => {
      const bars = Array.from(element.querySelectorAll('path')).filter((path) => path.getAttribute('fill')?.toLowerCase() === '#1f5fbf');
      const rects = bars.map((bar) => bar.getBoundingClientRect()).filter((rect) => rect.height > 20);
      const rect = rects[0];
      return rect ? { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 } : null;
    });
    expect(box).not.toBeNull();
    await page.mouse.click(box!.x, box!.y);
    await page.getByTestId('drill-down-page').waitFor();
    expect(page.url()).toMatch(/\/dashboard\/culture\/results\?planId=/);
    await expect(page.getByTestId('drill-down-count').innerText()).resolves.toBe('共 1 条');
    await page.context().close();
  });

  it('a department admin on a 360 px phone sees its own department only, and nothing is wider than the screen', async () => {
    const page = await signedIn('culture-admin', PHONE);
    await page.getByTestId('dashboard-code-5-CULTURE').waitFor();
    expect(await page.getByTestId('dashboard-code-1-MARKET').count()).toBe(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectPlainLanguage(page);
    await page.context().close();
  });

  it('an inspector has no dashboard on the home page (the plans, as before)', async () => {
    const context = await browser.newContext({ ...DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    await signInAs(page, `${platform.urls.shell}/login`, 'culture-inspector');
    expect(await page.getByTestId('dashboard').count()).toBe(0);
    await context.close();
  });
});
