import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { PLAN_2022, checkItemsOf, type Department } from '@dr/domain';
import { launchChromium, signInAs } from './chromium';

const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1366, height: 900 } };

describe('the shell with the department remotes in Chromium', () => {
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

  async function openPage(options: BrowserContextOptions): Promise<Page> {
    const context = await browser.newContext({ ...options, locale: 'zh-CN' });
    return context.newPage();
  }

  const signIn = (page: Page, username: string) => signInAs(page, platform.urls.shell, username);

  /** From the plan list, opens the 2022 plan and then its first inspection. */
  async function openFirstInspection(page: Page): Promise<void> {
    await page.locator('[data-testid^="plan-item-"]', { hasText: PLAN_2022.documentNumber }).getByTestId('plan-open').click();
    await page.getByTestId('plan-descriptions').getByText(PLAN_2022.documentNumber).waitFor();
    await page.getByTestId('plan-inspections').getByTestId('inspection-open').first().click();
    await page.getByTestId('department-tabs').waitFor();
  }

  /** Opens a department's tab and returns the codes of the check items its remote rendered. */
  async function itemCodesOf(page: Page, department: Department): Promise<string[]> {
    await page.getByTestId(`tab-${department}`).click();
    const section = page.getByTestId(`${department}-section`);
    await section.waitFor({ timeout: 30_000 });
    const ids = await section.locator('[data-testid^="checklist-item-"]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid')));
    return ids.map((id) => String(id).replace('checklist-item-', ''));
  }

  const codesOf = (department: Department) => checkItemsOf(department).map((item) => item.code);

  it('shows each department tab with its own items from its remote (R-ITEM-1, R-ITEM-2, R-ITEM-3)', async () => {
    const page = await openPage(DESKTOP);
    await signIn(page, 'office');
    await expect(page.getByTestId('current-user-role').textContent()).resolves.toContain('联席办管理员');
    await openFirstInspection(page);

    await expect(itemCodesOf(page, 'culture')).resolves.toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7']);
    await expect(itemCodesOf(page, 'market')).resolves.toEqual(codesOf('market'));
    await expect(itemCodesOf(page, 'fire')).resolves.toEqual(codesOf('fire'));
    // The joint office reads the departments' checklists but records nothing itself.
    await expect(page.getByTestId('fire-section-read-only').isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  it('keeps the other tabs working while one remote is down, and 重试 loads it once it is back', async () => {
    const page = await openPage(DESKTOP);
    await signIn(page, 'office');
    await openFirstInspection(page);
    const inspectionUrl = page.url().split('?')[0];

    await platform.stop('web-market');
    try {
      await page.goto(`${inspectionUrl}?tab=market`);
      const fallback = page.getByTestId('market-remote-fallback');
      await fallback.waitFor({ timeout: 30_000 });
      await expect(fallback.textContent()).resolves.toContain('市场监管模块暂时无法加载');
      await expect(fallback.getByRole('button', { name: /重\s*试/ }).isVisible()).resolves.toBe(true);

      await expect(itemCodesOf(page, 'culture')).resolves.toEqual(codesOf('culture'));
      await expect(itemCodesOf(page, 'fire')).resolves.toEqual(codesOf('fire'));
    } finally {
      await platform.start('web-market');
    }

    await page.getByTestId('tab-market').click();
    await page.getByTestId('market-remote-fallback-retry').click();
    await page.getByTestId('market-section').waitFor({ timeout: 30_000 });
    await expect(itemCodesOf(page, 'market')).resolves.toEqual(codesOf('market'));
    await page.context().close();
  });

  it('shows 该部门服务暂不可用 in a tab whose subgraph is down while the inspection still renders', async () => {
    const page = await openPage(DESKTOP);
    await signIn(page, 'office');
    await openFirstInspection(page);
    const inspectionUrl = page.url().split('?')[0];

    await platform.stop('fire');
    try {
      await page.goto(`${inspectionUrl}?tab=fire`);
      const notice = page.getByTestId('fire-section-unavailable');
      await notice.waitFor({ timeout: 30_000 });
      await expect(notice.textContent()).resolves.toContain('该部门服务暂不可用');
      await expect(page.getByTestId('venue-descriptions').isVisible()).resolves.toBe(true);
      await expect(itemCodesOf(page, 'culture')).resolves.toEqual(codesOf('culture'));
    } finally {
      await platform.start('fire');
    }

    await page.getByTestId('tab-fire').click();
    await page.getByTestId('fire-section-unavailable-retry').click();
    await page.getByTestId('fire-section').waitFor({ timeout: 30_000 });
    await expect(itemCodesOf(page, 'fire')).resolves.toEqual(codesOf('fire'));
    await page.context().close();
  });

  it('works on a phone (360×640): menu in a drawer, cards instead of tables, touch-sized controls', async () => {
    const page = await openPage(PHONE);
    await signIn(page, 'culture-inspector');

    await page.getByTestId('menu-toggle').click();
    await page.getByTestId('main-menu').getByText('抽查计划').waitFor();
    await page.keyboard.press('Escape');

    await openFirstInspection(page);
    const codes = await itemCodesOf(page, 'culture');
    expect(codes).toEqual(codesOf('culture'));
    // Cards, not table rows, and the inspector of the department may record outcomes.
    await expect(page.getByTestId('checklist-item-C1').evaluate((node) => node.tagName)).resolves.not.toBe('TR');
    await page.getByTestId('outcome-editor-C1').waitFor();

    const save = await page.getByTestId('section-save').boundingBox();
    const logout = await page.getByTestId('logout').boundingBox();
    expect(save?.height).toBeGreaterThanOrEqual(40);
    expect(logout?.height).toBeGreaterThanOrEqual(40);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it('keeps the session in httpOnly cookies: the page can read no token, and a session the gateway does not know goes back to the login page', async () => {
    const page = await openPage(DESKTOP);
    await signInAs(page, `${platform.urls.shell}/login`, 'office');
    const cookies = await page.context().cookies();
    expect(cookies.find((cookie) => cookie.name === 'dr_at')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(cookies.find((cookie) => cookie.name === 'dr_rt')).toMatchObject({ httpOnly: true, path: '/auth' });
    const visible = await page.evaluate(() => `${document.cookie} ${JSON.stringify({ ...window.localStorage })} ${JSON.stringify({ ...window.sessionStorage })}`);
    expect(visible).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+/);
    expect(visible).not.toContain(cookies.find((cookie) => cookie.name === 'dr_at')!.value);
    // The cookies are gone (another browser, or ended elsewhere): the stored "who" is not enough.
    await page.context().clearCookies();
    await page.reload();
    await page.waitForURL('**/login', { timeout: 30_000 });
    await expect(page.evaluate(() => window.localStorage.getItem('dr.session'))).resolves.toBeNull();
    await page.context().close();
  });
});
