import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WEIDONG_STREETS } from '@dr/demo-data';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { demoDirectoryUscc, generateDemoDirectoryFile } from './demo-directory-file.generator';
import { DirectoryFileError } from './directory-file.error';
import { inBatches, parseDirectoryFile } from './directory-file.parser';
import type { ParseDirectoryOptions, ParsedInspectorRow, ParsedVenueRow } from './directory-file.parser';
import type { DirectoryFormat, RowError } from './directory.types';
import { detectTextEncoding } from './text-encoding.detector';

const dir = mkdtempSync(join(tmpdir(), 'dr-directory-parse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const streets = WEIDONG_STREETS.map((s) => s.name);
const VENUE_HEADER = '名称*,统一社会信用代码*,经营场所地址*,所属街道*,信用风险分类*';
const INSPECTOR_HEADER = '姓名,所属部门,执法证号,执法证有效期起,执法证有效期止';
const [U1, U2, U3] = [1, 2, 3].map(demoDirectoryUscc);

let fileCount = 0;
function file(content: string | Buffer, extension = 'csv'): string {
  const path = join(dir, `file-${++fileCount}.${extension}`);
  writeFileSync(path, content);
  return path;
}

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

const venues = (path: string, options: Partial<ParseDirectoryOptions> = {}, format?: DirectoryFormat) =>
  parseDirectoryFile({ kind: 'venues', path, format, options: { streets, today: '2024-06-30', ...options } });

async function fileError(rows: AsyncIterable<unknown>): Promise<DirectoryFileError> {
  try {
    await collect(rows);
  } catch (error) {
    if (error instanceof DirectoryFileError) return error;
    throw error;
  }
  throw new Error('expected a DirectoryFileError');
}

describe('parseDirectoryFile: every bad row is reported', () => {
  it.each([
    ['venues', 'xlsx'],
    ['venues', 'csv'],
    ['inspectors', 'xlsx'],
    ['inspectors', 'csv'],
  ] as const)('lists each bad row of a %s %s file with its row, column and a Chinese reason', async (kind, format) => {
    const path = join(dir, `bad-${kind}.${format}`);
    const generated = await generateDemoDirectoryFile({ kind, rows: 600, path, format, withErrors: 30 });
    const rows = await collect<ParsedVenueRow | ParsedInspectorRow>(kind === 'venues' ? venues(path) : parseDirectoryFile({ kind, path }));

    const errors: RowError[] = rows.flatMap((r): RowError[] => r.errors);
    expect(errors.map((e) => ({ row: e.row, column: e.column }))).toEqual(generated.badRows);
    for (const error of errors) expect(error.reason).toMatch(/[\u4e00-\u9fff]/);
    expect(rows).toHaveLength(600);
    expect(rows.filter((r) => r.record)).toHaveLength(570);
    expect(rows.map((r) => r.row)).toEqual(Array.from({ length: 600 }, (_, i) => i + 2));
    const text = JSON.stringify(rows.map((r) => r.record));
    expect(text).not.toContain('\ufffd');
  });
});

describe('parseDirectoryFile: CSV encodings', () => {
  const rows = [`${VENUE_HEADER}`, `星河网咖（东安路店）,${U1},卫东区东安路18号,东安路街道,A类`, `蓝鲸电竞馆,${U2},"卫东区建设路1号，二楼",建设路街道,B 一般`];
  const tabSeparated = rows.map((line) => line.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, '\t')).join('\r\n');

  it.each([
    ['GBK (Excel "CSV" on Chinese Windows)', iconv.encode(rows.join('\r\n'), 'gbk'), 'gb18030'],
    ['GB18030', iconv.encode(rows.join('\r\n'), 'gb18030'), 'gb18030'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows.join('\n'))]), 'utf8'],
    ['UTF-8 without BOM', Buffer.from(rows.join('\n')), 'utf8'],
    ['UTF-16 LE tab-separated (Excel "Unicode text")', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(tabSeparated, 'utf16le')]), 'utf16le'],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(tabSeparated, 'utf16be')]), 'utf16be'],
  ])('decodes %s', async (_, content, encoding) => {
    expect(detectTextEncoding(content)).toBe(encoding);
    const parsed = await collect(venues(file(content)));
    expect(parsed.map((r) => r.errors)).toEqual([[], []]);
    expect(parsed.map((r) => [r.record?.name, r.record?.address, r.record?.riskClass])).toEqual([
      ['星河网咖（东安路店）', '卫东区东安路18号', 'A'],
      ['蓝鲸电竞馆', '卫东区建设路1号，二楼', 'B'],
    ]);
  });

  it('decodes a generated GB18030 file with the same errors as its UTF-8 twin', async () => {
    const gbk = await generateDemoDirectoryFile({ kind: 'venues', rows: 300, path: join(dir, 'gbk.csv'), format: 'csv', encoding: 'gb18030', withErrors: 10 });
    const utf8 = await generateDemoDirectoryFile({ kind: 'venues', rows: 300, path: join(dir, 'utf8.csv'), format: 'csv', withErrors: 10 });
    const [a, b] = await Promise.all([collect(venues(gbk.path)), collect(venues(utf8.path))]);
    expect(a).toEqual(b);
  });
});

describe('parseDirectoryFile: file structure', () => {
  it('reports the second occurrence of a USCC, naming the first row', async () => {
    const path = file([VENUE_HEADER, `甲网吧,${U1},地址1,东安路街道,A`, `乙网吧,${U2},地址2,东安路街道,A`, `丙网吧,${U1.toLowerCase()},地址3,东安路街道,A`].join('\n'));
    const rows = await collect(venues(path));
    expect(rows[2]).toEqual({
      row: 4,
      errors: [{ row: 4, field: 'uscc', column: '统一社会信用代码', code: 'DUPLICATE', reason: `统一社会信用代码“${U1}”与第 2 行重复，同一文件中每个统一社会信用代码只能出现一次` }],
    });
    expect(rows[0].record).toBeDefined();
  });

  it('reports the second occurrence of a 执法证号, however it is written', async () => {
    const path = file([INSPECTOR_HEADER, '张伟,文广旅,豫WG0001,2021-01-01,2025-12-31', '李娜,消防,豫ｗｇ０００１,2021-01-01,2025-12-31'].join('\n'));
    const rows = await collect(parseDirectoryFile({ kind: 'inspectors', path }));
    expect(rows[1].errors).toEqual([expect.objectContaining({ row: 3, column: '执法证号', code: 'DUPLICATE' })]);
    expect(rows[1].errors[0].reason).toContain('与第 2 行重复');
  });

  it('refuses a file missing required columns with one error naming them', async () => {
    const error = await fileError(venues(file(['名称,统一社会信用代码,经营场所地址,联系电话', `甲网吧,${U1},地址,13812345678`].join('\n'))));
    expect(error.code).toBe('MISSING_COLUMNS');
    expect(error.columns).toEqual(['所属街道', '信用风险分类']);
    expect(error.message).toContain('检查对象名录缺少必填列：所属街道、信用风险分类');
  });

  it('says so when the file holds the other directory', async () => {
    const error = await fileError(venues(file([INSPECTOR_HEADER, '张伟,文广旅,豫WG0001,2021-01-01,2025-12-31'].join('\n'))));
    expect(error.code).toBe('MISSING_COLUMNS');
    expect(error.message).toContain('这似乎是一份执法检查人员名录');
  });

  it('says so when no header row can be found', async () => {
    const error = await fileError(venues(file('a,b,c\n1,2,3\n')));
    expect(error.message).toContain('未找到表头行');
    expect(error.columns).toEqual(['名称', '统一社会信用代码', '经营场所地址', '所属街道', '信用风险分类']);
  });

  it('skips empty rows and keeps the row numbers Excel shows', async () => {
    const path = file([VENUE_HEADER, `甲网吧,${U1},地址1,东安路街道,A`, ',,,,', '', `乙网吧,${U2},地址2,东安路街道,A`, ' , ,\u3000,,'].join('\r\n'));
    expect((await collect(venues(path))).map((r) => r.row)).toEqual([2, 5]);
  });

  it('finds the header under a title row, and counts a quoted line break as one row', async () => {
    const path = file(['卫东区互联网上网服务营业场所名录（2022年）,,,,', VENUE_HEADER, `"甲网吧\n（分店）",${U1},地址1,东安路街道,A`, `乙网吧,${U2},地址2,东安路街道,A`].join('\n'));
    const rows = await collect(venues(path));
    expect(rows.map((r) => [r.row, r.record?.name])).toEqual([
      [3, '甲网吧\n（分店）'],
      [4, '乙网吧'],
    ]);
  });

  it('reports progress with the total of a CSV file, and groups rows in batches', async () => {
    const path = join(dir, 'progress.csv');
    await generateDemoDirectoryFile({ kind: 'venues', rows: 2500, path, format: 'csv' });
    const calls: [number, number | undefined][] = [];
    const batches = await collect(inBatches(venues(path, { onProgress: (done, total) => calls.push([done, total]) }), 1000));
    expect(batches.map((b) => b.length)).toEqual([1000, 1000, 500]);
    expect(calls).toEqual([
      [1000, 2500],
      [2000, 2500],
      [2500, 2500],
    ]);
  });
});

describe('parseDirectoryFile: limits and formats', () => {
  it('refuses a file over 50 MB before reading it', async () => {
    const path = join(dir, 'huge.csv');
    writeFileSync(path, VENUE_HEADER);
    truncateSync(path, 51 * 1024 * 1024);
    const error = await fileError(venues(path));
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(error.message).toBe('文件大小为 51 MB，超过 50 MB 的上限；请拆分成几个文件后分别导入');
  });

  it('refuses a CSV over the row limit before handing out any row', async () => {
    const lines = [VENUE_HEADER, ...Array.from({ length: 6 }, (_, i) => `网吧${i},${demoDirectoryUscc(i)},地址,东安路街道,A`)];
    const iterator = venues(file(lines.join('\n')), { maxRows: 5 });
    await expect(iterator.next()).rejects.toMatchObject({ code: 'TOO_MANY_ROWS', message: '文件超过 5 行数据的上限；请拆分成几个文件后分别导入' });
    expect((await collect(venues(file(lines.slice(0, 6).join('\n')), { maxRows: 5 }))).length).toBe(5);
  });

  it('refuses an XLSX over the row limit while reading it', async () => {
    const path = join(dir, 'six.xlsx');
    await generateDemoDirectoryFile({ kind: 'venues', rows: 6, path, format: 'xlsx' });
    expect((await fileError(venues(path, { maxRows: 5 }))).code).toBe('TOO_MANY_ROWS');
  });

  it.each([
    ['an old .xls workbook', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), undefined, 'UNSUPPORTED_FORMAT', '.xls'],
    ['a binary file', Buffer.from([1, 2, 0, 4, 0, 0]), undefined, 'UNSUPPORTED_FORMAT', '.xlsx 工作簿或 CSV'],
    ['a CSV announced as XLSX', Buffer.from(VENUE_HEADER), 'xlsx', 'UNSUPPORTED_FORMAT', '不是 XLSX'],
    ['an XLSX announced as CSV', Buffer.from('PK\u0003\u0004rest'), 'csv', 'UNSUPPORTED_FORMAT', '按 XLSX 导入'],
    ['a damaged XLSX', Buffer.from('PK\u0003\u0004 this is not a zip'), undefined, 'UNREADABLE', '损坏'],
    ['an empty file', Buffer.alloc(0), undefined, 'UNREADABLE', '空'],
  ] as const)('refuses %s', async (_, content, format, code, words) => {
    const error = await fileError(venues(file(content), {}, format));
    expect(error.code).toBe(code);
    expect(error.message).toContain(words);
  });

  it('refuses a file that is not there', async () => {
    expect((await fileError(venues(join(dir, 'missing.csv')))).code).toBe('FILE_NOT_FOUND');
  });
});

describe('parseDirectoryFile: XLSX as Excel saves it', () => {
  it('reads shared strings, date cells, rich text, formulas, numeric codes; skips hidden and instruction sheets', async () => {
    const workbook = new ExcelJS.Workbook();
    const notes = workbook.addWorksheet('填写说明');
    notes.addRow(['请按模板填写，带 * 的列为必填。']);
    workbook.addWorksheet('旧数据', { state: 'hidden' }).addRow(['名称', '统一社会信用代码']);
    const sheet = workbook.addWorksheet('名录');
    sheet.addRow(['卫东区互联网上网服务营业场所名录']);
    sheet.addRow(['名称*', '统一社会信用代码*', '经营场所地址*', '所属街道*', '信用风险分类*', '终端台数', '最近检查日期', '最近检查结果', '联系电话']);
    sheet.addRow([{ richText: [{ text: '星河' }, { text: '网咖', font: { bold: true } }] }, U1, '东安路18号', '东安路街道', 'A类', { formula: '100+20', result: 120 }, new Date(Date.UTC(2022, 7, 10)), '合格', 13812345678]);
    sheet.addRow(['老字号网吧', 410403000000010, '建设路1号', '建设路', 'C 警示', 80, '2022年8月11日', '责令改正', '0375-2345678']);
    sheet.addRow([]);
    sheet.addRow(['蓝鲸网吧', U3, '光华路2号', '光华路街道', 'B', 60, 44783, '']);
    sheet.getCell('G3').numFmt = 'yyyy"年"m"月"d"日"';
    const path = join(dir, 'excel-like.xlsx');
    await workbook.xlsx.writeFile(path);

    const calls: [number, number | undefined][] = [];
    const rows = await collect(venues(path, { onProgress: (done, total) => calls.push([done, total]) }));
    expect(rows.flatMap((r) => r.errors)).toEqual([]);
    expect(rows.map((r) => r.row)).toEqual([3, 4, 6]);
    expect(rows.map((r) => r.record)).toEqual([
      expect.objectContaining({ name: '星河网咖', uscc: U1, codeKind: 'USCC', terminals: 120, lastInspectionDate: '2022-08-10', lastInspectionProblemFound: false, phone: '13812345678' }),
      expect.objectContaining({ name: '老字号网吧', uscc: '410403000000010', codeKind: 'LEGACY_REGISTRATION', street: '建设路街道', riskClass: 'C', lastInspectionProblemFound: true }),
      expect.objectContaining({ name: '蓝鲸网吧', lastInspectionDate: '2022-08-10', lastInspectionProblemFound: null }),
    ]);
    expect(calls).toEqual([[3, 3]]);
  });

  it('takes the progress total of an XLSX file from the used range Excel records', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名录');
    sheet.addRow(['名称', '统一社会信用代码', '经营场所地址', '所属街道', '信用风险分类']);
    for (let i = 0; i < 1500; i++) sheet.addRow([`网吧${i}`, demoDirectoryUscc(i), '地址', '东安路街道', 'A']);
    const path = join(dir, 'used-range.xlsx');
    await workbook.xlsx.writeFile(path);
    const calls: [number, number | undefined][] = [];
    await collect(venues(path, { onProgress: (done, total) => calls.push([done, total]) }));
    expect(calls).toEqual([
      [1000, 1500],
      [1500, 1500],
    ]);
  });

  it('looks past a sheet whose header lacks required columns to the sheet that has the directory', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('统计').addRows([
      ['名称', '所属街道', '终端台数'],
      ['合计', '', 1200],
    ]);
    workbook.addWorksheet('名录').addRows([
      ['名称', '统一社会信用代码', '经营场所地址', '所属街道', '信用风险分类'],
      ['甲网吧', U1, '地址', '东安路街道', 'A'],
    ]);
    const path = join(dir, 'two-sheets.xlsx');
    await workbook.xlsx.writeFile(path);
    expect((await collect(venues(path))).map((r) => [r.row, r.record?.name])).toEqual([[2, '甲网吧']]);

    const onlyStatistics = join(dir, 'statistics-only.xlsx');
    workbook.removeWorksheet(workbook.getWorksheet('名录')?.id ?? 0);
    await workbook.xlsx.writeFile(onlyStatistics);
    const error = await fileError(venues(onlyStatistics));
    expect(error.columns).toEqual(['统一社会信用代码', '经营场所地址', '信用风险分类']);
  });
});
