// Benchmark: rendering 部门联合抽查检查情况记录表 PDFs with @dr/documents. A realistic visit: 12 items
// over three departments, two officers' signature images, the venue's signature and a ~100 KB stamp
// photo. Prints the first render (font read and parsed), the warm median of 20, a batch of 100
// different forms (total and per form), bytes per PDF and peak RSS.
//
//   npm run bench:pdf          (from the repository root; builds first)
//   BENCH_BATCH=500 node bench/record-form.mjs
import { renderRecordForm } from '@dr/documents';
import { createStampPng, sampleRecordFormData } from '@dr/documents/testing';

const WARM_RUNS = Number(process.env.BENCH_WARM ?? 20);
const BATCH = Number(process.env.BENCH_BATCH ?? 100);

const base = sampleRecordFormData();
base.team = base.team.slice(0, 2);
base.officerSignatures = base.officerSignatures.slice(0, 2);
base.venueSignature.stamp = createStampPng('星际网络会所', 320, 24);

// Each form of the batch is a different venue, as a day's forms would be.
const forms = Array.from({ length: BATCH }, (_, i) => ({
  ...base,
  inspection: { ...base.inspection, id: `INS-2022-0810-${String(i + 1).padStart(4, '0')}` },
  venue: { ...base.venue, name: `星际网络会所（第${i + 1}分店）`, uscc: `9141040${String(i).padStart(4, '0')}B2C71X` },
}));

const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const fmt = (n) => n.toFixed(1).padStart(8);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let start = process.hrtime.bigint();
const first = await renderRecordForm(base);
const cold = ms(start);

const warm = [];
for (let i = 0; i < WARM_RUNS; i++) {
  start = process.hrtime.bigint();
  await renderRecordForm(base);
  warm.push(ms(start));
}

let bytes = 0;
start = process.hrtime.bigint();
for (const form of forms) bytes += (await renderRecordForm(form)).length;
const batch = ms(start);

const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(`record form PDF (${base.departments.reduce((n, d) => n + d.items.length, 0)} items, ${base.officerSignatures.length} officer signatures, stamp ${(base.venueSignature.stamp.length / 1024).toFixed(0)} KB)`);
console.log(`  first render (reads and parses the font) ${fmt(cold)} ms`);
console.log(`  warm, median of ${WARM_RUNS}                  ${fmt(median(warm))} ms   (fastest ${Math.min(...warm).toFixed(1)} ms)`);
console.log(`  batch of ${BATCH}                         ${fmt(batch)} ms   (${(batch / BATCH).toFixed(1)} ms per form)`);
console.log(`  bytes per PDF                        ${fmt(first.length / 1024)} KB   (batch average ${(bytes / BATCH / 1024).toFixed(1)} KB)`);
console.log(`  peak RSS                             ${fmt(peakRssMb)} MB`);
