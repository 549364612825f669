// Benchmark (issue #4): the record-form PDF as the product serves it — GET /files/inspections/:id/
// record-form.pdf through the gateway, which makes the office read three departments' sections through
// the graph, load the signature and stamp images and render. Prepares BENCH_VISITS completed visits
// through the API (every department submitted, three officers signed, the venue signed and stamped),
// then times one form (first and warm) and a batch of them. Starts the platform (SQLite, free ports).
//
//   npm run bench:visit          (from the repository root; builds first)
//   BENCH_VISITS=100 BENCH_CONCURRENCY=4 npm run bench:visit
import { randomUUID } from 'node:crypto';
import { startPlatform } from '@dr/platform-runner';
import { encodePng } from '@dr/documents/testing';
import { PLAN_2022 } from '@dr/domain';
import { demoInspectors, demoSignerLogin, demoVenues } from '@dr/demo-data';

const VISITS = Number(process.env.BENCH_VISITS ?? 100);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

async function post(url, query, variables, token) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (body.errors) throw new Error(`${JSON.stringify(body.errors)}`);
  return body.data;
}

/** A white PNG with three strokes, about the size of a signature pad's export. */
function png(width, height, seed) {
  const pixels = new Uint8Array(width * height * 3).fill(0xff);
  for (let y = 0; y < height; y++) {
    for (let t = 0; t < 3; t++) {
      const x = (Math.floor(((y + seed) * width) / height) + t * 37) % width;
      pixels.fill(0x20, (y * width + x) * 3, (y * width + x) * 3 + 3);
    }
  }
  return encodePng(width, height, pixels, 3);
}
const dataUrl = (bytes) => `data:image/png;base64,${bytes.toString('base64')}`;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(0)} ms`;

const platform = await startPlatform({ db: 'sqlite' });
try {
  const gateway = platform.urls.gateway;
  const origin = new URL(gateway).origin;
  const login = async (username) => (await post(gateway, 'mutation($input: LoginInput!) { login(input: $input) { token } }', { input: { username, password: 'Demo@2022' } })).login.token;
  const tokens = Object.fromEntries(await Promise.all(['office', 'culture-inspector', 'market-inspector', 'fire-inspector'].map(async (u) => [u, await login(u)])));
  const firstOf = (department) => demoInspectors().find((i) => i.department === department);
  const [leader, market, fire] = [firstOf('culture'), firstOf('market'), firstOf('fire')];

  console.log(`preparing ${VISITS} completed visits through the API …`);
  const prepared = performance.now();
  const ids = [];
  for (let n = 0; n < VISITS; n++) {
    const venue = demoVenues()[n % demoVenues().length];
    const { createInspection } = await post(gateway, 'mutation($input: CreateInspectionInput!) { createInspection(input: $input) { id } }', {
      input: { planId: PLAN_2022.id, venueId: venue.id, scheduledDate: '2022-09-01', leaderId: leader.id, memberIds: [market.id, fire.id] },
    }, tokens.office);
    const id = createInspection.id;
    for (const [department, user] of [['culture', 'culture-inspector'], ['market', 'market-inspector'], ['fire', 'fire-inspector']]) {
      const section = (await post(gateway, `query($id: ID!) { inspection(id: $id) { ${department}Section { items { checkItem { id code } } } } }`, { id }, tokens[user])).inspection[`${department}Section`];
      const violation = department === 'culture';
      const items = section.items.map((item, i) => ({ checkItemId: item.checkItem.id, outcome: violation && i === 3 ? 'NON_COMPLIANT' : 'COMPLIANT', note: violation && i === 3 ? '收银台未悬挂《网络文化经营许可证》，已当场责令限期改正' : null }));
      const extra = violation
        ? { resultCodes: [5], onSiteRecord: { facts: '检查时发现收银台未悬挂《网络文化经营许可证》。', personsPresent: '场所负责人、收银员' }, orders: [{ kind: 'RECTIFY', delivery: 'MOBILE_PRINTED', content: '限三日内悬挂《网络文化经营许可证》', deadline: '2022-09-04' }] }
        : { resultCodes: [1, 9], orders: [] };
      const saved = await post(gateway, `mutation($input: SaveSectionInput!) { ${department}SaveSection(input: $input) { version } }`, { input: { inspectionId: id, planId: PLAN_2022.id, expectedVersion: 0, idempotencyKey: randomUUID(), items, ...extra } }, tokens[user]);
      await post(gateway, `mutation($input: SubmitSectionInput!) { ${department}SubmitSection(input: $input) { version } }`, { input: { inspectionId: id, expectedVersion: saved[`${department}SaveSection`].version, idempotencyKey: randomUUID() } }, tokens[user]);
    }
    for (const [k, officer] of [leader, market, fire].entries()) {
      await post(gateway, 'mutation($input: OfficerSignatureInput!) { signRecordForm(input: $input) { id } }', { input: { inspectionId: id, inspectorId: officer.id, image: dataUrl(png(360, 120, n * 3 + k)), signerUsername: demoSignerLogin(officer.id).username, signerPassword: demoSignerLogin(officer.id).password, idempotencyKey: randomUUID() } }, tokens['culture-inspector']);
    }
    await post(gateway, 'mutation($input: VenueSignatureInput!) { recordVenueSignature(input: $input) { id } }', {
      input: { inspectionId: id, signerName: '张某', signature: dataUrl(png(360, 120, n + 7)), stamp: dataUrl(png(400, 400, n + 11)), idempotencyKey: randomUUID() },
    }, tokens['culture-inspector']);
    ids.push(id);
  }
  console.log(`prepared in ${ms(performance.now() - prepared)}\n`);

  const fetchPdf = async (id) => {
    const started = performance.now();
    const response = await fetch(`${origin}/files/inspections/${id}/record-form.pdf`, { headers: { authorization: `Bearer ${tokens.office}` } });
    const bytes = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200 || bytes.subarray(0, 5).toString() !== '%PDF-') throw new Error(`record form ${id}: HTTP ${response.status}`);
    return { ms: performance.now() - started, bytes: bytes.length };
  };

  const first = await fetchPdf(ids[0]);
  const warm = [];
  for (let i = 0; i < 20; i++) warm.push((await fetchPdf(ids[0])).ms);
  const sequentialStart = performance.now();
  const sizes = [];
  for (const id of ids) sizes.push((await fetchPdf(id)).bytes);
  const sequential = performance.now() - sequentialStart;
  // While the batch renders, someone else asks the office a small question (a plan, through the
  // gateway): how long they wait shows whether printing holds up the office's other requests.
  const probe = async () => {
    const started = performance.now();
    await post(gateway, 'query($id: ID!) { plan(id: $id) { id title } }', { id: PLAN_2022.id }, tokens.office);
    return performance.now() - started;
  };
  const quiet = [];
  for (let i = 0; i < 20; i++) quiet.push(await probe());
  const busy = [];
  let rendering = true;
  const prober = (async () => {
    while (rendering) {
      busy.push(await probe());
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const parallelStart = performance.now();
  const queue = [...ids];
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (queue.length) await fetchPdf(queue.shift());
  }));
  const parallel = performance.now() - parallelStart;
  rendering = false;
  await prober;
  const p99 = (values) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.99))];
  const status = await import('node:fs/promises').then((fs) => fs.readFile(`/proc/${platform.pid('office')}/status`, 'utf8')).catch(() => '');
  const peakKb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];

  console.log('record form (记录表) PDF through the gateway: graph read of 3 departments + images + render');
  console.log(`  one visit, first request        ${ms(first.ms)}`);
  console.log(`  one visit, warm (median of 20)  ${ms(median(warm))}   (p100 ${ms(Math.max(...warm))})`);
  console.log(`  batch of ${ids.length}, one after another ${ms(sequential)}   (${ms(sequential / ids.length)} per form)`);
  console.log(`  batch of ${ids.length}, ${CONCURRENCY} at a time       ${ms(parallel)}   (${ms(parallel / ids.length)} per form)`);
  console.log(`  size per PDF                    ${(median(sizes) / 1024).toFixed(0)} KB (median)`);
  console.log(`  another request meanwhile       median ${ms(median(busy))}, p99 ${ms(p99(busy))} (${busy.length} asked; without printing: median ${ms(median(quiet))})`);
  if (peakKb) console.log(`  office peak resident memory     ${(Number(peakKb) / 1024).toFixed(0)} MB`);
} finally {
  await platform.close();
}
