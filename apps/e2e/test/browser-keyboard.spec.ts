import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { PLAN_2022 } from '@dr/domain';
import { demoInspections } from '@dr/demo-data';
import { focusStop, type FocusStop } from './a11y';
import { launchChromium, signInAs } from './chromium';

const SIZES: Record<string, BrowserContextOptions> = {
  '1366×768': { viewport: { width: 1366, height: 768 } },
  '360×640': { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
};

/** Enough stops to pass every control of the department tab once; bounded so a trap fails instead of hanging. */
const MAX_STOPS = 160;

describe('the web UI by keyboard alone in Chromium: every focused control is visible (WCAG 2.4.7, 2.4.11, issue 14)', () => {
  let platform: Platform;
  let browser: Browser;
  const [visit] = demoInspections();

  beforeAll(async () => {
    platform = await startPlatform({ db: 'sqlite', web: true });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  async function openPage(size: BrowserContextOptions): Promise<Page> {
    const context = await browser.newContext({ ...size, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    return context.newPage();
  }

  /** Presses Tab until focus leaves `scope` (or comes back to where it began), and returns each stop. */
  async function walk(page: Page, until: (stop: FocusStop) => boolean): Promise<FocusStop[]> {
    const stops: FocusStop[] = [];
    for (let n = 0; n < MAX_STOPS; n++) {
      await page.keyboard.press('Tab');
      // What the user sees is the next frame, after the page has reacted to the focus.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const stop = await focusStop(page);
      if (!stop || until(stop)) break;
      stops.push(stop);
    }
    return stops;
  }

  const hidden = (stops: FocusStop[]) => stops.filter((stop) => !stop.inViewport || stop.coveredBy).map((stop) => `${stop.what}${stop.coveredBy ? ` under ${stop.coveredBy}` : ' outside the window'}`);

  for (const [sizeName, size] of Object.entries(SIZES)) {
    it(`walks the login page at ${sizeName}, signs in by keyboard and lands on the home page's heading`, async () => {
      const page = await openPage(size);
      try {
        await page.goto(`${platform.urls.shell}/login`);
        await page.getByTestId('login-username').waitFor();
        const stops = await walk(page, (stop) => stop.what.includes('login-submit'));
        expect(stops.length).toBeGreaterThanOrEqual(2);
        expect(hidden(stops)).toEqual([]);

        await page.getByTestId('login-username').focus();
        await page.keyboard.type('office');
        await page.keyboard.press('Tab');
        await page.keyboard.type('Demo@2022');
        await page.keyboard.press('Enter');
        await page.getByTestId('plan-list').waitFor();
        // Focus moves to the new page's heading, so a screen reader starts with where the user is.
        await page.waitForFunction(() => document.activeElement?.tagName === 'H1' && document.activeElement.textContent !== '');
        await expect(page.evaluate(() => document.querySelectorAll('h1').length)).resolves.toBe(1);
      } finally {
        await page.context().close();
      }
    });

    it(`walks the culture tab of a visit at ${sizeName} as its inspector: no control is under the sticky 保存/提交 bar or the top bar`, async () => {
      const page = await openPage(size);
      try {
        await signInAs(page, `${platform.urls.shell}/login`, 'culture-inspector');
        await page.goto(`${platform.urls.shell}/inspections/${visit.id}?tab=culture`);
        await page.getByTestId('culture-section-actions').waitFor({ timeout: 30_000 });
        // A violation opens the measures with an order and its 改正期限 picker: the longest form of the tab.
        await page.getByTestId('outcome-C1-NON_COMPLIANT').click();
        await page.getByTestId('order-add').click();
        await page.getByTestId('order-0-deadline').waitFor();

        await page.getByTestId('page-heading').focus();
        const stops = await walk(page, (stop) => stop.what.includes('signing-card') || stop.what.includes('open-signing'));
        expect(stops.length).toBeGreaterThan(30);
        expect(stops.some((stop) => stop.what.includes('order-0-deadline'))).toBe(true);
        expect(hidden(stops)).toEqual([]);
      } finally {
        await page.context().close();
      }
    });
  }

  it('names the department tabs by their department alone (no English "Tab 1 of 3") and moves focus to the heading of each new page', async () => {
    const page = await openPage(SIZES['1366×768']);
    try {
      await signInAs(page, `${platform.urls.shell}/login`, 'office');
      await page.locator('[data-testid^="plan-item-"]', { hasText: PLAN_2022.documentNumber }).getByTestId('plan-open').click();
      await page.getByTestId('plan-inspections').waitFor();
      await page.waitForFunction((title) => document.activeElement?.tagName === 'H1' && document.activeElement.textContent === title, PLAN_2022.documentNumber);

      await page.goto(`${platform.urls.shell}/inspections/${visit.id}`);
      await page.getByTestId('culture-section').waitFor({ timeout: 30_000 });
      await page.getByRole('tab', { selected: true }).focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      await page.getByTestId('market-section').waitFor({ timeout: 30_000 });
      const tabs = await page.getByTestId('department-tabs').locator('[role="tablist"]').first().ariaSnapshot();
      expect(tabs).toContain('tab "文广旅"');
      expect(tabs).toContain('tab "市场监管" [selected]');
      expect(tabs).not.toMatch(/Tab \d of \d/);
      // A tab is not a new page: focus stays on the tab list.
      await expect(page.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.toBe('tab');
    } finally {
      await page.context().close();
    }
  });
});
