import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { launchChromium, signInAs } from './chromium';

const DESKTOP: BrowserContextOptions = { viewport: { width: 1366, height: 900 } };
const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** A year no release ships: National Day 10-01..10-07 off, Saturday 10-09 worked (made up for the test). */
const YEAR_2027 = {
  year: 2027,
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试用）',
  holidays: ['2027-01-01', '2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'],
  workingDays: ['2027-10-09'],
};

describe('the office keeps the working-day calendar in the browser (R-CAL-1, R-CAL-2)', () => {
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

  async function openCalendar(options: BrowserContextOptions, username: string): Promise<Page> {
    const page = await (await browser.newContext({ ...options, locale: 'zh-CN' })).newPage();
    await signInAs(page, platform.urls.shell, username);
    await page.goto(`${platform.urls.shell}/settings/calendar`);
    await page.getByRole('cell', { name: '2026', exact: true }).waitFor();
    return page;
  }

  /** Asks the calculator and waits until its answer says `expected` (an answer replaces the last one). */
  async function expectDeadline(page: Page, from: string, days: number, expected: string): Promise<void> {
    await page.getByTestId('deadline-from').fill(from);
    await page.getByTestId('deadline-from').press('Enter');
    await page.getByTestId('deadline-days').fill(String(days));
    await page.getByTestId('deadline-calculate').click();
    await page.getByTestId('deadline-answer').getByText(expected).waitFor({ timeout: 15_000 });
  }

  it('counts a deadline across a holiday, refuses a year not loaded, loads the year from a JSON file and counts with it at once', async () => {
    const page = await openCalendar(DESKTOP, 'office');
    for (const year of ['2022', '2023', '2024', '2025', '2026']) await page.getByRole('cell', { name: year, exact: true }).waitFor();
    // 2022-09-30 + 7 working days, across 国庆 and its two make-up days (DOMAIN.md).
    await expectDeadline(page, '2022-09-30', 7, '期限届满日：2022年10月14日');
    await expectDeadline(page, '2027-09-30', 7, '尚未导入');

    const file = join(mkdtempSync(join(tmpdir(), 'dr-calendar-')), '2027.json');
    writeFileSync(file, JSON.stringify(YEAR_2027));
    await page.getByTestId('calendar-load').click();
    const drawer = page.getByTestId('calendar-load-drawer');
    await drawer.locator('input[type="file"]').setInputFiles(file);
    await expect(page.getByTestId('calendar-year').inputValue()).resolves.toBe('2027');
    await expect(page.getByTestId('calendar-source').inputValue()).resolves.toBe(YEAR_2027.source);
    await page.getByTestId('calendar-load-drawer-submit').click();
    await page.getByRole('cell', { name: '联席办载入' }).waitFor();
    await expect(page.getByRole('row', { name: /2027/ }).textContent()).resolves.toContain('8 天');

    // No restart: the same question now has an answer (10-08 Fri, 10-09 make-up Sat, then 10-11 … 10-15).
    await expectDeadline(page, '2027-09-30', 7, '期限届满日：2027年10月15日');
  }, 120_000);

  it('shows the calendar read-only to an inspector, on a phone', async () => {
    const page = await openCalendar(PHONE, 'culture-inspector');
    await expect(page.getByTestId('calendar-load').count()).resolves.toBe(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }, 60_000);
});
