import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContextOptions, CDPSession, Download, Page } from 'playwright-core';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { PLAN_2022, type Department } from '@dr/domain';
import { demoInspections, demoInspectors, demoSignerLogin, demoVenues } from '@dr/demo-data';
import { extractPdfText } from '@dr/documents/testing';
import { launchChromium, signInAs } from './chromium';
import { graphql, login } from './graphql';
import { signaturePng } from './images';

/** A phone held upright, in China (visit times are China Standard Time). */
const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 640 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  acceptDownloads: true,
};

const officer = (department: Department, n: number) => demoInspectors().filter((i) => i.department === department)[n - 1];
const venueOf = (venueId: string) => demoVenues().find((venue) => venue.id === venueId)!;

describe('the joint visit on a phone (360×640): arrangement, notice and signatures (issue #4)', () => {
  let platform: Platform;
  let browser: Browser;
  const tokens: Record<string, string> = {};
  const [first, second] = demoInspections();

  beforeAll(async () => {
    platform = await startPlatform({ db: 'sqlite', web: true });
    browser = await launchChromium();
    for (const user of ['office', 'culture-inspector', 'market-inspector', 'fire-inspector', 'culture-admin']) tokens[user] = await login(platform.urls.gateway, user);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  const call = async (user: string, query: string, variables: Record<string, unknown>) => {
    const result = await graphql(platform.urls.gateway, query, variables, tokens[user]);
    if (result.errors) throw new Error(`${user}: ${JSON.stringify(result.errors)}`);
    return result.data;
  };

  async function phonePage(username: string): Promise<Page> {
    const page = await (await browser.newContext(PHONE)).newPage();
    await signInAs(page, `${platform.urls.shell}/login`, username);
    return page;
  }

  /** The department's inspector records every item as compliant and submits (R-RES-1: locked once submitted). */
  async function submitSection(department: Department, inspectionId: string): Promise<void> {
    const user = `${department}-inspector`;
    const fields = 'version items { checkItem { id } }';
    const { inspection } = await call(user, `query($id: ID!) { inspection(id: $id) { ${department}Section { ${fields} } } }`, { id: inspectionId });
    const section = inspection[`${department}Section`];
    const saved = await call(user, `mutation($input: SaveSectionInput!) { ${department}SaveSection(input: $input) { version } }`, {
      input: {
        inspectionId,
        planId: PLAN_2022.id,
        expectedVersion: section.version,
        idempotencyKey: randomUUID(),
        items: section.items.map((item: { checkItem: { id: string } }) => ({ checkItemId: item.checkItem.id, outcome: 'COMPLIANT' })),
        resultCodes: [1],
        orders: [],
      },
    });
    await call(user, `mutation($input: SubmitSectionInput!) { ${department}SubmitSection(input: $input) { status } }`, {
      input: { inspectionId, expectedVersion: saved[`${department}SaveSection`].version, idempotencyKey: randomUUID() },
    });
  }

  /** One CDP session per page, kept open: detaching a session resets the page's offline emulation. */
  const touchSessions = new WeakMap<Page, CDPSession>();

  /** Signs on the pad with a finger: touch events, which the pad receives as pointer events of type touch. */
  async function signOnPad(page: Page, seed: number): Promise<void> {
    let cdp = touchSessions.get(page);
    if (!cdp) {
      cdp = await page.context().newCDPSession(page);
      touchSessions.set(page, cdp);
    }
    const pad = page.getByTestId('signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    const at = (x: number, y: number) => [{ x: box.x + x, y: box.y + y }];
    const stroke = async (points: [number, number][]) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(...points[0]) });
      for (const point of points.slice(1)) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(...point) });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    await stroke(Array.from({ length: 30 }, (_, i) => [30 + i * 8, box.height / 2 + Math.sin(i / 3 + seed) * 30] as [number, number]));
    await stroke([
      [70 + seed * 10, 30],
      [90, 80],
      [110, box.height - 30],
    ]);
  }

  /** An officer picks their name, confirms with their own password (本人确认), signs and confirms; waits until their signature is listed. */
  async function officerSigns(page: Page, list: 'record-signatures' | 'refusal-signatures', inspectorId: string, seed: number): Promise<void> {
    await page.getByTestId(`officer-pick-${inspectorId}`).click();
    // The username comes prefilled from the directory; the officer types their own password.
    await expect(page.getByTestId('signer-username').inputValue()).resolves.toBe(demoSignerLogin(inspectorId).username);
    await page.getByTestId('signer-password').fill(demoSignerLogin(inspectorId).password);
    await signOnPad(page, seed);
    await page.getByTestId('signature-pad-confirm').click();
    await page.getByTestId(`${list}-signature-${inspectorId}`).or(page.getByTestId('record-form-complete')).first().waitFor();
  }

  /** Pages the open date picker back or forth until the month holding `day` (YYYY-MM-DD) is shown. */
  async function showDayInPicker(page: Page, day: string): Promise<void> {
    const open = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
    for (let step = 0; step < 120; step += 1) {
      if (await open.locator(`td[title="${day}"]`).isVisible()) return;
      const firstShown = await open.locator('td[title]').first().getAttribute('title');
      await open.locator(firstShown! > day ? '.ant-picker-header-prev-btn' : '.ant-picker-header-next-btn').click();
    }
    throw new Error(`the date picker never showed ${day}`);
  }

  const status = (page: Page) => page.getByTestId('record-form-status').getAttribute('data-status');

  async function downloadPdfText(page: Page, testId: string): Promise<{ download: Download; text: string }> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
    const bytes = await streamBytes(download);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    return { download, text: await extractPdfText(bytes) };
  }

  async function streamBytes(download: Download): Promise<Buffer> {
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  it('R-PLAN-2, R-NOTE-1: the team schedules the visit inside the plan window, records a written notice and downloads the 告知书', async () => {
    const page = await phonePage('culture-inspector');
    await page.goto(`${platform.urls.shell}/inspections/${first.id}`);
    await page.getByTestId('visit-schedule-open').click();
    const date = page.getByTestId('visit-date');
    // The drawer opens on the day the draw proposed.
    await page.waitForFunction((day) => (document.querySelector('[data-testid="visit-date"]') as HTMLInputElement | null)?.value === day, first.scheduledDate);
    await date.click();
    // Days outside the plan window (2022-07-26 … 2022-12-31) cannot be picked.
    await showDayInPicker(page, '2022-07-25');
    await page.locator('td[title="2022-07-25"].ant-picker-cell-disabled').waitFor();
    await expect(page.locator('td[title="2022-07-26"]').getAttribute('class')).resolves.not.toContain('ant-picker-cell-disabled');
    await date.fill('2022-08-10');
    await date.press('Enter');
    for (const [testId, time] of [
      ['visit-start-time', '09:00'],
      ['visit-end-time', '11:00'],
    ]) {
      await page.getByTestId(testId).click();
      await page.getByTestId(testId).fill(time);
      await page.getByTestId(testId).press('Enter');
    }
    await page.getByTestId('visit-schedule-form-submit').click();
    await page.getByTestId('visit-time').filter({ hasText: '2022年8月10日 09:00–11:00' }).waitFor();

    await page.getByTestId('notice-open').click();
    await page.getByTestId('notice-mode-WRITTEN').click();
    await expect(page.getByTestId('notice-prepare').getByRole('checkbox', { checked: true }).count()).resolves.toBeGreaterThanOrEqual(6);
    await page.getByTestId('notice-prepare-other').fill('健康证明');
    await page.getByTestId('notice-form-submit').click();
    await page.getByTestId('notice-mode-value').filter({ hasText: '书面告知' }).waitFor();
    await expect(page.getByTestId('notice-prepare-list').textContent()).resolves.toContain('健康证明');

    const { download, text } = await downloadPdfText(page, 'notice-letter-download');
    expect(download.suggestedFilename()).toBe(`检查告知书-${venueOf(first.venueId).name}.pdf`);
    expect(text).toContain(venueOf(first.venueId).name);
    expect(text).toContain('网络文化经营许可证');
    expect(text).toContain(officer('culture', 1).certificateNumber);
    await expect(page.getByTestId('notice-letter-print').isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  it('R-PLAN-2: a second visit of the same officers at the same time is refused on 开始时间 with the server’s sentence', async () => {
    // The first visit's slot, as the test above books it (booking it again changes nothing).
    await call('office', 'mutation($input: ScheduleVisitInput!) { scheduleVisit(input: $input) { id } }', {
      input: { inspectionId: first.id, date: '2022-08-10', startTime: '09:00', endTime: '11:00' },
    });
    const page = await phonePage('office');
    await page.goto(`${platform.urls.shell}/inspections/${second.id}`);
    await page.getByTestId('visit-schedule-open').click();
    await page.getByTestId('visit-date').fill('2022-08-10');
    await page.getByTestId('visit-date').press('Enter');
    for (const [testId, time] of [
      ['visit-start-time', '10:00'],
      ['visit-end-time', '12:00'],
    ]) {
      await page.getByTestId(testId).fill(time);
      await page.getByTestId(testId).press('Enter');
    }
    await page.getByTestId('visit-schedule-form-submit').click();
    const error = page.locator('.ant-form-item-has-error').filter({ has: page.getByTestId('visit-start-time') });
    await error.getByText('不能同时参加两次检查').waitFor();
    await page.context().close();
  });

  it('R-NOTE-1: an undisclosed visit has no letter and says why; an officer outside the team sees 检查时间不公开', async () => {
    await call('office', 'mutation($input: ScheduleVisitInput!) { scheduleVisit(input: $input) { id } }', {
      input: { inspectionId: second.id, date: '2022-09-05', startTime: '14:00', endTime: '16:00' },
    });
    const office = await phonePage('office');
    await office.goto(`${platform.urls.shell}/inspections/${second.id}`);
    await office.getByTestId('notice-open').click();
    await office.getByTestId('notice-mode-UNDISCLOSED').click();
    await office.getByTestId('notice-undisclosed-hint').waitFor();
    await office.getByTestId('notice-form-submit').click();
    await expect(office.getByTestId('notice-undisclosed').textContent()).resolves.toContain('本次检查不予告知，不发放告知书');
    await expect(office.getByTestId('notice-letter-download').count()).resolves.toBe(0);
    await office.context().close();

    const outsider = await phonePage('culture-inspector');
    await outsider.goto(`${platform.urls.shell}/inspections/${second.id}`);
    await outsider.getByTestId('visit-hidden').waitFor();
    await expect(outsider.getByTestId('venue-descriptions').textContent()).resolves.toContain('检查时间不公开');
    await expect(outsider.getByTestId('venue-descriptions').textContent()).resolves.not.toContain('2022年9月5日');
    await outsider.context().close();
  });

  it('R-VISIT-3, R-RES-1: officers sign on the canvas, each with their own password, once every department submitted; the venue refuses after a confirmation, the leader withdraws it once with a reason, the officers sign the refusal; the 记录表 PDF names them; a correction after signing is acknowledged by the venue', async () => {
    const [leader, market, fire] = [officer('culture', 1), officer('market', 1), officer('fire', 1)];
    await submitSection('culture', first.id);
    await submitSection('market', first.id);

    const page = await phonePage('culture-inspector');
    await page.goto(`${platform.urls.shell}/inspections/${first.id}`);
    await page.getByTestId('open-signing').click();
    await expect(page.getByTestId('sections-missing').textContent()).resolves.toContain('以下部门尚未提交检查记录，暂不能签字：消防');
    await expect(page.getByTestId('officer-pick-' + leader.id).count()).resolves.toBe(0);

    await submitSection('fire', first.id);
    await page.reload();
    await page.getByTestId(`officer-pick-${leader.id}`).click();
    // An empty pad is refused.
    await page.getByTestId('signature-pad-confirm').click();
    await expect(page.getByTestId('signature-pad-error').textContent()).resolves.toBe('请先在框内签名');
    await page.getByTestId('signer-change').click();
    expect(await status(page)).toBe('OPEN');

    await officerSigns(page, 'record-signatures', leader.id, 0);
    await expect(page.getByTestId('record-signatures-missing').textContent()).resolves.toBe('尚需签字：市场监管、消防');
    // The phone's user cannot sign for the market officer without the market officer's password.
    await page.getByTestId(`officer-pick-${market.id}`).click();
    await page.getByTestId('signer-password').fill('Demo@2021');
    await signOnPad(page, 1);
    await page.getByTestId('signature-pad-confirm').click();
    await expect(page.getByTestId('signer-confirmation-error').textContent()).resolves.toContain('密码错误');
    await expect(page.getByTestId(`record-signatures-signature-${market.id}`).count()).resolves.toBe(0);
    await page.getByTestId('signer-change').click();
    await officerSigns(page, 'record-signatures', market.id, 1);
    await officerSigns(page, 'record-signatures', fire.id, 2);
    await page.locator('[data-testid="record-form-status"][data-status="AWAITING_VENUE"]').waitFor();
    await expect(page.getByTestId(`record-signatures-signature-${leader.id}`).getByTestId('signature-time').textContent()).resolves.toMatch(/签字时间：\d{4}年/);

    await page.getByTestId('venue-refuse').click();
    await expect(page.getByTestId('venue-refusal-note').inputValue()).resolves.toBe('被检查对象拒绝在记录表上签字盖章。');
    const note = '被检查对象负责人吴某拒绝在记录表上签字盖章，称需请示投资人。';
    await page.getByTestId('venue-refusal-note').fill(note);
    // A refusal is asked for once more, saying what it means; 返回 records nothing.
    await page.getByTestId('venue-refusal-submit').click();
    await expect(page.getByTestId('refusal-confirm-text').textContent()).resolves.toContain('组长和至少一名其他执法人员在拒签说明上签字');
    await page.getByTestId('refusal-confirm-cancel').click();
    await page.getByTestId('refusal-confirm-text').waitFor({ state: 'detached' });
    expect(await status(page)).toBe('AWAITING_VENUE');
    await page.getByTestId('venue-refusal-submit').click();
    await page.getByTestId('refusal-confirm-ok').click();
    await page.getByTestId('refusal-signatures').waitFor();
    await page.locator('[data-testid="record-form-status"][data-status="REFUSAL_SIGNING"]').waitFor();

    // Recorded by mistake: the leader withdraws it with a reason; it stays on the record, and the venue answers again.
    await page.getByTestId('withdraw-refusal').click();
    await page.getByTestId('withdraw-refusal-reason').fill('误点了拒签，负责人同意核对后再决定');
    await page.getByTestId('withdraw-refusal-submit').click();
    await page.locator('[data-testid="record-form-status"][data-status="AWAITING_VENUE"]').waitFor();
    await expect(page.getByTestId('withdrawn-refusals').textContent()).resolves.toContain('误点了拒签，负责人同意核对后再决定');
    await page.getByTestId('venue-refuse').click();
    await page.getByTestId('venue-refusal-note').fill(note);
    await page.getByTestId('venue-refusal-submit').click();
    await page.getByTestId('refusal-confirm-ok').click();
    await page.locator('[data-testid="record-form-status"][data-status="REFUSAL_SIGNING"]').waitFor();
    await officerSigns(page, 'refusal-signatures', leader.id, 3);
    // Once an officer signed the refusal note, it can no longer be withdrawn.
    await expect(page.getByTestId('withdraw-refusal').count()).resolves.toBe(0);
    await officerSigns(page, 'refusal-signatures', market.id, 4);

    await page.getByTestId('record-form-complete').getByText('已签署，记录已锁定').waitFor();
    expect(await status(page)).toBe('COMPLETED');
    const { download, text } = await downloadPdfText(page, 'record-form-pdf-download');
    expect(download.suggestedFilename()).toBe(`检查情况记录表-${venueOf(first.venueId).name}.pdf`);
    for (const signer of [leader, market, fire]) {
      expect(text).toContain(signer.name);
      expect(text).toContain(signer.certificateNumber);
    }
    expect(text.replace(/\s/g, '')).toContain(note);
    const statistics = await downloadPdfText(page, 'statistics-pdf-download');
    expect(statistics.text).toContain(venueOf(first.venueId).name);

    // A department corrects its record after signing: the form lists it apart, unconfirmed, until the venue's acknowledgement is recorded.
    const amendedItem = 'C1';
    const { inspection: current } = await call('culture-admin', 'query($id: ID!) { inspection(id: $id) { cultureSection { version resultCodes items { checkItem { id code } outcome note } } } }', { id: first.id });
    const section = current.cultureSection;
    await call('culture-admin', 'mutation($input: AmendSectionInput!) { cultureAmendSection(input: $input) { version } }', {
      input: {
        inspectionId: first.id,
        planId: PLAN_2022.id,
        expectedVersion: section.version,
        idempotencyKey: randomUUID(),
        items: section.items.map((item: any) => ({ checkItemId: item.checkItem.id, outcome: item.checkItem.code === amendedItem ? 'NOT_APPLICABLE' : item.outcome, note: item.note })),
        resultCodes: section.resultCodes,
        orders: [],
        reason: '复核后该项不涉及',
      },
    });
    // The department tells the office by event (ADR 0013).
    const amendmentsAfterSigning = async () => (await call('office', 'query($id: ID!) { inspection(id: $id) { recordForm { amendmentsAfterSigning { id } } } }', { id: first.id })).inspection.recordForm.amendmentsAfterSigning.length;
    for (let i = 0; i < 60 && (await amendmentsAfterSigning()) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 250));
    await page.reload();
    await expect(page.getByTestId('amendment-1').textContent()).resolves.toContain('复核后该项不涉及');
    await expect(page.getByTestId('amendment-1').getByTestId('amendment-change').first().textContent()).resolves.toContain('符合 → 不涉及');
    await page.getByTestId('amendment-1').getByTestId('amendment-unacknowledged').waitFor();
    await page.getByTestId('amendment-acknowledge').click();
    await page.getByTestId('amendment-signer-name').fill('吴经理');
    await signOnPad(page, 6);
    await page.getByTestId('signature-pad-confirm').click();
    await page.getByTestId('amendment-signature-done').waitFor();
    await page.getByTestId('amendment-acknowledge-submit').click();
    await page.getByTestId('amendment-1').getByTestId('amendment-acknowledged').waitFor();
    await expect(page.getByTestId('amendment-1').textContent()).resolves.toContain('确认人：吴经理');

    // The inspection page says the form is signed.
    await page.getByTestId('back-to-inspection').click();
    await expect(page.getByTestId('inspection-record-form-status').textContent()).resolves.toBe('已签署');
    await page.context().close();
  });

  it('R-VISIT-3: the venue signs with a stamp photo from the camera, offline: kept on the phone and sent once; an officer cannot sign offline (本人确认 needs the server)', async () => {
    const [leader, market, fire] = [officer('culture', 1), officer('market', 1), officer('fire', 1)];
    const venue = demoVenues()[20];
    const { createInspection } = await call('office', 'mutation($input: CreateInspectionInput!) { createInspection(input: $input) { id } }', {
      input: { planId: PLAN_2022.id, venueId: venue.id, scheduledDate: '2022-10-12', leaderId: leader.id, memberIds: [market.id, fire.id], reason: '上级交办' },
    });
    const inspectionId: string = createInspection.id;
    for (const department of ['culture', 'market', 'fire'] as const) await submitSection(department, inspectionId);

    const page = await phonePage('culture-inspector');
    await page.goto(`${platform.urls.shell}/inspections/${inspectionId}/sign`);
    await officerSigns(page, 'record-signatures', leader.id, 0);
    await page.getByTestId(`record-signatures-signature-${leader.id}`).getByTestId('signature-time').waitFor();

    // No network: an officer's signature needs the server to check the signer's password, which is never kept on the phone.
    await page.context().setOffline(true);
    await page.getByTestId(`officer-pick-${market.id}`).click();
    await page.getByTestId('signing-needs-network').waitFor();
    await expect(page.getByTestId('signature-pad-confirm').isDisabled()).resolves.toBe(true);
    await page.getByTestId('signer-change').click();
    await page.context().setOffline(false);
    await officerSigns(page, 'record-signatures', market.id, 1);
    await page.getByTestId(`record-signatures-signature-${market.id}`).getByTestId('signature-time').waitFor({ timeout: 30_000 });
    await officerSigns(page, 'record-signatures', fire.id, 2);
    await page.getByTestId(`record-signatures-signature-${fire.id}`).getByTestId('signature-time').waitFor();
    const signed = await call('office', 'query($id: ID!) { inspection(id: $id) { recordForm { officerSignatures { inspector { id } } } } }', { id: inspectionId });
    expect(signed.inspection.recordForm.officerSignatures.map((s: { inspector: { id: string } }) => s.inspector.id).sort()).toEqual([leader.id, market.id, fire.id].sort());

    // The venue: its manager signs on the pad and the stamped form is photographed (here a large picture).
    await page.getByTestId('venue-response').waitFor();
    await page.getByTestId('venue-signer-name').fill('吴经理');
    await signOnPad(page, 5);
    await page.getByTestId('signature-pad-confirm').click();
    await page.getByTestId('venue-signature-done').waitFor();
    await page.getByTestId('venue-stamp').setInputFiles({ name: 'stamp.png', mimeType: 'image/png', buffer: signaturePng(2400, 1800, 3) });
    await page.getByTestId('venue-stamp-preview').waitFor();
    // The venue's signature is made offline: kept on the phone, marked 待发送, sent once the network returns.
    await page.context().setOffline(true);
    await page.getByTestId('venue-sign-submit').click();
    await page.getByTestId('record-form-complete').getByText('签字已完成，待发送').waitFor();
    await expect(page.getByTestId('visit-outbox-pending').textContent()).resolves.toContain('1 项签字未发送');
    await page.context().setOffline(false);

    await page.getByTestId('record-form-complete').getByText('已签署，记录已锁定').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('venue-signature-summary').textContent()).resolves.toContain('吴经理');
    const { inspection } = await call('office', 'query($id: ID!) { inspection(id: $id) { recordForm { status venueSignature { signerName stampUrl } } } }', { id: inspectionId });
    expect(inspection.recordForm).toMatchObject({ status: 'COMPLETED', venueSignature: { signerName: '吴经理' } });
    // The stamp photo went as a JPEG no larger than 1600 px.
    const stamp = Buffer.from(await (await fetch(new URL(inspection.recordForm.venueSignature.stampUrl, platform.urls.gateway), { headers: { authorization: `Bearer ${tokens['office']}` } })).arrayBuffer());
    expect(stamp.subarray(0, 2).toString('hex')).toBe('ffd8');
    expect(jpegSize(stamp)).toEqual({ width: 1600, height: 1200 });

    const { text } = await downloadPdfText(page, 'record-form-pdf-download');
    expect(text).toContain('吴经理');
    expect(text).toContain(venue.name);
    await page.context().close();
  });
});

/** Width and height from a JPEG's start-of-frame marker. */
function jpegSize(bytes: Buffer): { width: number; height: number } | null {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1];
    const length = bytes.readUInt16BE(offset + 2);
    if (marker >= 0xc0 && marker <= 0xc3) return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    offset += 2 + length;
  }
  return null;
}
