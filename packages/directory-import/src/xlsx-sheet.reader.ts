import * as unzipper from 'unzipper';
import { DirectoryFileError } from './directory-file.error';
import type { CellInput } from './directory.types';
import type { SheetRow, SheetRows } from './sheet-rows.types';
import { attribute, decodeExcelEscapes, parseXml, streamXml } from './xml-stream.parser';
import type { XmlElement } from './xml-stream.parser';

/*
 * A streaming XLSX reader on saxes and the zip's central directory. exceljs's WorkbookReader was the
 * first choice, but (4.4.0, exceljs issues #2063/#2084/#2316) it decodes each 16 KB chunk on its own
 * and so breaks a Chinese character that straddles two chunks (about one row in 2,000 came back with
 * "�"), and it spools a sheet to a temporary file when the shared strings come after it in the zip.
 * Reading the central directory first lets the shared strings and styles be read before the sheet.
 */

interface ZipParts {
  get(path: string): unzipper.File | undefined;
}

interface SheetInfo {
  name: string;
  hidden: boolean;
  path: string;
}

interface WorkbookInfo {
  sheets: SheetInfo[];
  date1904: boolean;
  sharedStringsPath?: string;
  stylesPath?: string;
}

const RELATIONSHIP_TYPE = /\/(officeDocument|sharedStrings|styles|worksheet)$/;
// Built-in number formats that show a date (including the Chinese ones, 27–36 and 50–58).
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const EPOCH_1904_MS = Date.UTC(1904, 0, 1);
const MS_PER_DAY = 86_400_000;

function unreadable(detail?: string): DirectoryFileError {
  return new DirectoryFileError('UNREADABLE', `XLSX 文件已损坏或不完整，无法读取${detail ? `（${detail}）` : ''}；请用 Excel 打开后重新保存`);
}

/** Resolves a relationship target against the folder of the part that names it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  return parts.join('/');
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

async function readRelationships(zip: ZipParts, part: string): Promise<Map<string, { type: string; target: string }>> {
  const rels = new Map<string, { type: string; target: string }>();
  const file = zip.get(relsPathOf(part));
  if (!file) return rels;
  await parseXml(file.stream(), {
    open: (element) => {
      if (element.name !== 'Relationship') return;
      const type = RELATIONSHIP_TYPE.exec(element.attributes.Type ?? '')?.[1] ?? '';
      rels.set(element.attributes.Id ?? '', { type, target: resolveTarget(part, element.attributes.Target ?? '') });
    },
  });
  return rels;
}

async function readWorkbook(zip: ZipParts): Promise<WorkbookInfo> {
  const rootRels = await readRelationships(zip, '');
  const workbookPath = [...rootRels.values()].find((r) => r.type === 'officeDocument')?.target ?? 'xl/workbook.xml';
  const workbookFile = zip.get(workbookPath);
  if (!workbookFile) throw unreadable('缺少工作簿');
  const rels = await readRelationships(zip, workbookPath);
  const sheets: SheetInfo[] = [];
  let date1904 = false;
  await parseXml(workbookFile.stream(), {
    open: (element) => {
      if (element.name === 'workbookPr') {
        const value = element.attributes.date1904;
        date1904 = value === '1' || value === 'true';
      } else if (element.name === 'sheet') {
        const target = rels.get(attribute(element, 'id') ?? '');
        if (target?.type === 'worksheet') {
          const state = element.attributes.state;
          sheets.push({ name: element.attributes.name ?? '', hidden: state === 'hidden' || state === 'veryHidden', path: target.target });
        }
      }
    },
  });
  const targetOf = (type: string) => [...rels.values()].find((r) => r.type === type)?.target;
  return { sheets, date1904, sharedStringsPath: targetOf('sharedStrings'), stylesPath: targetOf('styles') };
}

/** Reads the shared-string table (the one part that has to stay in memory). Phonetic runs are left out. */
async function readSharedStrings(zip: ZipParts, path: string | undefined): Promise<string[]> {
  const strings: string[] = [];
  const file = path ? zip.get(path) : undefined;
  if (!file) return strings;
  let current = '';
  let inText = false;
  let phoneticDepth = 0;
  await parseXml(file.stream(), {
    open: (element) => {
      if (element.name === 'si') current = '';
      else if (element.name === 'rPh') phoneticDepth++;
      else if (element.name === 't' && phoneticDepth === 0) inText = true;
    },
    text: (text) => {
      if (inText) current += text;
    },
    close: (name) => {
      if (name === 't') inText = false;
      else if (name === 'rPh') phoneticDepth--;
      else if (name === 'si') strings.push(decodeExcelEscapes(current));
    },
  });
  return strings;
}

function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare);
}

/** For every cell style (the `s` of a cell), whether it shows a date. */
async function readDateStyles(zip: ZipParts, path: string | undefined): Promise<boolean[]> {
  const dateStyles: boolean[] = [];
  const file = path ? zip.get(path) : undefined;
  if (!file) return dateStyles;
  const customDate = new Map<number, boolean>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  await parseXml(file.stream(), {
    open: (element) => {
      if (element.name === 'numFmt') customDate.set(Number(element.attributes.numFmtId), isDateFormatCode(element.attributes.formatCode ?? ''));
      else if (element.name === 'cellXfs') inCellXfs = true;
      else if (element.name === 'xf' && inCellXfs) xfFormats.push(Number(element.attributes.numFmtId ?? 0));
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  for (const id of xfFormats) dateStyles.push(customDate.get(id) ?? BUILTIN_DATE_FORMATS.has(id));
  return dateStyles;
}

function columnIndex(reference: string | undefined): number | undefined {
  if (!reference) return undefined;
  let index = 0;
  let i = 0;
  for (; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return i === 0 ? undefined : index - 1;
}

interface SheetContext {
  sharedStrings: string[];
  dateStyles: boolean[];
  date1904: boolean;
  onDimension(lastRow: number): void;
}

async function* sheetRows(file: unzipper.File, context: SheetContext): AsyncGenerator<SheetRow> {
  const { sharedStrings, dateStyles, date1904 } = context;
  const epoch = date1904 ? EPOCH_1904_MS : EXCEL_EPOCH_MS;
  const ready: SheetRow[] = [];
  let row: SheetRow | undefined;
  let lastRowNumber = 0;
  let column = -1;
  let type = '';
  let style = 0;
  let value = '';
  let inline = '';
  let target: 'value' | 'inline' | undefined;
  let phoneticDepth = 0;

  const cellValue = (): CellInput => {
    switch (type) {
      case 's':
        return sharedStrings[Number(value)] ?? null;
      case 'inlineStr':
        return decodeExcelEscapes(inline);
      case 'str':
        return decodeExcelEscapes(value);
      case 'b':
        return value === '1' || value === 'true';
      case 'e':
        return value;
      case 'd':
        return value === '' ? null : new Date(value);
      default: {
        if (value === '') return null;
        const number = Number(value);
        if (Number.isNaN(number)) return value;
        return dateStyles[style] ? new Date(epoch + Math.round(number * MS_PER_DAY)) : number;
      }
    }
  };

  const events = streamXml(file.stream(), {
    open: (element: XmlElement) => {
      switch (element.name) {
        case 'dimension': {
          const last = /(\d+)$/.exec(element.attributes.ref ?? '');
          if (last) context.onDimension(Number(last[1]));
          break;
        }
        case 'row': {
          const number = Number(element.attributes.r);
          lastRowNumber = Number.isInteger(number) && number > 0 ? number : lastRowNumber + 1;
          row = { row: lastRowNumber, cells: [] };
          column = -1;
          break;
        }
        case 'c':
          column = columnIndex(element.attributes.r) ?? column + 1;
          type = element.attributes.t ?? '';
          style = Number(element.attributes.s ?? 0);
          value = '';
          inline = '';
          break;
        case 'v':
          target = 'value';
          break;
        case 'rPh':
          phoneticDepth++;
          break;
        case 't':
          if (type === 'inlineStr' && phoneticDepth === 0) target = 'inline';
          break;
      }
    },
    text: (text: string) => {
      if (target === 'value') value += text;
      else if (target === 'inline') inline += text;
    },
    close: (name: string) => {
      switch (name) {
        case 'v':
        case 't':
          target = undefined;
          break;
        case 'rPh':
          phoneticDepth--;
          break;
        case 'c':
          if (row && column >= 0) {
            while (row.cells.length < column) row.cells.push(null);
            row.cells[column] = cellValue();
          }
          break;
        case 'row':
          if (row) ready.push(row);
          row = undefined;
          break;
      }
    },
  });
  for await (const _ of events) {
    while (ready.length > 0) yield ready.shift() as SheetRow;
  }
}

/**
 * Streams the visible worksheets of an XLSX file, in workbook order, one row at a time. Only the
 * shared-string table and the list of date styles are held in memory.
 */
export async function* readXlsxSheets(path: string): AsyncGenerator<SheetRows> {
  let zip: ZipParts;
  try {
    const directory = await unzipper.Open.file(path);
    const files = new Map(directory.files.map((file) => [file.path.replace(/^\//, ''), file]));
    zip = { get: (part) => files.get(part) };
  } catch {
    throw unreadable();
  }
  let workbook: WorkbookInfo;
  let sharedStrings: string[];
  let dateStyles: boolean[];
  try {
    workbook = await readWorkbook(zip);
    sharedStrings = await readSharedStrings(zip, workbook.sharedStringsPath);
    dateStyles = await readDateStyles(zip, workbook.stylesPath);
  } catch (error) {
    if (error instanceof DirectoryFileError) throw error;
    throw unreadable(error instanceof Error ? error.message : undefined);
  }

  for (const sheet of workbook.sheets) {
    const file = zip.get(sheet.path);
    if (sheet.hidden || !file) continue;
    let lastRow: number | undefined;
    const rows = sheetRows(file, { sharedStrings, dateStyles, date1904: workbook.date1904, onDimension: (n) => (lastRow = n) });
    yield {
      name: sheet.name,
      rowCount: () => (lastRow === undefined ? undefined : { rows: lastRow, exact: false }),
      rows: guarded(rows),
    };
  }
}

/** Turns a damaged sheet's low-level error into a Chinese file-level one. */
async function* guarded(rows: AsyncIterable<SheetRow>): AsyncGenerator<SheetRow> {
  try {
    yield* rows;
  } catch (error) {
    if (error instanceof DirectoryFileError) throw error;
    throw unreadable(error instanceof Error ? error.message : undefined);
  }
}
