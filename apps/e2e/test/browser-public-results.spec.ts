import { randomBytes, randomUUID } from 'node:crypto';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { demoInspections, demoVenues } from '@dr/demo-data';
import { PLAN_2022, type Department } from '@dr/domain';
import { launchChromium } from './chromium';

const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1366, height: 900 } };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Waits, at most 20 s, until the list shows `count` results (the search answers asynchronously). */
async function waitForCount(locator: Locator, count: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  while ((await locator.count()) !== count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(await locator.count()).toBe(count);
}

const venues = demoVenues();
const inspections = demoInspections();
const venueOf = (index: number) => venues.find((v) => v.id === inspections[index].venueId)!;

describe('一公开: the public results page in Chromium, without login', () => {
  const token = randomBytes(24).toString('base64url');
  let platform: Platform;
  let browser: Browser;

  async function publish(source: Department, index: number, topic: string, extra: Record<string, unknown> = {}) {
    const venue = venueOf(index);
    const payload = {
      inspectionId: inspections[index].id,
      planId: PLAN_2022.id,
      department: source,
      venue: { id: venue.id, name: venue.name, uscc: venue.uscc, street: venue.street },
      resultCodes: [1],
      inspectedOn: inspections[index].scheduledDate,
      publishedOn: '2022-09-20',
      revision: 1,
      ...extra,
    };
    const response = await fetch(new URL('/internal/events', platform.urls.graphql.office), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ events: [{ id: randomUUID(), source, topic, occurredAt: new Date().toISOString(), payload }] }),
    });
    expect(response.status).toBe(200);
  }

  beforeAll(async () => {
    platform = await startPlatform({ db: 'sqlite', web: true, env: { EVENTS_TOKEN: token } });
    browser = await launchChromium();
    await publish('culture', 0, 'result.published', { resultCodes: [5] });
    await publish('culture', 0, 'result.corrected', { resultCodes: [1], revision: 2, correction: { reason: '录入有误，经复核未发现问题', correctedOn: '2022-09-28' } });
    await publish('fire', 2, 'result.published', { resultCodes: [9], publishedOn: '2022-09-22' });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  async function openPage(options: BrowserContextOptions): Promise<Page> {
    const context = await browser.newContext({ ...options, locale: 'zh-CN' });
    return context.newPage();
  }

  const rows = (page: Page) => page.getByTestId('public-results').getByTestId('public-result');

  /** Nothing developer-facing on a public screen: no rule ids, no UUIDs. */
  async function expectPlainLanguage(page: Page) {
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/R-[A-Z]+-\d/);
    expect(text).not.toMatch(UUID);
  }

  it.each([
    ['a 360 px phone', PHONE],
    ['a desktop', DESKTOP],
  ])('on %s: lists published results without login, searches, marks 更正, and opens the venue address', async (_name, options) => {
    const page = await openPage(options);
    await page.goto(`${platform.urls.shell}/public/results`);
    await waitForCount(rows(page), 2);
    expect(new URL(page.url()).pathname).toBe('/public/results');
    await expect(page.getByTestId('login-username').count()).resolves.toBe(0);
    await expect(rows(page).first().textContent()).resolves.toContain(venueOf(2).name);
    const corrected = rows(page).filter({ hasText: venueOf(0).name });
    await expect(corrected.getByTestId('public-result-corrected').textContent()).resolves.toBe('更正');
    await expect(corrected.getByTestId('public-result-correction').textContent()).resolves.toBe('2022年9月28日更正：录入有误，经复核未发现问题');
    if (options === PHONE) {
      // Cards, not a table scrolled sideways: the page fits the phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    }
    await expectPlainLanguage(page);

    const search = page.getByTestId('public-results-search').locator('input');
    await search.fill(venueOf(2).name.slice(0, 4));
    await search.press('Enter');
    await waitForCount(rows(page), 1);
    await expect(rows(page).first().textContent()).resolves.toContain(venueOf(2).uscc);
    await search.fill(venueOf(0).uscc);
    await search.press('Enter');
    await page.waitForURL(`**/public/results?q=${venueOf(0).uscc}`);
    await rows(page).filter({ hasText: venueOf(0).name }).waitFor();
    await expect(rows(page).count()).resolves.toBe(1);

    const csv = await page.getByTestId('public-results-csv').getAttribute('href');
    const download = await fetch(csv!);
    expect(download.status).toBe(200);
    const text = (await download.text()).replace(/^\uFEFF/, '');
    expect(text.trim().split('\n')).toHaveLength(2);
    expect(text).toContain(venueOf(0).uscc);

    await rows(page).getByTestId('public-result-venue-link').click();
    await page.waitForURL(`**/public/results/venue/${venueOf(0).uscc}`);
    await expect(page.getByTestId('public-venue-name').textContent()).resolves.toBe(venueOf(0).name);
    await page.context().close();
  });

  it('a venue address opens directly, and a venue without published results says so', async () => {
    const page = await openPage(PHONE);
    await page.goto(`${platform.urls.shell}/public/results/venue/${venueOf(2).uscc}`);
    await expect(page.getByTestId('public-venue-name').textContent()).resolves.toBe(venueOf(2).name);
    await expect(rows(page).first().textContent()).resolves.toContain('卫东区消防救援大队');
    await page.goto(`${platform.urls.shell}/public/results/venue/${venueOf(1).uscc}`);
    await page.getByTestId('public-venue-empty').waitFor();
    await expectPlainLanguage(page);
    await page.context().close();
  });
});
