// Benchmark (issue #4): what a phone downloads to open a department tab of a visit, as the bytes that
// crossed the network (compressed, headers included), by kind and by server, in two situations:
//
//   - the tab: an officer who has the app open (here: the home page, signed in) opens a visit's
//     department tab for the first time. What comes down is the department's remote, the visit page's
//     own chunk and the data. Target: under 500 KB.
//   - cold: a phone that has never opened the app goes straight to the tab's address (empty cache).
//     That adds the shell: React, antd, Apollo and the federation runtime. Printed, with its largest
//     files; antd alone is about 350 KB of it (see docs/performance.md).
//
//   npm run bench:tab        (from the repository root; builds first)
//   BENCH_TAB_DEPARTMENT=market BENCH_TAB_DETAIL=1 node bench/tab-size.mjs   (one tab, every file)
//   BENCH_TAB_STRICT=1 makes a tab over the target fail the run.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startPlatform } from '@dr/platform-runner';
import { demoInspections } from '@dr/demo-data';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TARGET_BYTES = 500 * 1024;
const departments = (process.env.BENCH_TAB_DEPARTMENT ?? 'culture,market,fire').split(',');
const users = { culture: 'culture-inspector', market: 'market-inspector', fire: 'fire-inspector' };
// Service workers blocked: a worker's own fetches are not the page's, and would hide the remote's bytes.
const PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN', serviceWorkers: 'block' };

if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

async function tokenOf(gateway, username) {
  const response = await fetch(gateway, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($input: LoginInput!) { login(input: $input) { token } }', variables: { input: { username, password: 'Demo@2022' } } }),
  });
  const body = await response.json();
  if (!body.data) throw new Error(`login ${username} failed: ${JSON.stringify(body.errors)}`);
  return body.data.login.token;
}

/**
 * Opens the tab in a fresh context and sums the bytes of every response as the network saw them
 * (a file served from the browser's cache counts 0).
 * @param {'cold' | 'tab'} situation - `cold`: straight to the tab's address, cache disabled; `tab`: the
 *   home page first, then the tab by an in-app navigation, so only what the tab adds is counted.
 */
async function measure(browser, platform, department, situation) {
  const token = await tokenOf(platform.urls.gateway, users[department]);
  const context = await browser.newContext(PHONE);
  // Signed in already (the token the login page would store).
  await context.addInitScript((value) => window.localStorage.setItem('dr.token', value), token);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const path = `/inspections/${demoInspections()[0].id}?tab=${department}`;
  if (situation === 'tab') {
    await page.goto(`${platform.urls.shell}/`);
    await page.waitForLoadState('networkidle');
  } else {
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  }
  const requests = new Map();
  cdp.on('Network.responseReceived', ({ requestId, response, type }) => {
    requests.set(requestId, { url: response.url, type, encoding: response.headers['content-encoding'] ?? response.headers['Content-Encoding'] ?? '', bytes: 0 });
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const request = requests.get(requestId);
    if (request) request.bytes = encodedDataLength;
  });

  const started = Date.now();
  if (situation === 'tab') {
    // What a tap on a link does: the router moves on without reloading the page.
    await page.evaluate((to) => {
      window.history.pushState(null, '', to);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, path);
  } else {
    await page.goto(`${platform.urls.shell}${path}`);
  }
  await page.getByTestId(`${department}-section`).waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const elapsed = Date.now() - started;
  await context.close();

  const origin = (url) => new URL(url).origin;
  const shellOrigin = origin(platform.urls.shell);
  const gatewayOrigin = origin(platform.urls.gateway);
  const rows = [...requests.values()].filter((request) => request.url.startsWith('http') && request.bytes > 0);
  const sum = (filter) => rows.filter(filter).reduce((total, request) => total + request.bytes, 0);
  const isData = (request) => origin(request.url) === gatewayOrigin || request.url.endsWith('/config.json');
  const shell = sum((request) => origin(request.url) === shellOrigin && !isData(request));
  const data = sum(isData);
  const remote = sum((request) => origin(request.url) !== shellOrigin && !isData(request));
  const total = shell + data + remote;
  // Files under 1 KB are not precompressed on purpose (web-server preset); larger ones should be.
  const uncompressed = rows.filter((request) => /\.(js|json)$/.test(new URL(request.url).pathname) && !request.encoding && request.bytes > 2048).map((request) => `${request.url} (${kb(request.bytes)})`);
  const largest = [...rows].sort((a, b) => b.bytes - a.bytes).slice(0, 4).map((request) => `${new URL(request.url).pathname} ${kb(request.bytes)}`);
  if (process.env.BENCH_TAB_DETAIL) for (const request of rows.sort((a, b) => b.bytes - a.bytes)) console.log(`    ${kb(request.bytes).padStart(9)} ${request.encoding.padEnd(3)} ${request.url}`);
  return { department, total, shell, remote, data, requests: rows.length, elapsed, uncompressed, largest };
}

/** One line per measurement, and where the bytes went. */
function report(label, result, target) {
  const verdict = target ? ` (target < ${kb(target)}: ${result.total < target ? 'OK' : 'OVER'})` : '';
  console.log(
    `  ${result.department.padEnd(7)} ${label} ${kb(result.total).padStart(9)}${verdict} = shell ${kb(result.shell)} + remote ${kb(result.remote)} + data ${kb(result.data)}; ${result.requests} requests, ${result.elapsed} ms`,
  );
  console.log(`    largest: ${result.largest.join(', ')}`);
  if (result.uncompressed.length) console.log(`    sent without compression: ${result.uncompressed.join(', ')}`);
}

const platform = await startPlatform({ db: 'sqlite', web: true });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
let failed = false;
try {
  console.log('A department tab of a visit at 360×640, signed in (bytes on the wire: compressed, with headers)');
  for (const department of departments) {
    const tab = await measure(browser, platform, department, 'tab');
    if (tab.total >= TARGET_BYTES) failed = true;
    report('tab, first open from the app', tab, TARGET_BYTES);
    report('cold, app and tab together  ', await measure(browser, platform, department, 'cold'));
  }
} finally {
  await browser.close();
  await platform.close();
}
if (failed && process.env.BENCH_TAB_STRICT === '1') process.exit(1);
