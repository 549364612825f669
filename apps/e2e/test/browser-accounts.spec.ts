import type { Browser, Page } from 'playwright-core';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { launchChromium, signInAs } from './chromium';

// Issue "Trust": 账号管理 in the shell, and the 修改密码 page forced at the first login (R-ACC-4).
describe('accounts in the browser', () => {
  let platform: Platform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startPlatform({ web: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  const fill = (page: Page, testId: string, value: string) => page.getByTestId(testId).fill(value);

  it('the office adds a department admin, who must change the initial password at first login and then logs in with the new one', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await signInAs(page, `${platform.urls.shell}/login`, 'office');
    await page.goto(`${platform.urls.shell}/settings/accounts`);
    await page.getByTestId('accounts-card').waitFor();
    await page.getByTestId('account-row').first().waitFor();
    await page.getByTestId('account-new').click();
    await fill(page, 'account-username', 'xiaofang-admin2');
    await fill(page, 'account-display-name', '消防管理员乙');
    await page.getByTestId('account-department').click();
    await page.getByTitle('消防', { exact: true }).click();
    // The policy is checked as one types, in Chinese.
    await fill(page, 'account-password', 'password123');
    await fill(page, 'account-password-confirm', 'password123');
    await page.getByTestId('account-new-drawer-submit').click();
    await page.getByText('密码须包含大写字母、小写字母、数字、特殊符号中的至少三类').waitFor();
    await fill(page, 'account-password', 'Chu#Shi2024x');
    await fill(page, 'account-password-confirm', 'Chu#Shi2024x');
    await page.getByTestId('account-new-drawer-submit').click();
    await page.getByText('消防管理员乙').waitFor();
    await page.getByText('待修改密码').first().waitFor();

    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
    await page.getByTestId('login-username').fill('xiaofang-admin2');
    await page.getByTestId('login-password').fill('Chu#Shi2024x');
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/change-password');
    await page.getByTestId('change-password-forced').waitFor();
    // Nothing else opens until the password is changed.
    await page.goto(`${platform.urls.shell}/workbench`);
    await page.waitForURL('**/change-password');
    await fill(page, 'change-password-current', 'Chu#Shi2024x');
    await fill(page, 'change-password-new', 'Xin#Mima2024y');
    await fill(page, 'change-password-confirm', 'Xin#Mima2024y');
    await page.getByTestId('change-password-submit').click();
    await page.waitForURL('**/login');
    await page.getByText('密码已修改，请使用新密码重新登录').waitFor();
    await signInAs(page, `${platform.urls.shell}/login`, 'xiaofang-admin2', 'Xin#Mima2024y');
    await context.close();
  });
});
