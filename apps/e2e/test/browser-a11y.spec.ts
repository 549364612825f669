import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { PLAN_2022 } from '@dr/domain';
import { demoInspections } from '@dr/demo-data';
import { axeViolations } from './a11y';
import { launchChromium, signInAs } from './chromium';

/** The two sizes of the audit in issue 14: a government desktop and a phone held upright. */
const SIZES: Record<string, BrowserContextOptions> = {
  '1366×768': { viewport: { width: 1366, height: 768 } },
  '360×640': { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
};

/** Nobody signed in: what a citizen sees. */
const PUBLIC = 'public';
/** One login of each kind of role: the joint office, a department's admin, and each department's inspector on their own tab. */
type Viewer = typeof PUBLIC | 'office' | 'culture-admin' | 'culture-inspector' | 'market-inspector' | 'fire-inspector';

/** A page of the web UI to audit, with who may see it and what shows it is ready. */
interface AuditedRoute {
  name: string;
  path: string;
  viewers: Viewer[];
  /** `data-testid` of an element that is there once the page has loaded its data. */
  ready: string;
  /** `data-testid` of a button to press first, for a drawer or dialog of the page: it is audited open. */
  open?: string;
}

const [inspection] = demoInspections();
const SIGNED_IN: Viewer[] = ['office', 'culture-admin'];

/**
 * Every route of the shell and each department remote's tab. Add a page here (the public results portal,
 * a new directory) and it is audited at both sizes for each viewer listed.
 */
const ROUTES: AuditedRoute[] = [
  { name: 'login', path: '/login', viewers: [PUBLIC], ready: 'login-username' },
  { name: 'public verification', path: '/public/verify', viewers: [PUBLIC], ready: 'verify-page' },
  { name: 'public results', path: '/public/results', viewers: [PUBLIC], ready: 'public-results-page' },
  { name: 'public venue results', path: '/public/results/venue/91110000000000000X', viewers: [PUBLIC], ready: 'public-venue-empty' },
  { name: 'home (plans)', path: '/', viewers: SIGNED_IN, ready: 'plan-list' },
  { name: 'home (dashboard)', path: '/', viewers: ['office', 'culture-admin'], ready: 'dashboard-overdue' },
  { name: 'dashboard results list', path: `/dashboard/culture/results?planId=${PLAN_2022.id}&overdue=true`, viewers: ['office', 'culture-admin'], ready: 'drill-down-count' },
  { name: 'dashboard follow-ups list', path: `/dashboard/culture/follow-ups?planId=${PLAN_2022.id}`, viewers: ['office', 'culture-admin'], ready: 'drill-down-count' },
  { name: 'plan', path: `/plans/${PLAN_2022.id}`, viewers: SIGNED_IN, ready: 'plan-inspections' },
  { name: 'draws', path: '/draws', viewers: SIGNED_IN, ready: 'draw-home' },
  { name: 'plan draws', path: `/plans/${PLAN_2022.id}/draws`, viewers: SIGNED_IN, ready: 'plan-draws-page' },
  { name: 'draw wizard', path: `/plans/${PLAN_2022.id}/draws/new`, viewers: ['office'], ready: 'draw-parameters' },
  { name: 'venue directory', path: '/directories/venues', viewers: SIGNED_IN, ready: 'venue-directory' },
  { name: 'culture workbench', path: '/workbench', viewers: ['office', 'culture-admin', 'culture-inspector'], ready: 'culture-workbench' },
  { name: 'plan reports', path: `/plans/${PLAN_2022.id}/reports`, viewers: ['office'], ready: 'report-summary-xlsx' },
  { name: 'culture briefing', path: `/plans/${PLAN_2022.id}/briefing`, viewers: ['culture-admin', 'culture-inspector'], ready: 'culture-briefing' },
  { name: 'holiday calendar', path: '/settings/calendar', viewers: SIGNED_IN, ready: 'calendar-page' },
  { name: 'audit trail', path: '/settings/audit', viewers: SIGNED_IN, ready: 'audit-pager' },
  { name: 'inspector directory', path: '/directories/inspectors', viewers: SIGNED_IN, ready: 'inspector-directory' },
  { name: 'culture tab', path: `/inspections/${inspection.id}?tab=culture`, viewers: ['office', 'culture-inspector'], ready: 'culture-section' },
  { name: 'market tab', path: `/inspections/${inspection.id}?tab=market`, viewers: ['office', 'market-inspector'], ready: 'market-section' },
  { name: 'fire tab', path: `/inspections/${inspection.id}?tab=fire`, viewers: ['office', 'fire-inspector'], ready: 'fire-section' },
  { name: 'visit schedule drawer', path: `/inspections/${inspection.id}`, viewers: ['office'], open: 'visit-schedule-open', ready: 'visit-date' },
  { name: 'visit notice drawer', path: `/inspections/${inspection.id}`, viewers: ['office'], open: 'notice-open', ready: 'notice-mode' },
  { name: 'record form signing', path: `/inspections/${inspection.id}/sign`, viewers: ['office', 'culture-inspector'], ready: 'signing-sections' },
];

/**
 * What a civil servant or a member of the public must never read: rule ids (R-DRAW-2), UUIDs, and
 * instructions meant for developers (npm, source directories). They belong in code, tests and docs.
 */
const DEVELOPER_WORDS = [/\bR-[A-Z]+-\d/g, /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, /\bnpm\b/g, /源代码/g];

function developerWordsIn(text: string): string[] {
  return DEVELOPER_WORDS.flatMap((pattern) => text.match(pattern) ?? []);
}

const VIEWERS: Viewer[] = [...new Set(ROUTES.flatMap((route) => route.viewers))];

describe('WCAG 2.1 AA in Chromium (axe-core, zh-CN) and no developer words on screen: every route, both sizes, each role that can see it (issue 14)', () => {
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

  /** One browser context per viewer and size, signed in once; its pages are audited one after another. */
  async function contextFor(viewer: Viewer, size: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ ...size, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    if (viewer !== PUBLIC) await signInAs(page, `${platform.urls.shell}/login`, viewer);
    return { context, page };
  }

  for (const [sizeName, size] of Object.entries(SIZES)) {
    for (const viewer of VIEWERS) {
      const routes = ROUTES.filter((route) => route.viewers.includes(viewer));
      it(`has no violations at ${sizeName} for ${viewer}: ${routes.map((route) => route.name).join(', ')}`, async () => {
        const { context, page } = await contextFor(viewer, size);
        try {
          const found: Record<string, unknown> = {};
          for (const route of routes) {
            await page.goto(`${platform.urls.shell}${route.path}`);
            if (route.open) await page.getByTestId(route.open).click({ timeout: 30_000 });
            await page.getByTestId(route.ready).first().waitFor({ timeout: 30_000 });
            const violations = await axeViolations(page);
            if (violations.length) found[route.name] = violations;
            const developerWords = developerWordsIn(await page.locator('body').innerText());
            if (developerWords.length) found[`${route.name}: developer words on screen`] = developerWords;
          }
          expect(found).toEqual({});
        } finally {
          await context.close();
        }
      }, 240_000);
    }
  }

  it('names the visit drawer\'s date and time pickers by their labels (the label points at the input)', async () => {
    const { context, page } = await contextFor('office', SIZES['1366×768']);
    try {
      await page.goto(`${platform.urls.shell}/inspections/${inspection.id}`);
      await page.getByTestId('visit-schedule-open').click({ timeout: 30_000 });
      for (const [label, testId] of [['检查日期', 'visit-date'], ['开始时间', 'visit-start-time'], ['结束时间', 'visit-end-time']]) {
        await expect(page.getByLabel(label, { exact: true }).getAttribute('data-testid', { timeout: 5_000 })).resolves.toBe(testId);
      }
    } finally {
      await context.close();
    }
  }, 120_000);

  it('offers 大字版 in the header at 360 px: larger text and controls, remembered after a reload, nothing cut off, still no violations', async () => {
    const { context, page } = await contextFor('culture-inspector', SIZES['360×640']);
    try {
      await page.goto(`${platform.urls.shell}${ROUTES.find((route) => route.name === 'culture tab')?.path}`);
      const save = page.getByTestId('section-save');
      await save.waitFor({ timeout: 30_000 });
      const sizes = () => page.getByTestId('culture-section-progress').evaluate((node) => parseFloat(getComputedStyle(node).fontSize));
      await expect(sizes()).resolves.toBe(14);

      const toggle = page.getByRole('switch', { name: '大字版' });
      await expect(toggle.isVisible()).resolves.toBe(true);
      await toggle.click();
      await expect(toggle.getAttribute('aria-checked')).resolves.toBe('true');
      await expect(sizes()).resolves.toBe(18);

      await page.reload();
      await save.waitFor({ timeout: 30_000 });
      await expect(sizes()).resolves.toBe(18);
      await expect(page.getByRole('switch', { name: '大字版' }).getAttribute('aria-checked')).resolves.toBe('true');
      const outcome = await page.getByTestId('outcome-C1-COMPLIANT').boundingBox();
      expect(outcome?.height).toBeGreaterThanOrEqual(40);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // The header still holds the menu, the switch and 退出登录 inside the width of the phone.
      for (const testId of ['menu-toggle', 'large-text-switch', 'logout']) {
        const box = await page.getByTestId(testId).boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
      }
      await expect(axeViolations(page)).resolves.toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('takes the 改正期限 with the Chinese date picker and refuses a day before the visit or a number that is no date (R-VISIT-1)', async () => {
    const { context, page } = await contextFor('culture-inspector', SIZES['1366×768']);
    try {
      await page.goto(`${platform.urls.shell}/inspections/${inspection.id}?tab=culture`);
      await page.getByTestId('outcome-C1-NON_COMPLIANT').click({ timeout: 30_000 });
      await page.getByTestId('order-add').click();
      const deadline = page.getByTestId('order-0-deadline');
      await expect(deadline.getAttribute('placeholder')).resolves.toBe('请选择日期');
      await expect(page.getByLabel('改正期限').count()).resolves.toBe(1);

      // What a bare date input turned into 20815-02-02, and a day before the visit day (2022-08-10): neither is taken.
      for (const typed of ['20220815', '2022-08-01']) {
        await deadline.fill(typed);
        await deadline.press('Enter');
        await deadline.press('Tab');
        // The picker throws away what is no allowed day when it loses focus (a render later).
        await page.waitForFunction((input) => (input as HTMLInputElement).value === '', await deadline.elementHandle(), { timeout: 5_000 });
      }
      await page.getByTestId('section-save').click();
      await expect(page.getByTestId('submit-problems').textContent()).resolves.toContain('责令限期改正须写明改正期限');

      await deadline.click();
      await expect(page.locator('.ant-picker-dropdown .ant-picker-header-view').first().textContent()).resolves.toMatch(/\d{4}年/);
      await deadline.fill('2022-08-15');
      await deadline.press('Enter');
      await expect(deadline.inputValue()).resolves.toBe('2022-08-15');
      await expect(page.getByTestId('order-0-deadline-problem').count()).resolves.toBe(0);
      await expect(axeViolations(page)).resolves.toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
