import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { DirectoryFileError } from './directory-file.error';
import type { SheetRow, SheetRows } from './sheet-rows.types';
import { detectTextEncoding } from './text-encoding.detector';
import type { TextEncoding } from './text-encoding.detector';

const SAMPLE_BYTES = 64 * 1024;
const DELIMITERS = [',', '\t', ';'] as const;

async function readSample(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The delimiter used most in the first line: Excel writes `,`, its "Unicode text" writes tabs. */
function sniffDelimiter(firstLine: string): string {
  let best: string = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = firstLine.split(delimiter).length - 1;
    if (count > bestCount) [best, bestCount] = [delimiter, count];
  }
  return best;
}

const QUOTE = 0x22;
const LF = 0x0a;
const FILLER = new Set([0x0d, 0x20, 0x09, 0x2c, 0x3b]);

/**
 * Counts the non-empty records of an ASCII-compatible CSV file in one quick pass over its bytes, so
 * that the row limit is enforced and progress has a total before any row is read. In UTF-8 and
 * GB18030 a `"` or a newline byte is always that character, never part of another.
 */
async function countRecords(path: string): Promise<number> {
  let count = 0;
  let inQuotes = false;
  let hasContent = false;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === QUOTE) {
        inQuotes = !inQuotes;
        hasContent = true;
      } else if (byte === LF && !inQuotes) {
        if (hasContent) count++;
        hasContent = false;
      } else if (!FILLER.has(byte)) {
        hasContent = true;
      }
    }
  }
  return hasContent ? count + 1 : count;
}

async function* csvRows(path: string, encoding: TextEncoding, delimiter: string): AsyncGenerator<SheetRow> {
  const parser = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  // Errors of any stage reach the parser, whose iteration then throws them.
  pipeline(createReadStream(path), iconv.decodeStream(encoding), parser, () => undefined);
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      yield { row, cells: record };
    }
  } catch (error) {
    if (error instanceof DirectoryFileError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new DirectoryFileError('UNREADABLE', `CSV 文件在第 ${row + 1} 行附近无法解析（${reason}），请用 Excel 打开后重新另存为 CSV`);
  }
}

/** Reads a CSV file (UTF-8 with or without BOM, GB18030/GBK, or UTF-16 with BOM) as one sheet. */
export async function readCsvSheet(path: string): Promise<SheetRows & { encoding: TextEncoding }> {
  const sample = await readSample(path);
  const encoding = detectTextEncoding(sample);
  const firstLine = iconv.decode(sample, encoding).split('\n', 1)[0];
  const asciiCompatible = encoding === 'utf8' || encoding === 'gb18030';
  const rowCount = asciiCompatible ? { rows: await countRecords(path), exact: true } : undefined;
  return {
    name: 'CSV',
    encoding,
    rowCount: () => rowCount,
    rows: csvRows(path, encoding, sniffDelimiter(firstLine)),
  };
}
