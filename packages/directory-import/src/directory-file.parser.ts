import { open, stat } from 'node:fs/promises';
import { foldText, isBlank } from './cell-text.normalizer';
import { readCsvSheet } from './csv-sheet.reader';
import { DirectoryFileError } from './directory-file.error';
import type { CellInput, ColumnDefinition, DirectoryFormat, DirectoryKind, ParsedRow, RowError, RowValidation } from './directory.types';
import { matchHeaderRow } from './header.matcher';
import type { HeaderMatch } from './header.matcher';
import { INSPECTOR_COLUMNS } from './inspector.columns';
import type { InspectorField } from './inspector.columns';
import { validateInspectorRow } from './inspector-row.validator';
import type { InspectorRecord } from './inspector-row.validator';
import { checkRegistrationCode } from './registration-code.validator';
import type { SheetRows } from './sheet-rows.types';
import { VENUE_COLUMNS } from './venue.columns';
import type { VenueField } from './venue.columns';
import { createVenueRowValidator } from './venue-row.validator';
import type { VenueRecord, VenueRowOptions } from './venue-row.validator';
import { readXlsxSheets } from './xlsx-sheet.reader';

/** At most this many data rows per file. */
export const MAX_DIRECTORY_ROWS = 200_000;
/** At most this many bytes per file (50 MB). */
export const MAX_DIRECTORY_BYTES = 50 * 1024 * 1024;

const HEADER_SEARCH_ROWS = 10;
const PROGRESS_EVERY = 1_000;

/** Limits and progress reporting of a parse. */
export interface ParseDirectoryOptions {
  /**
   * Called every 1,000 data rows and once at the end. `totalRows` is the number of data rows when the
   * file tells it up front (CSV exactly; XLSX from the used range Excel records), else undefined.
   */
  onProgress?: (processedRows: number, totalRows?: number) => void;
  /** Data-row limit; default {@link MAX_DIRECTORY_ROWS}. */
  maxRows?: number;
  /** Size limit in bytes; default {@link MAX_DIRECTORY_BYTES}. */
  maxBytes?: number;
}

/** Parse a venue directory (检查对象名录库) file. */
export interface ParseVenueFileInput {
  kind: 'venues';
  path: string;
  /** Omit to tell XLSX from CSV by the file's content. */
  format?: DirectoryFormat;
  options: VenueRowOptions & ParseDirectoryOptions;
}

/** Parse an inspector directory (执法检查人员名录库) file. */
export interface ParseInspectorFileInput {
  kind: 'inspectors';
  path: string;
  /** Omit to tell XLSX from CSV by the file's content. */
  format?: DirectoryFormat;
  options?: ParseDirectoryOptions;
}

/** A parsed venue row. */
export type ParsedVenueRow = ParsedRow<VenueRecord, VenueField>;
/** A parsed inspector row. */
export type ParsedInspectorRow = ParsedRow<InspectorRecord, InspectorField>;

interface KindRules<R, F extends string> {
  label: string;
  columns: readonly ColumnDefinition<F>[];
  validate: (input: Partial<Record<F, CellInput>>) => RowValidation<R, F>;
  /** The field that must be unique within a file, and its comparable value when the cell holds one. */
  keyField: F;
  keyOf: (value: CellInput) => string | undefined;
}

function venueRules(options: VenueRowOptions): KindRules<VenueRecord, VenueField> {
  return {
    label: '检查对象名录',
    columns: VENUE_COLUMNS,
    validate: createVenueRowValidator(options),
    keyField: 'uscc',
    keyOf: (value) => {
      const code = checkRegistrationCode(value);
      return code.ok ? code.code : undefined;
    },
  };
}

const inspectorRules: KindRules<InspectorRecord, InspectorField> = {
  label: '执法检查人员名录',
  columns: INSPECTOR_COLUMNS,
  validate: validateInspectorRow,
  keyField: 'certificateNumber',
  keyOf: (value) => foldText(value).toUpperCase() || undefined,
};

const KIND_LABELS: Record<DirectoryKind, string> = { venues: '检查对象名录', inspectors: '执法检查人员名录' };

async function sniffFormat(path: string, format: DirectoryFormat | undefined): Promise<DirectoryFormat> {
  const handle = await open(path, 'r');
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(512);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const isZip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  const isOle = head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (isOle) {
    throw new DirectoryFileError('UNSUPPORTED_FORMAT', '这是旧版 Excel 97-2003（.xls）文件，暂不支持；请在 Excel 中“另存为” .xlsx 工作簿或 CSV 后再导入');
  }
  if (format === 'xlsx' && !isZip) {
    throw new DirectoryFileError('UNSUPPORTED_FORMAT', '文件内容不是 XLSX 工作簿；请确认文件类型，或在 Excel 中另存为 .xlsx 后再导入');
  }
  if (format === 'csv' && isZip) {
    throw new DirectoryFileError('UNSUPPORTED_FORMAT', '文件内容是 XLSX 工作簿而不是 CSV 文本；请按 XLSX 导入');
  }
  if (isZip) return 'xlsx';
  if (!utf16 && head.includes(0)) {
    throw new DirectoryFileError('UNSUPPORTED_FORMAT', '无法识别的文件格式：只能导入 .xlsx 工作簿或 CSV 文本文件');
  }
  return 'csv';
}

async function checkSize(path: string, maxBytes: number): Promise<void> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new DirectoryFileError('FILE_NOT_FOUND', '找不到要导入的文件，请重新上传');
  }
  if (size === 0) throw new DirectoryFileError('UNREADABLE', '文件是空的，请检查后重新上传');
  if (size > maxBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
    throw new DirectoryFileError('FILE_TOO_LARGE', `文件大小为 ${mb(size)} MB，超过 ${mb(maxBytes)} MB 的上限；请拆分成几个文件后分别导入`);
  }
}

function tooManyRows(maxRows: number): DirectoryFileError {
  return new DirectoryFileError('TOO_MANY_ROWS', `文件超过 ${maxRows.toLocaleString('en-US')} 行数据的上限；请拆分成几个文件后分别导入`);
}

function missingColumnsError<F extends string>(rules: KindRules<unknown, F>, match: HeaderMatch<F> | undefined, otherKind: string | undefined): DirectoryFileError {
  const missing = (match?.missing ?? rules.columns.filter((c) => c.required)).map((c) => c.header);
  const found = match && match.recognised > 0 ? '' : '未找到表头行（应在第 1 行）；';
  const hint = otherKind ? `这似乎是一份${otherKind}，请在对应的导入入口导入；` : '';
  return new DirectoryFileError(
    'MISSING_COLUMNS',
    `${hint}${found}${rules.label}缺少必填列：${missing.join('、')}。请使用导入模板的表头（带 * 的列为必填）`,
    missing,
  );
}

function otherKindOf(kind: DirectoryKind, cells: readonly CellInput[]): string | undefined {
  const other: DirectoryKind = kind === 'venues' ? 'inspectors' : 'venues';
  const columns: readonly ColumnDefinition<string>[] = other === 'venues' ? VENUE_COLUMNS : INSPECTOR_COLUMNS;
  return matchHeaderRow(columns, cells).missing.length === 0 ? KIND_LABELS[other] : undefined;
}

async function* parseWithRules<R, F extends string>(
  kind: DirectoryKind,
  path: string,
  format: DirectoryFormat | undefined,
  rules: KindRules<R, F>,
  options: ParseDirectoryOptions,
): AsyncGenerator<ParsedRow<R, F>> {
  const maxRows = options.maxRows ?? MAX_DIRECTORY_ROWS;
  await checkSize(path, options.maxBytes ?? MAX_DIRECTORY_BYTES);
  const detected = await sniffFormat(path, format);
  const sheets: AsyncIterable<SheetRows> =
    detected === 'xlsx'
      ? readXlsxSheets(path)
      : (async function* () {
          yield await readCsvSheet(path);
        })();

  let best: { match: HeaderMatch<F>; cells: readonly CellInput[] } | undefined;
  for await (const sheet of sheets) {
    // An exact CSV count lets an oversized file be refused before any row is handed out.
    const counted = sheet.rowCount();
    if (counted?.exact && counted.rows - 1 > maxRows) throw tooManyRows(maxRows);

    let header: HeaderMatch<F> | undefined;
    let rowsBeforeData = 0;
    let processed = 0;
    let totalRows: number | undefined;
    const firstRowOf = new Map<string, number>();

    for await (const { row, cells } of sheet.rows) {
      if (!header) {
        if (cells.every(isBlank)) continue;
        rowsBeforeData++;
        const match = matchHeaderRow(rules.columns, cells);
        if (!best || match.recognised > best.match.recognised) best = { match, cells };
        // Two recognised headers make this the header row (title rows above it are skipped); with
        // required columns missing, another sheet may still hold the directory.
        if (match.recognised >= 2) {
          if (match.missing.length > 0) break;
          header = match;
          const count = sheet.rowCount();
          if (count) totalRows = Math.max(0, count.rows - (count.exact ? rowsBeforeData : row));
          continue;
        }
        if (rowsBeforeData >= HEADER_SEARCH_ROWS) break;
        continue;
      }

      const input: Partial<Record<F, CellInput>> = {};
      let empty = true;
      for (const [index, field] of header.fields) {
        const value = cells[index];
        input[field] = value;
        if (empty && !isBlank(value)) empty = false;
      }
      if (empty) continue;
      if (++processed > maxRows) throw tooManyRows(maxRows);

      const result = rules.validate(input);
      const errors: RowError<F>[] = result.ok ? [] : result.errors.map((error) => ({ row, ...error }));
      const key = rules.keyOf(input[rules.keyField]);
      if (key !== undefined) {
        const first = firstRowOf.get(key);
        if (first === undefined) {
          firstRowOf.set(key, row);
        } else {
          const column = rules.columns.find((c) => c.field === rules.keyField)?.header ?? rules.keyField;
          errors.push({ row, field: rules.keyField, column, code: 'DUPLICATE', reason: `${column}“${key}”与第 ${first} 行重复，同一文件中每个${column}只能出现一次` });
        }
      }
      yield errors.length === 0 && result.ok ? { row, record: result.record, errors } : { row, errors };
      if (processed % PROGRESS_EVERY === 0) options.onProgress?.(processed, totalRows);
    }

    if (header) {
      // Now the total is known exactly, whatever the file said up front.
      options.onProgress?.(processed, processed);
      return;
    }
  }
  throw missingColumnsError(rules, best?.match, best ? otherKindOf(kind, best.cells) : undefined);
}

/**
 * Streams a directory file (XLSX or CSV) row by row: each data row comes back with its typed record
 * or its errors (row as Excel numbers it, Chinese column header, Chinese reason). Rows are read and
 * validated one at a time, so a 100,000-row file parses in bounded memory. A code (统一社会信用代码 /
 * 执法证号) seen twice in the file makes the later row an error naming the first.
 *
 * A file that cannot be imported at all (missing, too large, over the row limit, not XLSX/CSV,
 * damaged, required columns missing) makes the iteration throw a {@link DirectoryFileError}; the
 * row limit of an XLSX file may only be found after some rows have been yielded, so import the rows
 * only once the iteration has finished.
 */
export function parseDirectoryFile(input: ParseVenueFileInput): AsyncGenerator<ParsedVenueRow>;
export function parseDirectoryFile(input: ParseInspectorFileInput): AsyncGenerator<ParsedInspectorRow>;
export function parseDirectoryFile(input: ParseVenueFileInput | ParseInspectorFileInput): AsyncGenerator<ParsedVenueRow | ParsedInspectorRow> {
  if (input.kind === 'venues') {
    return parseWithRules(input.kind, input.path, input.format, venueRules(input.options), input.options);
  }
  return parseWithRules(input.kind, input.path, input.format, inspectorRules, input.options ?? {});
}

/** Groups an async sequence into arrays of `size` (the last may be shorter), e.g. for batch inserts. */
export async function* inBatches<T>(source: AsyncIterable<T>, size = 1_000): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of source) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
