import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { commitSeed, PLAN_2022 } from '@dr/domain';
import { nodeSha256 } from '@dr/domain/sha256-node';
import { demoInspections } from '@dr/demo-data';
import { launchChromium, signInAs } from './chromium';
import { graphql, login } from './graphql';

const LAPTOP: BrowserContextOptions = { viewport: { width: 1366, height: 768 }, locale: 'zh-CN' };
const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The element's box and the box of its text (a Range over its contents), in viewport pixels. */
async function boxes(locator: Locator): Promise<{ element: Box; text: Box; clipped: boolean }> {
  return locator.evaluate((element) => {
    const plain = (rect: DOMRect) => ({ left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom });
    const range = document.createRange();
    range.selectNodeContents(element);
    const inner = element.querySelector('.ant-table-column-title') ?? element;
    return { element: plain(element.getBoundingClientRect()), text: plain(range.getBoundingClientRect()), clipped: inner.scrollWidth > inner.clientWidth + 1 };
  });
}

const inside = (inner: Box, outer: Box, slack = 1) => inner.left >= outer.left - slack && inner.right <= outer.right + slack && inner.top >= outer.top - slack && inner.bottom <= outer.bottom + slack;
const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** What of a table is on screen: its scrolling box (a wider table scrolls inside it), within the viewport. */
async function visibleTable(page: Page, scope: string, width: number): Promise<Box> {
  const box = (await page.getByTestId(scope).locator('.ant-table-content, .ant-table-body').first().boundingBox())!;
  return { left: Math.max(0, box.x), top: box.y, right: Math.min(width, box.x + box.width), bottom: box.y + box.height };
}

/** A header cell of a table by its text. */
const header = (page: Page, scope: string, text: string) => page.getByTestId(scope).locator('th', { hasText: text }).first();

describe('layout at the widths a new user found wanting (1366 px laptop, 360 px phone): nothing off-screen, cut off or overlapping', () => {
  let platform: Platform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startPlatform({ db: 'sqlite', web: true });
    const office = await login(platform.urls.gateway, 'office');
    // One committed draw, so the draws table has a row and its 操作.
    const parties = [
      { party: '联席办', secret: 'office-secret-layout-0001' },
      { party: '公证处', secret: 'notary-secret-layout-0001' },
    ];
    const committed = await graphql(
      platform.urls.gateway,
      'mutation($input: CommitDrawInput!) { commitDraw(input: $input) { id } }',
      {
        input: {
          planId: PLAN_2022.id,
          parameters: { batch: '2022-第一批', asOf: '2022-07-25', recentInspectionDays: 365, strata: [{ riskClass: 'D', basisPoints: 5000 }], visitStart: '2022-08-01', visitEnd: '2022-09-30' },
          seedCommitments: parties.map((p) => ({ party: p.party, commitment: commitSeed(nodeSha256, p.party, p.secret) })),
        },
      },
      office,
    );
    if (committed.errors) throw new Error(JSON.stringify(committed.errors));
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  async function signedIn(user: string, options: BrowserContextOptions, largeText = false): Promise<Page> {
    const context = await browser.newContext(options);
    // 大字版 (18 px): what many of the office's users switch on, and where columns run out of room first.
    if (largeText) await context.addInitScript(() => window.localStorage.setItem('dr.largeText', '1'));
    const page = await context.newPage();
    await signInAs(page, `${platform.urls.shell}/login`, user);
    return page;
  }

  const SIZES = [
    ['标准字号', false],
    ['大字版', true],
  ] as const;

  it.each(SIZES)('1366 px, %s: the draws table keeps 操作 and its buttons on screen', async (_name, largeText) => {
    const page = await signedIn('office', LAPTOP, largeText);
    await page.goto(`${platform.urls.shell}/plans/${PLAN_2022.id}/draws`);
    await page.locator('[data-testid^="draw-item-"]').first().waitFor();
    const actions = await boxes(header(page, 'draw-list', '操作'));
    expect(inside(actions.element, await visibleTable(page, 'draw-list', 1366))).toBe(true);
    const button = await page.locator('[data-testid^="draw-item-"]').first().locator('td').last().locator('button, a').first().boundingBox();
    expect(button!.x + button!.width).toBeLessThanOrEqual(1366);
    await page.context().close();
  });

  it.each(SIZES)('1366 px, %s: the venue table shows its 终端台数 header whole', async (_name, largeText) => {
    const page = await signedIn('office', LAPTOP, largeText);
    await page.goto(`${platform.urls.shell}/directories/venues`);
    await page.locator('[data-testid^="venue-item-"]').first().waitFor();
    const terminals = await boxes(header(page, 'venue-list', '终端台数'));
    expect(terminals.clipped).toBe(false);
    expect(inside(terminals.text, terminals.element)).toBe(true);
    // On screen, and not under the pinned 操作 column.
    expect(inside(terminals.element, await visibleTable(page, 'venue-list', 1366))).toBe(true);
    const actions = await boxes(header(page, 'venue-list', '操作'));
    expect(terminals.element.right).toBeLessThanOrEqual(actions.element.left + 1);
    // One line: the header is no taller than the 操作 header beside it.
    expect(terminals.text.bottom - terminals.text.top).toBeLessThanOrEqual(actions.text.bottom - actions.text.top + 1);
    await page.context().close();
  });

  it.each(SIZES)("1366 px, %s: the import's error table shows 原因 and each reason inside the dialog", async (_name, largeText) => {
    const page = await signedIn('office', LAPTOP, largeText);
    await page.goto(`${platform.urls.shell}/directories/venues`);
    await page.getByTestId('venues-import').click();
    const file = join(mkdtempSync(join(tmpdir(), 'dr-layout-')), '名录.csv');
    writeFileSync(file, '\ufeff名称,统一社会信用代码,经营场所地址,所属街道,信用风险分类\n星空网咖,123,卫东区建设路 1 号,建设路街道,B\n极速网吧,456789,卫东区光明路 2 号,光明路街道,B\n');
    await page.getByTestId('import-file').locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('import-validate').click();
    await page.getByTestId('import-invalid').waitFor({ timeout: 60_000 });
    const dialog = (await page.getByTestId('import-modal').locator('.ant-modal-container, .ant-modal-content').first().boundingBox())!;
    const dialogBox = { left: dialog.x, top: dialog.y, right: dialog.x + dialog.width, bottom: Number.POSITIVE_INFINITY };
    const reason = await boxes(header(page, 'import-errors', '原因'));
    expect(inside(reason.element, dialogBox)).toBe(true);
    const cells = page.getByTestId('import-errors').locator('tbody tr.ant-table-row td:last-child');
    expect(await cells.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await cells.count()); i += 1) {
      const cell = await boxes(cells.nth(i));
      expect(inside(cell.text, dialogBox)).toBe(true);
      expect(inside(cell.text, cell.element)).toBe(true);
    }
    await page.context().close();
  });

  it('360 px phone: in a department tab the 责令停止违法行为 button keeps its text inside and clear of the 下达方式 label', async () => {
    const page = await signedIn('culture-inspector', PHONE);
    await page.goto(`${platform.urls.shell}/inspections/${demoInspections()[0].id}?tab=culture`);
    await page.getByTestId('culture-section').waitFor({ timeout: 30_000 });
    await page.getByTestId('outcome-C1-NON_COMPLIANT').click();
    await page.getByTestId('order-add').click();
    const order = page.getByTestId('order-0');
    const stop = await boxes(order.getByTestId('order-0-kind-STOP_ILLEGAL'));
    const button = await boxes(order.locator('label.ant-radio-button-wrapper', { has: page.getByTestId('order-0-kind-STOP_ILLEGAL') }));
    const label = await boxes(order.getByText('下达方式', { exact: true }));
    expect(inside(stop.text, button.element)).toBe(true);
    expect(overlap(button.element, label.text)).toBe(false);
    expect(overlap(stop.text, label.text)).toBe(false);
    expect(button.element.right).toBeLessThanOrEqual(360);
    // No rule id on screen.
    expect(await order.innerText()).not.toMatch(/R-[A-Z]+-\d/);
    await page.context().close();
  });
});
