// Measures parsing (and re-exporting) a 100,000-row venue directory: time and peak heap growth.
// Build first (npx tsc -p tsconfig.build.json), then: node scripts/measure-parse.mjs [rows]
// Each measurement runs in a fresh child process so that the file generation's garbage does not
// count. global.gc is not used: heapUsed is sampled every 10 ms, so the figure is an upper bound.
import { fork } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { generateDemoDirectoryFile, parseDirectoryFile, writeDirectoryXlsx } = require('../dist');
const { WEIDONG_STREETS } = require('@dr/demo-data');
const streets = WEIDONG_STREETS.map((s) => s.name);
const MB = 1024 * 1024;

async function measure(task) {
  const base = process.memoryUsage();
  let peakHeap = base.heapUsed;
  let peakRss = base.rss;
  const sample = () => {
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed);
    peakRss = Math.max(peakRss, now.rss);
  };
  const timer = setInterval(sample, 10);
  const started = process.hrtime.bigint();
  const counts = await task(sample);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(timer);
  sample();
  return { ...counts, seconds: Number(seconds.toFixed(2)), heapGrowthMB: Number(((peakHeap - base.heapUsed) / MB).toFixed(1)), peakRssMB: Number((peakRss / MB).toFixed(1)) };
}

async function* records(path, counts, sample) {
  for await (const row of parseDirectoryFile({ kind: 'venues', path, options: { streets } })) {
    if (row.record) {
      counts.valid++;
      yield row.record;
    } else {
      counts.invalid++;
    }
    if ((counts.valid + counts.invalid) % 1000 === 0) sample();
  }
}

async function child(mode, path, out) {
  const result = await measure(async (sample) => {
    const counts = { valid: 0, invalid: 0 };
    if (mode === 'parse') {
      for await (const _ of records(path, counts, sample));
    } else {
      await writeDirectoryXlsx({ kind: 'venues', rows: records(path, counts, sample), stream: createWriteStream(out) });
    }
    return counts;
  });
  process.send(result);
}

function run(mode, path, out) {
  return new Promise((resolve, reject) => {
    const worker = fork(fileURLToPath(import.meta.url), ['--child', mode, path, out ?? '']);
    worker.once('message', resolve);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`measurement exited with ${code}`)));
  });
}

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4], process.argv[5]);
} else {
  const rows = Number(process.argv[2] ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'dr-measure-'));
  try {
    const files = [
      { label: 'XLSX, shared strings (as Excel saves)', path: join(dir, 'venues.xlsx'), format: 'xlsx', sharedStrings: true },
      { label: 'XLSX, inline strings (as this package exports)', path: join(dir, 'venues-inline.xlsx'), format: 'xlsx', sharedStrings: false },
      { label: 'CSV, UTF-8 with BOM', path: join(dir, 'venues.csv'), format: 'csv', encoding: 'utf8' },
      { label: 'CSV, GB18030', path: join(dir, 'venues-gbk.csv'), format: 'csv', encoding: 'gb18030' },
    ];
    console.log(`${rows.toLocaleString('en-US')} venue rows, 100 of them bad; Node ${process.version}`);
    for (const file of files) {
      await generateDemoDirectoryFile({ kind: 'venues', rows, withErrors: 100, ...file });
      const result = await run('parse', file.path);
      console.log(`parse  ${file.label.padEnd(48)} ${(statSync(file.path).size / MB).toFixed(1).padStart(5)} MB  ${JSON.stringify(result)}`);
    }
    const result = await run('export', files[2].path, join(dir, 'export.xlsx'));
    console.log(`export CSV -> parse -> writeDirectoryXlsx (streamed)${' '.repeat(19)} ${JSON.stringify(result)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
