import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { launchChromium, signInAs } from './chromium';
import { graphql, login } from './graphql';
import { DEMO_PASSWORD } from '@dr/demo-data';
import { PLAN_2022 } from '@dr/domain';

const DESKTOP: BrowserContextOptions = { viewport: { width: 1366, height: 900 } };
const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

// Issue "Trust": the 审计日志 page (ADR 0016) searched and exported in Chromium.
describe('the audit trail page (审计日志) in the browser', () => {
  let platform: Platform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startPlatform({ db: 'sqlite', web: true });
    browser = await launchChromium();
    // Someone guesses culture-admin's password once.
    await graphql(platform.urls.gateway, 'mutation($input: LoginInput!) { login(input: $input) { token } }', { input: { username: 'culture-admin', password: 'not-the-password' } });
    // The culture admin files a briefing: a write in the culture subgraph's own trail.
    const token = await login(platform.urls.gateway, 'culture-admin', DEMO_PASSWORD);
    const filed = await graphql(
      platform.urls.gateway,
      'mutation($input: SubmitBriefingInput!) { cultureSubmitBriefing(input: $input) { id } }',
      { input: { planId: PLAN_2022.id, highlights: '检查覆盖全部抽中场所', problems: '个别场所未悬挂许可证', suggestions: '加强日常巡查' } },
      token,
    );
    expect(filed.errors).toBeUndefined();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  async function openAuditTrail(options: BrowserContextOptions, username: string): Promise<Page> {
    const page = await (await browser.newContext({ ...options, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true })).newPage();
    await signInAs(page, platform.urls.shell, username);
    await page.goto(`${platform.urls.shell}/settings/audit`);
    await page.getByTestId('audit-pager').waitFor();
    return page;
  }

  const pickOption = async (page: Page, testId: string, label: string) => {
    await page.getByTestId(testId).click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(label, { exact: true }).click();
  };

  it('the office finds a failed login by user and action, switches to a department\'s trail, and exports it as CSV', async () => {
    const page = await openAuditTrail(DESKTOP, 'office');
    await page.getByTestId('audit-user').fill('culture-admin');
    await pickOption(page, 'audit-action', '登录');
    await page.getByTestId('audit-search').click();
    const list = page.getByTestId('audit-list');
    await list.getByText('失败', { exact: true }).waitFor();
    await expect(list.getByText('culture-admin').count()).resolves.toBeGreaterThan(0);
    // Only logins are listed, each in Chinese; no English action codes or table names on screen.
    await expect(list.textContent()).resolves.not.toMatch(/login|app_user/);

    await page.getByTestId('audit-user').fill('');
    await pickOption(page, 'audit-source', '文化');
    await page.getByTestId('audit-action').locator('.ant-select-clear').click({ force: true });
    await page.getByTestId('audit-search').click();
    // The culture subgraph's own trail: the briefing its admin filed.
    await list.getByText('专项简报').first().waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^审计日志-文化-\d{4}-\d{2}-\d{2}\.csv$/);
  }, 120_000);

  it('a department admin reads only the department\'s own trail, on a phone, with nothing wider than the screen', async () => {
    const page = await openAuditTrail(PHONE, 'culture-admin');
    await expect(page.getByTestId('audit-source').textContent()).resolves.toContain('文化');
    await expect(page.getByTestId('audit-source').getAttribute('class')).resolves.toContain('ant-select-disabled');
    await page.getByTestId('audit-list').getByText('专项简报').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }, 60_000);
});
