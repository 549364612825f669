import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { PLAN_2022 } from '@dr/domain';
import { launchChromium, signInAs } from './chromium';
import { graphql, login } from './graphql';

const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1366, height: 900 } };

describe('检查事项: a department admin keeps its items of a plan in Chromium (R-ITEM-4)', () => {
  let platform: Platform;
  let browser: Browser;
  let planId: string;

  beforeAll(async () => {
    platform = await startPlatform({ db: 'sqlite', web: true });
    browser = await launchChromium();
    const office = await login(platform.urls.gateway, 'office');
    const created = await graphql(platform.urls.gateway, 'mutation($input: CreatePlanInput!) { createPlan(input: $input) { id } }', {
      input: {
        title: '平顶山市卫东区互联网上网服务营业场所“双随机、一公开”部门联合监管实施方案', documentNumber: '平卫双随机办〔2023〕5号', issueDate: '2023-07-20', objectType: '互联网上网服务营业场所',
        windowStart: '2023-07-26', windowEnd: '2023-12-31', participatingDepartments: ['CULTURE', 'MARKET', 'FIRE'], leadDepartment: 'CULTURE', annualPlan: '', reportingDeadline: '2023-12-01', reportTo: 'MARKET', copyFromPlanId: PLAN_2022.id,
      },
    }, office);
    planId = created.data.createPlan.id;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  async function openPage(options: BrowserContextOptions, username: string, path: string): Promise<Page> {
    const context = await browser.newContext({ ...options, locale: 'zh-CN' });
    const page = await context.newPage();
    await signInAs(page, platform.urls.shell, username);
    await page.goto(`${platform.urls.shell}${path}`);
    return page;
  }

  it('on a 360 px phone the fire admin rewords F2 (a new version, 待法制审核 cleared) and moves F3 up', async () => {
    const page = await openPage(PHONE, 'fire-admin', `/plans/${planId}`);
    const editor = page.getByTestId('fire-check-items');
    await editor.getByTestId('fire-check-items-item-F2').getByTestId('legal-review-pending').waitFor({ timeout: 60_000 });
    await editor.getByTestId('fire-check-items-edit-F2').click();
    await page.getByTestId('fire-check-items-basis').fill('《中华人民共和国消防法》第十六条第一款第（五）项、第（六）项');
    await page.getByText('检查依据待法制审核').click();
    await page.getByTestId('fire-check-items-save').click();
    await editor.getByTestId('fire-check-items-item-F2').getByText('第 2 版').waitFor();
    await expect(editor.getByTestId('fire-check-items-item-F2').getByTestId('legal-review-pending').count()).resolves.toBe(0);

    await editor.getByTestId('fire-check-items-up-F3').click();
    await editor.getByTestId('fire-check-items-item-F3').getByText('2. 单位建筑消防设施、器材维护保养情况').waitFor();
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
    await page.context().close();
  });

  it('the 2022 plan\'s items are locked, and the office reads C6 marked 待法制审核 without any button', async () => {
    const page = await openPage(DESKTOP, 'office', `/plans/${PLAN_2022.id}`);
    const editor = page.getByTestId('culture-check-items');
    await editor.getByText('本计划已抽取，检查事项已锁定').waitFor({ timeout: 60_000 });
    await editor.getByTestId('culture-check-items-item-C6').getByTestId('legal-review-pending').waitFor();
    await expect(editor.getByTestId('culture-check-items-add').count()).resolves.toBe(0);
    await expect(editor.getByTestId('culture-check-items-edit-C1').count()).resolves.toBe(0);
    await page.context().close();
  });
});
