import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { PLAN_2022, type DrawReceipt, type DrawResult } from '@dr/domain';
import { launchChromium, signInAs } from './chromium';
import { generateDemoDirectoryFile } from '@dr/directory-import';

const DESKTOP = { viewport: { width: 1366, height: 900 }, locale: 'zh-CN' };

describe('the double-random draw in Chromium: the wizard, the live result and public verification', () => {
  let platform: Platform;
  let browser: Browser;
  let drawId: string;
  let receiptFile: string;

  beforeAll(async () => {
    platform = await startPlatform({ db: 'sqlite', web: true });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  async function signIn(username: string): Promise<Page> {
    const page = await (await browser.newContext(DESKTOP)).newPage();
    await signInAs(page, `${platform.urls.shell}/login`, username);
    return page;
  }

  it('the joint office draws with two parties through the wizard and sees the draw, its teams and the inspections it created (R-DRAW-1..3)', async () => {
    const page = await signIn('office');
    await page.getByTestId('main-menu').getByText('抽取', { exact: true }).click();
    await page.getByTestId(`draw-plan-${PLAN_2022.id}`).getByTestId('draw-start').click();

    // 1 参数: the defaults (two officers per department, the plan window) with a batch name.
    await page.getByTestId('draw-batch').fill('2022年第一批');
    await page.getByTestId('draw-parameters-next').click();

    // 2 承诺: each party keeps the secret made in its browser; only the commitments are sent.
    await page.getByTestId('draw-commit-step').waitFor();
    const secrets: string[] = [];
    for (const index of [0, 1]) {
      secrets.push(((await page.getByTestId(`party-secret-${index}`).textContent()) ?? '').trim());
      await page.getByTestId(`party-kept-${index}`).check();
    }
    expect(secrets.every((secret) => /^[0-9a-f]{32}$/.test(secret))).toBe(true);
    await page.getByTestId('draw-commit').click();
    await page.getByTestId('draw-committed').waitFor();
    await expect(page.getByTestId('draw-commitment').textContent()).resolves.toMatch(/^[0-9a-f]{64}$/);
    // 60 venues, less the six that already have a demo task in the 2022 plan (one plan never draws a venue twice).
    await expect(page.getByTestId('draw-snapshots').textContent()).resolves.toContain('54 家');

    // 3 揭示: a wrong secret is refused next to its party; the right ones complete the draw.
    await page.getByTestId('draw-to-reveal').click();
    await page.getByTestId('reveal-secret-0').fill(secrets[0]);
    await page.getByTestId('reveal-secret-1').fill('not-the-notary-secret-0000');
    await page.getByTestId('draw-reveal').click();
    await expect(page.getByTestId('reveal-error-1').textContent()).resolves.toContain('公证处');
    await page.getByTestId('reveal-secret-1').fill(secrets[1]);
    await page.getByTestId('draw-reveal').click();

    // 4 结果: the draw recomputed in the browser, stratum by stratum, then the teams; then the summary.
    const animation = page.getByTestId('draw-animation');
    await animation.waitFor({ timeout: 30_000 });
    await page.locator('[data-testid^="drawn-venue-"]').first().waitFor();
    await page.getByTestId('draw-animation-skip').click();
    await page.locator('[data-testid="draw-animation"][data-finished="true"]').waitFor();
    await expect(animation.textContent()).resolves.toContain('全部检查组与公布结果一致');
    const drawn = await page.locator('[data-testid^="drawn-venue-"]').count();
    expect(drawn).toBeGreaterThan(0);
    await expect(page.locator('[data-testid^="team-"]').count()).resolves.toBe(drawn);
    await page.getByTestId('draw-summary').waitFor();
    const created = page.getByTestId('draw-inspections').locator('[data-testid^="draw-inspection-"]');
    await created.first().waitFor();
    await expect(created.count()).resolves.toBe(Math.min(drawn, 10));

    // 5 凭证: the receipt as published, and the draw's id for the public page.
    await page.getByTestId('draw-to-receipt').click();
    drawId = ((await page.getByTestId('receipt-draw-id').textContent()) ?? '').trim();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('receipt-download').click()]);
    receiptFile = join(mkdtempSync(join(tmpdir(), 'dr-browser-receipt-')), 'receipt.json');
    await download.saveAs(receiptFile);
    expect((JSON.parse(readFileSync(receiptFile, 'utf8')) as DrawReceipt & { result: DrawResult }).result.teams).toHaveLength(drawn);

    // Looked up later the draw shows at once, and a created inspection opens with its team.
    await page.goto(`${platform.urls.shell}/plans/${PLAN_2022.id}/draws/${drawId}`);
    await page.locator('[data-testid="draw-animation"][data-finished="true"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('draw-inspections').getByTestId('inspection-open').first().click();
    await page.getByTestId('inspection-team').waitFor();
    await page.context().close();
  });

  it('anyone, without logging in, verifies the draw by its id (验证通过) and sees a tampered receipt fail (验证未通过)', async () => {
    const page = await (await browser.newContext(DESKTOP)).newPage();
    await page.goto(`${platform.urls.shell}/login`);
    await page.getByTestId('login-verify-link').click();
    await page.getByTestId('verify-page').waitFor();

    const idInput = page.getByTestId('verify-draw-id').locator('input');
    await idInput.fill(drawId);
    await idInput.press('Enter');
    const result = page.getByTestId('verify-result');
    await result.waitFor({ timeout: 30_000 });
    await expect(result.textContent()).resolves.toContain('验证通过');
    await expect(page.locator('[data-testid^="verify-check-"][data-ok="true"]').count()).resolves.toBe(6);

    // One team changed after the fact: its leader swapped for another officer of the team.
    const receipt = JSON.parse(readFileSync(receiptFile, 'utf8')) as DrawReceipt & { result: DrawResult };
    const [team] = receipt.result.teams;
    const other = team.officers.culture!.find((id) => id !== team.leaderId)!;
    receipt.result.teams[0] = { ...team, leaderId: other };
    const tampered = join(mkdtempSync(join(tmpdir(), 'dr-browser-tampered-')), 'receipt.json');
    writeFileSync(tampered, JSON.stringify(receipt));
    await page.getByTestId('verify-file').locator('input[type=file]').setInputFiles(tampered);
    await page.locator('[data-testid="verify-result"][data-ok="false"]').waitFor({ timeout: 30_000 });
    await expect(result.textContent()).resolves.toContain('验证未通过');
    await expect(page.getByTestId('verify-check-RESULT').getAttribute('data-ok')).resolves.toBe('false');
    await page.context().close();
  });

  it('a department admin may look at the draws but is offered no 开始抽取', async () => {
    const page = await signIn('culture-admin');
    await page.goto(`${platform.urls.shell}/draws`);
    await page.getByTestId(`draw-plan-${PLAN_2022.id}`).waitFor();
    await expect(page.getByTestId('draw-start').count()).resolves.toBe(0);

    await page.getByTestId(`draw-plan-${PLAN_2022.id}`).getByTestId('plan-draws-open').click();
    await page.getByTestId(`draw-item-${drawId}`).waitFor();
    await expect(page.getByTestId('draw-start').count()).resolves.toBe(0);
    await expect(page.getByTestId('draw-redraw').count()).resolves.toBe(0);
    await page.context().close();
  });
  it('the joint office imports a venue file in the browser: dry run with progress, then 确认导入', async () => {
    const file = await generateDemoDirectoryFile({ kind: 'venues', rows: 300, path: join(mkdtempSync(join(tmpdir(), 'dr-browser-import-')), '检查对象名录.xlsx'), format: 'xlsx', seed: 31 });
    const page = await signIn('office');
    await page.goto(`${platform.urls.shell}/directories/venues`);
    await page.getByTestId('venues-import').click();
    await page.getByTestId('import-file').locator('input[type=file]').setInputFiles(file.path);
    await page.getByTestId('import-validate').click();
    await page.getByTestId('import-valid').waitFor({ timeout: 60_000 });
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-committed').waitFor({ timeout: 60_000 });
    await page.close();
  });
});
