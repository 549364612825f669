import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WEIDONG_STREETS } from '@dr/demo-data';
import ExcelJS from 'exceljs';
import { demoDirectoryUscc, generateDemoDirectoryFile } from './demo-directory-file.generator';
import { parseDirectoryFile } from './directory-file.parser';
import { writeDirectoryXlsx } from './directory-xlsx.writer';
import { INSPECTOR_COLUMNS } from './inspector.columns';
import type { InspectorRecord } from './inspector-row.validator';
import { VENUE_COLUMNS } from './venue.columns';
import type { VenueRecord } from './venue-row.validator';

const dir = mkdtempSync(join(tmpdir(), 'dr-directory-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const streets = WEIDONG_STREETS.map((s) => s.name);

async function records<T>(rows: AsyncIterable<{ record?: T; errors: unknown[] }>): Promise<T[]> {
  const all: T[] = [];
  for await (const row of rows) {
    expect(row.errors).toEqual([]);
    all.push(row.record as T);
  }
  return all;
}

async function* slowly<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

const venue = (overrides: Partial<VenueRecord>): VenueRecord => ({
  name: '星河网咖',
  uscc: demoDirectoryUscc(1),
  codeKind: 'USCC',
  licenseNumber: null,
  address: '东安路18号',
  street: '东安路街道',
  legalRepresentative: null,
  contactPerson: null,
  phone: null,
  terminals: null,
  status: 'OPERATING',
  riskClass: 'A',
  lastInspectionDate: null,
  lastInspectionProblemFound: null,
  ...overrides,
});

describe('writeDirectoryXlsx', () => {
  it('writes venues that read back as the same records (round trip)', async () => {
    const source = join(dir, 'venues-source.csv');
    await generateDemoDirectoryFile({ kind: 'venues', rows: 3000, path: source, format: 'csv' });
    const original = await records(parseDirectoryFile({ kind: 'venues', path: source, options: { streets } }));
    original.push(
      venue({ uscc: demoDirectoryUscc(900_001), status: 'SUSPENDED', riskClass: 'D', lastInspectionDate: '2022-09-01', lastInspectionProblemFound: true }),
      venue({ uscc: demoDirectoryUscc(900_002), status: 'CLOSED', terminals: 0, name: '名称里有"引号"、逗号,和\n换行' }),
    );
    expect(new Set(original.map((v) => v.codeKind))).toEqual(new Set(['USCC', 'LEGACY_REGISTRATION']));

    const path = join(dir, 'venues-export.xlsx');
    const written = await writeDirectoryXlsx({ kind: 'venues', rows: slowly(original), stream: createWriteStream(path) });
    expect(written).toBe(original.length);
    expect(await records(parseDirectoryFile({ kind: 'venues', path, options: { streets } }))).toEqual(original);
  });

  it('writes inspectors that read back as the same records (round trip), conflicts included', async () => {
    const source = join(dir, 'inspectors-source.xlsx');
    await generateDemoDirectoryFile({ kind: 'inspectors', rows: 500, path: source, format: 'xlsx' });
    const original = await records(parseDirectoryFile({ kind: 'inspectors', path: source }));
    const extra: InspectorRecord = {
      name: '赵敏',
      department: 'fire',
      certificateNumber: '豫XF4104039999999',
      certificateValidFrom: '2020-01-01',
      certificateValidUntil: '2024-12-31',
      expertise: [],
      status: 'ON_LEAVE',
      conflicts: [
        { uscc: demoDirectoryUscc(1), codeKind: 'USCC', relation: '近亲属', reason: null },
        { uscc: '410403000000010', codeKind: 'LEGACY_REGISTRATION', relation: '曾任职', reason: '2019 年在该场所任职' },
        { uscc: demoDirectoryUscc(2), codeKind: 'USCC', relation: '同学', reason: null },
      ],
    };
    original.push(extra);
    expect(original.some((i) => i.conflicts.length === 2)).toBe(true);

    const path = join(dir, 'inspectors-export.xlsx');
    await writeDirectoryXlsx({ kind: 'inspectors', rows: original, stream: createWriteStream(path) });
    expect(await records(parseDirectoryFile({ kind: 'inspectors', path }))).toEqual(original);
  });

  it('freezes the header row, sets column widths and writes Chinese labels and text dates', async () => {
    const path = join(dir, 'layout.xlsx');
    await writeDirectoryXlsx({
      kind: 'venues',
      rows: [venue({ lastInspectionDate: '2022-08-10', lastInspectionProblemFound: false, status: 'SUSPENDED', terminals: 88 })],
      stream: createWriteStream(path),
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('检查对象名录库');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(VENUE_COLUMNS.map((c) => c.header));
    expect(VENUE_COLUMNS.map((_, i) => sheet.getColumn(i + 1).width)).toEqual(VENUE_COLUMNS.map((c) => c.width));
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const cell = (header: string) => sheet.getRow(2).getCell(VENUE_COLUMNS.findIndex((c) => c.header === header) + 1).value;
    expect(cell('最近检查日期')).toBe('2022-08-10');
    expect(cell('经营状态')).toBe('停业');
    expect(cell('信用风险分类')).toBe('A类（守信）');
    expect(cell('最近检查结果')).toBe('未发现问题');
    expect(cell('终端台数')).toBe(88);
    expect(cell('统一社会信用代码')).toBe(demoDirectoryUscc(1));
  });

  it('writes departments and statuses of inspectors in Chinese', async () => {
    const path = join(dir, 'inspector-layout.xlsx');
    await writeDirectoryXlsx({
      kind: 'inspectors',
      rows: [{ name: '王伟', department: 'market', certificateNumber: '豫SJ001', certificateValidFrom: '2021-01-01', certificateValidUntil: '2025-12-31', expertise: ['食品安全', '价格监管'], status: 'ACTIVE', conflicts: [] }],
      stream: createWriteStream(path),
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(INSPECTOR_COLUMNS.map((c) => c.header));
    expect((sheet.getRow(2).values as unknown[]).slice(1, 8)).toEqual(['王伟', '市场监管', '豫SJ001', '2021-01-01', '2025-12-31', '食品安全、价格监管', '在岗']);
  });
});
