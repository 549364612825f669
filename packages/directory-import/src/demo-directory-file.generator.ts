import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { DEFAULT_RISK_CLASSES, USCC_ALPHABET, usccCheckCharacter } from '@dr/domain';
import type { Department } from '@dr/domain';
import { demoPerson, WEIDONG_DIVISION_CODE, WEIDONG_STREETS } from '@dr/demo-data';
import iconv from 'iconv-lite';
import { cellText } from './cell-text.normalizer';
import type { CellInput, ColumnDefinition, DirectoryFormat, DirectoryKind } from './directory.types';
import { INSPECTOR_COLUMNS } from './inspector.columns';
import type { InspectorField } from './inspector.columns';
import { legacyRegistrationCheckDigit } from './registration-code.validator';
import { VENUE_COLUMNS } from './venue.columns';
import type { VenueField } from './venue.columns';
import { writeXlsxSheet } from './xlsx-sheet.writer';

/** What demo file to write. */
export interface GenerateDemoDirectoryFileInput {
  kind: DirectoryKind;
  /** Number of data rows. */
  rows: number;
  path: string;
  format: DirectoryFormat;
  /** How many of the rows carry one deliberate mistake each (spread evenly over the file). */
  withErrors?: number;
  /** CSV only: UTF-8 with BOM (Excel's "CSV UTF-8") or GB18030 (Excel's "CSV" on Chinese Windows). */
  encoding?: 'utf8' | 'gb18030';
  /** XLSX only: keep strings in a shared table as Excel does (default true). */
  sharedStrings?: boolean;
  /** Seed of the layout; the same seed writes the same file. */
  seed?: number;
}

/** A mistake the generator put in, and where the import must report it. */
export interface ExpectedRowError {
  row: number;
  /** The canonical Chinese header of the column at fault. */
  column: string;
}

/** The file written, with the deliberate mistakes in row order. */
export interface GeneratedDirectoryFile {
  path: string;
  rows: number;
  badRows: ExpectedRowError[];
}

/** A small, fast seeded generator (mulberry32): 100,000 rows need about a million draws. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, values: readonly T[]): T => values[Math.floor(random() * values.length)];
const pad = (n: number, width: number) => String(n).padStart(width, '0');

const ORG_SPACE = 31 ** 8;
// A multiplier prime to 31 makes i -> i * M mod 31^8 one-to-one, so codes never repeat in a file.
const ORG_MULTIPLIER = 7_919_111;

/** A fictional, valid and (per index) distinct USCC of a venue of 卫东区. */
export function demoDirectoryUscc(index: number): string {
  let n = (index * ORG_MULTIPLIER + 12_345) % ORG_SPACE;
  let org = '';
  for (let i = 0; i < 8; i++) {
    org = USCC_ALPHABET[n % 31] + org;
    n = Math.floor(n / 31);
  }
  const body = `91${WEIDONG_DIVISION_CODE}${org}${index % 10}`;
  return body + usccCheckCharacter(body);
}

/** A fictional, valid and (per index) distinct legacy 15-digit registration number. */
export function demoLegacyRegistrationNumber(index: number): string {
  const first14 = `${WEIDONG_DIVISION_CODE}${pad(index % 1e8, 8)}`;
  return first14 + legacyRegistrationCheckDigit(first14);
}

const DAY_MS = 86_400_000;
const DATE_FORMATS = ['iso', 'slash', 'dot', 'compact', 'chinese', 'cell'] as const;

function formatDate(ms: number, variant: number, format: DirectoryFormat): CellInput {
  const date = new Date(ms);
  const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  switch (DATE_FORMATS[variant % DATE_FORMATS.length]) {
    case 'slash':
      return `${y}/${m}/${d}`;
    case 'dot':
      return `${y}.${m}.${d}`;
    case 'compact':
      return `${y}${pad(m, 2)}${pad(d, 2)}`;
    case 'chinese':
      return `${y}年${m}月${d}日`;
    case 'cell':
      // A real Excel date cell in a workbook; CSV has no such thing.
      return format === 'xlsx' ? new Date(Date.UTC(y, m - 1, d)) : `${y}-${pad(m, 2)}-${pad(d, 2)}`;
    default:
      return `${y}-${pad(m, 2)}-${pad(d, 2)}`;
  }
}

const BRANDS = ['星河', '极光', '蓝鲸', '云端', '飞跃', '晨曦', '竞界', '聚点', '光速', '启航', '畅联', '银杏', '海川', '乐游', '铂悦'];
const VENUE_KINDS = ['网咖', '网络会所', '电竞馆', '网吧'];
const RESULTS_OK = ['未发现问题', '合格'];
const RESULTS_PROBLEM = ['发现问题', '责令改正', '不合格'];

type RowCells<F extends string> = Record<F, CellInput>;
type Mistake<F extends string> = { field: F; apply: (cells: RowCells<F>) => void };

function venueMistakes(lastGoodCode: () => string | undefined): Mistake<VenueField>[] {
  return [
    { field: 'uscc', apply: (c) => { const code = demoDirectoryUscc(999_999); c.uscc = code.slice(0, 17) + (code[17] === '0' ? '1' : '0'); } },
    { field: 'street', apply: (c) => { c.street = '人民路街道'; } },
    { field: 'phone', apply: (c) => { c.phone = '12345'; } },
    { field: 'terminals', apply: (c) => { c.terminals = '-5'; } },
    { field: 'lastInspectionDate', apply: (c) => { c.lastInspectionDate = '2022-02-30'; } },
    { field: 'name', apply: (c) => { c.name = ''; } },
    { field: 'riskClass', apply: (c) => { c.riskClass = 'E类'; } },
    { field: 'uscc', apply: (c) => { c.uscc = lastGoodCode() ?? ''; } },
    { field: 'uscc', apply: (c) => { const legacy = demoLegacyRegistrationNumber(99_999_999); c.uscc = legacy.slice(0, 14) + ((Number(legacy[14]) + 1) % 10); } },
    { field: 'status', apply: (c) => { c.status = '倒闭'; } },
  ];
}

function* venueRows(count: number, format: DirectoryFormat, random: () => number, bad: Map<number, number>, expected: ExpectedRowError[]): Generator<CellInput[]> {
  let lastGood: string | undefined;
  const mistakes = venueMistakes(() => lastGood);
  const header = (field: VenueField) => VENUE_COLUMNS.find((c) => c.field === field)?.header ?? field;
  const since = Date.UTC(2021, 0, 1);
  for (let i = 0; i < count; i++) {
    const street = WEIDONG_STREETS[i % WEIDONG_STREETS.length];
    const legalRepresentative = demoPerson(random);
    const risk = DEFAULT_RISK_CLASSES[random() < 0.3 ? 0 : random() < 0.7 ? 1 : random() < 0.75 ? 2 : 3];
    const inspected = i % 4 !== 0;
    const cells: RowCells<VenueField> = {
      name: `${BRANDS[i % BRANDS.length]}${VENUE_KINDS[Math.floor(i / BRANDS.length) % VENUE_KINDS.length]}（${street.name.replace('街道', '')}${i + 1}号店）`,
      uscc: i % 37 === 36 ? demoLegacyRegistrationNumber(i) : demoDirectoryUscc(i),
      licenseNumber: `豫网文〔2022〕${410403000 + i}号`,
      address: `河南省平顶山市卫东区${pick(random, street.roads)}${10 + Math.floor(random() * 290)}号`,
      street: street.name,
      legalRepresentative,
      contactPerson: random() < 0.5 ? legalRepresentative : demoPerson(random),
      phone: i % 3 === 0 ? `0375-${2_000_000 + Math.floor(random() * 7_999_999)}` : `1${['37', '38', '39', '58', '86'][i % 5]}${pad(Math.floor(random() * 1e8), 8)}`,
      terminals: format === 'xlsx' ? 40 + Math.floor(random() * 160) : String(40 + Math.floor(random() * 160)),
      status: i % 97 === 3 ? '注销' : i % 50 === 7 ? '停业' : i % 11 === 5 ? '在营' : '营业',
      riskClass: [risk.code, `${risk.code}类`, `${risk.code} ${risk.name}`][i % 3],
      lastInspectionDate: inspected ? formatDate(since + Math.floor(random() * 700) * DAY_MS, i, format) : '',
      lastInspectionResult: inspected ? pick(random, random() < 0.8 ? RESULTS_OK : RESULTS_PROBLEM) : '',
    };
    const mistake = bad.get(i);
    if (mistake === undefined) {
      lastGood = cellText(cells.uscc);
    } else {
      // A duplicate needs an earlier good row; without one, leave the name empty instead.
      const chosen = mistake === 7 && lastGood === undefined ? mistakes[5] : mistakes[mistake];
      chosen.apply(cells);
      expected.push({ row: i + 2, column: header(chosen.field) });
    }
    yield VENUE_COLUMNS.map((column) => cells[column.field]);
  }
}

const DEPARTMENT_LABELS: Record<Department, readonly string[]> = {
  culture: ['文广旅', '区文广旅局', '卫东区文化广电和旅游局'],
  market: ['市场监管', '市场监督管理局'],
  fire: ['消防', '消防救援大队'],
};
const CERTIFICATE_PREFIX: Record<Department, string> = { culture: 'WG', market: 'SJ', fire: 'XF' };
const EXPERTISE: Record<Department, readonly string[]> = {
  culture: ['文化市场', '网络文化', '未成年人保护'],
  market: ['登记注册', '食品安全', '价格监管'],
  fire: ['消防监督', '建筑消防设施', '应急疏散'],
};
const DEPARTMENT_ORDER: readonly Department[] = ['culture', 'market', 'fire'];

function inspectorMistakes(lastGoodCertificate: () => string | undefined): Mistake<InspectorField>[] {
  return [
    { field: 'department', apply: (c) => { c.department = '教育局'; } },
    { field: 'certificateNumber', apply: (c) => { c.certificateNumber = ''; } },
    { field: 'certificateValidUntil', apply: (c) => { c.certificateValidFrom = '2023-01-01'; c.certificateValidUntil = '2022-12-31'; } },
    { field: 'certificateValidFrom', apply: (c) => { c.certificateValidFrom = '2023-13-01'; } },
    { field: 'certificateNumber', apply: (c) => { c.certificateNumber = lastGoodCertificate() ?? ''; } },
    { field: 'conflictUsccs', apply: (c) => { const code = demoDirectoryUscc(888_888); c.conflictUsccs = code.slice(0, 17) + (code[17] === '0' ? '1' : '0'); c.conflictRelations = '近亲属'; c.conflictReasons = ''; } },
    { field: 'status', apply: (c) => { c.status = '离职'; } },
    { field: 'conflictRelations', apply: (c) => { c.conflictUsccs = `${demoDirectoryUscc(1)}；${demoDirectoryUscc(2)}`; c.conflictRelations = '近亲属；曾任职；同学'; c.conflictReasons = ''; } },
    { field: 'name', apply: (c) => { c.name = ''; } },
  ];
}

function* inspectorRows(count: number, format: DirectoryFormat, random: () => number, bad: Map<number, number>, expected: ExpectedRowError[]): Generator<CellInput[]> {
  let lastGood: string | undefined;
  const mistakes = inspectorMistakes(() => lastGood);
  const header = (field: InspectorField) => INSPECTOR_COLUMNS.find((c) => c.field === field)?.header ?? field;
  const since = Date.UTC(2019, 0, 1);
  for (let i = 0; i < count; i++) {
    const department = DEPARTMENT_ORDER[i % 3];
    const from = since + Math.floor(random() * 1000) * DAY_MS;
    const until = Date.UTC(new Date(from).getUTCFullYear() + 5, new Date(from).getUTCMonth(), new Date(from).getUTCDate()) - DAY_MS;
    const expertise = EXPERTISE[department];
    const cells: RowCells<InspectorField> = {
      name: demoPerson(random),
      department: DEPARTMENT_LABELS[department][i % DEPARTMENT_LABELS[department].length],
      certificateNumber: `豫${CERTIFICATE_PREFIX[department]}${WEIDONG_DIVISION_CODE}${pad(i + 1, 7)}`,
      certificateValidFrom: formatDate(from, i, format),
      certificateValidUntil: formatDate(until, i + 1, format),
      expertise: i % 2 === 0 ? expertise[i % 3] : `${expertise[i % 3]}${i % 4 === 1 ? '、' : '，'}${expertise[(i + 1) % 3]}`,
      status: i % 13 === 0 ? '请假' : i % 17 === 0 ? '休假' : '在岗',
      conflictUsccs: '',
      conflictRelations: '',
      conflictReasons: '',
    };
    if (i % 25 === 8) {
      cells.conflictUsccs = `${demoDirectoryUscc(i * 3)}；${demoDirectoryUscc(i * 3 + 1)}`;
      cells.conflictRelations = '近亲属；曾任职';
      cells.conflictReasons = '配偶经营该场所；2020 年前在该场所任职';
    } else if (i % 10 === 3) {
      cells.conflictUsccs = demoDirectoryUscc(i * 3);
      cells.conflictRelations = '近亲属';
      cells.conflictReasons = '兄弟经营该场所';
    }
    const mistake = bad.get(i);
    if (mistake === undefined) {
      lastGood = cellText(cells.certificateNumber);
    } else {
      const chosen = mistake === 4 && lastGood === undefined ? mistakes[8] : mistakes[mistake];
      chosen.apply(cells);
      expected.push({ row: i + 2, column: header(chosen.field) });
    }
    yield INSPECTOR_COLUMNS.map((column) => cells[column.field]);
  }
}

function csvField(value: CellInput): string {
  const text = cellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function writeCsv(path: string, header: string[], rows: Iterable<CellInput[]>, encoding: 'utf8' | 'gb18030'): Promise<void> {
  const stream = createWriteStream(path);
  const encode = (text: string) => (encoding === 'utf8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'gb18030'));
  // Excel needs the BOM to read a UTF-8 CSV as UTF-8; GB18030 files have none.
  if (encoding === 'utf8') stream.write(Buffer.from([0xef, 0xbb, 0xbf]));
  stream.write(encode(`${header.map(csvField).join(',')}\r\n`));
  for (const cells of rows) {
    if (!stream.write(encode(`${cells.map(csvField).join(',')}\r\n`))) await once(stream, 'drain');
  }
  stream.end();
  await finished(stream);
}

/**
 * Writes a realistic directory file of `rows` fictional rows for benchmarks and tests: names of
 * 卫东区, valid USCCs (and now and then a legacy 15-digit number), the district's streets, dates in
 * every accepted form, header variants with `*`. With `withErrors`, that many rows each get one
 * mistake, listed in `badRows` with the row and column the import must report.
 */
export async function generateDemoDirectoryFile(input: GenerateDemoDirectoryFileInput): Promise<GeneratedDirectoryFile> {
  const withErrors = input.withErrors ?? 0;
  if (!Number.isInteger(input.rows) || input.rows < 0) throw new RangeError('rows must be a whole number ≥ 0');
  if (!Number.isInteger(withErrors) || withErrors < 0 || withErrors > input.rows) throw new RangeError('withErrors must be between 0 and rows');

  const random = seededRandom(input.seed ?? 20220726);
  const bad = new Map<number, number>();
  for (let k = 0; k < withErrors; k++) bad.set(Math.floor(((k + 0.5) * input.rows) / withErrors), k);
  const expected: ExpectedRowError[] = [];
  const columns: readonly ColumnDefinition<string>[] = input.kind === 'venues' ? VENUE_COLUMNS : INSPECTOR_COLUMNS;
  const mistakeCount = input.kind === 'venues' ? 10 : 9;
  for (const [index, k] of bad) bad.set(index, k % mistakeCount);
  const rows =
    input.kind === 'venues'
      ? venueRows(input.rows, input.format, random, bad, expected)
      : inspectorRows(input.rows, input.format, random, bad, expected);
  // Templates mark required columns with *, and the import must read them that way.
  const headers = columns.map((column) => (column.required ? `${column.header}*` : column.header));

  if (input.format === 'csv') {
    await writeCsv(input.path, headers, rows, input.encoding ?? 'utf8');
  } else {
    await writeXlsxSheet({
      stream: createWriteStream(input.path),
      sheetName: input.kind === 'venues' ? '检查对象名录库' : '执法检查人员名录库',
      columns: columns.map((column, i) => ({ header: headers[i], width: column.width })),
      rows,
      sharedStrings: input.sharedStrings ?? true,
    });
  }
  return { path: input.path, rows: input.rows, badRows: expected };
}
