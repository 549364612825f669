import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { demoInspections } from '@dr/demo-data';
import { launchChromium, signInAs } from './chromium';
import { graphql, login } from './graphql';

/** A phone held upright. */
const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

describe('a visit opened once online opens again after a reload without a network (ADR 0011)', () => {
  let platform: Platform;
  let browser: Browser;
  let token: string;
  const inspectionId = demoInspections()[0].id;

  beforeAll(async () => {
    platform = await startPlatform({ db: 'sqlite', web: true });
    browser = await launchChromium();
    token = await login(platform.urls.gateway, 'culture-inspector');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  async function cultureSection() {
    const result = await graphql(platform.urls.gateway, 'query($id: ID!) { inspection(id: $id) { cultureSection { version items { checkItem { code } outcome } } } }', { id: inspectionId }, token);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    const section = result.data.inspection.cultureSection as { version: number; items: { checkItem: { code: string }; outcome: string | null }[] };
    return { version: section.version, outcome: (code: string) => section.items.find((item) => item.checkItem.code === code)?.outcome ?? null };
  }

  /** Waits until the worker controls the page and holds every script and style the page loaded, the remote's included. */
  async function waitForOfflineCopy(page: Page): Promise<void> {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    const deadline = Date.now() + 30_000;
    for (;;) {
      const missing = await page.evaluate(async () => {
        const wanted = performance
          .getEntriesByType('resource')
          .map((entry) => entry.name)
          .filter((url) => /\.(?:js|css)$/.test(new URL(url).pathname) || url.endsWith('/mf-manifest.json'));
        const found = await Promise.all(wanted.map(async (url) => ((await caches.match(url)) ? null : url)));
        return found.filter((url): url is string => url !== null);
      });
      if (missing.length === 0) return;
      if (Date.now() > deadline) throw new Error(`not stored by the service worker: ${missing.join(', ')}`);
      await page.waitForTimeout(250);
    }
  }

  it('culture-inspector: the inspection and the culture tab render offline after a reload, the unsent change included, and it reaches the server once', async () => {
    const before = await cultureSection();
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const saves: string[] = [];
    context.on('request', (request) => {
      if (request.method() === 'POST' && request.postData()?.includes('SaveSection')) saves.push(request.url());
    });
    await signInAs(page, `${platform.urls.shell}/login`, 'culture-inspector');
    await page.goto(`${platform.urls.shell}/inspections/${inspectionId}?tab=culture`);
    await page.getByTestId('culture-section').waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="sync-status"]')?.getAttribute('data-state') === 'synced', null, { timeout: 30_000 });
    await waitForOfflineCopy(page);
    const heading = await page.getByTestId('inspection-page').innerText();

    // Offline: the change waits on the phone.
    await context.setOffline(true);
    const target = before.outcome('C2') === 'NOT_APPLICABLE' ? 'COMPLIANT' : 'NOT_APPLICABLE';
    await page.getByTestId(`outcome-C2-${target}`).click();
    await page.getByTestId('section-save').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="sync-status"]')?.textContent?.includes('未发送 1 项（离线）'), null, { timeout: 10_000 });

    // No server of the app answers any more either: whatever loads now comes from the phone.
    for (const service of ['shell', 'web-culture', 'web-market', 'web-fire'] as const) await platform.stop(service);
    const failedQueries: string[] = [];
    page.on('requestfailed', (request) => {
      if (request.url().endsWith('/graphql')) failedQueries.push(request.url());
    });
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await page.getByTestId('culture-section').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('inspection-page').innerText()).resolves.toContain(heading.split('\n')[0]);
    await expect(page.getByTestId(`outcome-C2-${target}`).getAttribute('aria-pressed')).resolves.toBe('true');
    await page.waitForFunction(() => document.querySelector('[data-testid="sync-status"]')?.textContent?.includes('未发送 1 项（离线）'), null, { timeout: 10_000 });
    expect(saves).toEqual([]);
    // The data came from the phone: every query of the reloaded page found no network.
    expect(failedQueries.length).toBeGreaterThan(0);
    expect((await cultureSection()).version).toBe(before.version);

    // Back online (the app's servers too): sent once.
    for (const service of ['shell', 'web-culture', 'web-market', 'web-fire'] as const) await platform.start(service);
    await context.setOffline(false);
    await page.waitForFunction(() => document.querySelector('[data-testid="sync-status"]')?.getAttribute('data-state') === 'synced', null, { timeout: 30_000 });
    const after = await cultureSection();
    expect(after.version).toBe(before.version + 1);
    expect(after.outcome('C2')).toBe(target);
    expect(saves).toHaveLength(1);
    await context.close();
  });

  it('logout forgets the stored data; a reload online after the login has ended shows the login page', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await signInAs(page, `${platform.urls.shell}/login`, 'culture-inspector');
    await page.goto(`${platform.urls.shell}/inspections/${inspectionId}?tab=culture`);
    await page.getByTestId('culture-section').waitFor({ timeout: 30_000 });
    const snapshots = () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open('dr-apollo-cache');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('keyval')) return resolve(0);
              const count = db.transaction('keyval').objectStore('keyval').count();
              count.onsuccess = () => resolve(count.result);
              count.onerror = () => reject(count.error);
            };
          }),
      );
    let stored = 0;
    for (let i = 0; i < 40 && stored === 0; i++) {
      stored = await snapshots();
      if (stored === 0) await page.waitForTimeout(250);
    }
    expect(stored).toBe(1);

    // A login that has ended (its 12 hours are over): the next online start goes to the login page.
    await page.evaluate(() => {
      const session = JSON.parse(localStorage.getItem('dr.session') ?? '{}');
      localStorage.setItem('dr.session', JSON.stringify({ ...session, accessUntil: Date.now() - 120_000, sessionUntil: Date.now() - 60_000 }));
    });
    await page.reload();
    await page.waitForURL('**/login', { timeout: 30_000 });
    await expect(snapshots()).resolves.toBe(0);
    await context.close();
  });
});
