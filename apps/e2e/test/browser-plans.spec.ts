import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { PLAN_2022 } from '@dr/domain';
import { launchChromium, signInAs } from './chromium';

const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1366, height: 900 } };

describe('抽查计划: the office sets up plans in Chromium (R-PLAN-1)', () => {
  let platform: Platform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startPlatform({ db: 'sqlite', web: true });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  async function openPage(options: BrowserContextOptions, username: string): Promise<Page> {
    const context = await browser.newContext({ ...options, locale: 'zh-CN' });
    const page = await context.newPage();
    await signInAs(page, platform.urls.shell, username);
    return page;
  }

  it('copies last year\'s plan on a desktop: a 文号 already used is refused under its field, then the plan is set up', async () => {
    const page = await openPage(DESKTOP, 'office');
    await page.getByTestId('plan-list').getByText(PLAN_2022.documentNumber).waitFor();
    // The 2022 plan has tasks: it is shown as drawn, with no 修改.
    const row = page.locator('[data-testid^="plan-item-"]', { hasText: PLAN_2022.documentNumber });
    await row.getByText('已抽取，不可修改').waitFor();
    await expect(row.getByTestId('plan-edit').count()).resolves.toBe(0);

    await page.getByTestId('plan-copy').click();
    const drawer = page.getByTestId('plan-form');
    await drawer.waitFor();
    await expect(page.getByTestId('plan-window-start').inputValue()).resolves.toBe('2023-07-26');
    await page.getByTestId('plan-document-number').fill(PLAN_2022.documentNumber);
    await page.getByTestId('plan-form-submit').click();
    await drawer.getByText(`文号“${PLAN_2022.documentNumber}”已被方案`).waitFor();

    await page.getByTestId('plan-document-number').fill('平卫双随机办〔2023〕5号');
    await page.getByTestId('plan-form-submit').click();
    await page.getByTestId('plan-descriptions').getByText('平卫双随机办〔2023〕5号').waitFor();
    await page.context().close();
  });

  it('on a 360 px phone: the list fits the screen, a plan not yet drawn offers 修改, and the form fills the screen', async () => {
    const page = await openPage(PHONE, 'office');
    const copy = page.locator('[data-testid^="plan-item-"]', { hasText: '平卫双随机办〔2023〕5号' });
    await copy.waitFor();
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
    await copy.getByTestId('plan-edit').click();
    const drawer = page.getByTestId('plan-form');
    await drawer.waitFor();
    await expect(page.getByTestId('plan-document-number').inputValue()).resolves.toBe('平卫双随机办〔2023〕5号');
    const box = await page.locator('.ant-drawer-content-wrapper').boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(359);
    await page.context().close();
  });

  it('department staff see the plans but cannot set one up', async () => {
    const page = await openPage(DESKTOP, 'culture-admin');
    await page.getByTestId('plan-list').getByText(PLAN_2022.documentNumber).waitFor();
    await expect(page.getByTestId('plan-create').count()).resolves.toBe(0);
    await expect(page.getByTestId('plan-copy').count()).resolves.toBe(0);
    await page.context().close();
  });
});
