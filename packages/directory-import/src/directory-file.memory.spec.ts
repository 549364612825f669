import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WEIDONG_STREETS } from '@dr/demo-data';
import { generateDemoDirectoryFile } from './demo-directory-file.generator';
import { parseDirectoryFile } from './directory-file.parser';

// The 100,000-row measurement is scripts/measure-parse.mjs; this keeps a 10,000-row guard in the suite.
const ROWS = 10_000;
const dir = mkdtempSync(join(tmpdir(), 'dr-directory-memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseDirectoryFile in bounded memory', () => {
  it.each(['xlsx', 'csv'] as const)('parses a %s file of 10,000 rows with little heap growth', async (format) => {
    const path = join(dir, `venues.${format}`);
    await generateDemoDirectoryFile({ kind: 'venues', rows: ROWS, path, format, withErrors: 20 });

    // Without global.gc the samples include garbage not yet collected, so this is an upper bound.
    const base = process.memoryUsage().heapUsed;
    let peak = base;
    const sample = () => (peak = Math.max(peak, process.memoryUsage().heapUsed));
    const timer = setInterval(sample, 10);
    let valid = 0;
    let invalid = 0;
    try {
      for await (const row of parseDirectoryFile({ kind: 'venues', path, options: { streets: WEIDONG_STREETS.map((s) => s.name) } })) {
        if (row.record) valid++;
        else invalid++;
        if ((valid + invalid) % 500 === 0) sample();
      }
    } finally {
      clearInterval(timer);
    }
    expect([valid, invalid]).toEqual([ROWS - 20, 20]);
    expect((peak - base) / 1024 / 1024).toBeLessThan(100);
  }, 60_000);
});
