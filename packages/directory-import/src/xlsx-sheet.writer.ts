import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellInput } from './directory.types';

/** A column of a written sheet. */
export interface SheetColumn {
  header: string;
  width: number;
  /** Store as text (`@`), so that Excel never turns a long code into a rounded number. */
  text?: boolean;
}

/** What to write: one sheet with a frozen, bold header row. */
export interface WriteSheetInput {
  stream: Writable;
  sheetName: string;
  columns: readonly SheetColumn[];
  rows: AsyncIterable<readonly CellInput[]> | Iterable<readonly CellInput[]>;
  /** Write strings to a shared table as Excel does (smaller file, the table is held in memory). */
  sharedStrings?: boolean;
}

const YIELD_EVERY = 1_000;

/**
 * Streams one sheet to `stream` with exceljs's WorkbookWriter: each row is committed (serialised and
 * dropped) as soon as it is added, and the writer waits when the destination asks it to.
 * Resolves with the number of data rows once the destination has flushed.
 */
export async function writeXlsxSheet(input: WriteSheetInput): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: input.stream,
    useStyles: true,
    useSharedStrings: input.sharedStrings ?? false,
  });
  const sheet = workbook.addWorksheet(input.sheetName, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
  });
  sheet.columns = input.columns.map((column) => ({
    width: column.width,
    style: column.text ? { numFmt: '@' } : {},
  }));
  const header = sheet.addRow(input.columns.map((column) => column.header));
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  header.commit();

  let count = 0;
  for await (const cells of input.rows) {
    sheet.addRow(cells.map((cell) => (cell === undefined ? null : cell))).commit();
    count++;
    if (count % YIELD_EVERY === 0) {
      if (input.stream.writableNeedDrain) await once(input.stream, 'drain');
      // Let the zip stream take what has been committed before adding more.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  sheet.commit();
  await workbook.commit();
  await finished(input.stream);
  return count;
}
