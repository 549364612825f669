import { parentPort, workerData } from 'node:worker_threads';
import { inBatches, parseDirectoryFile, DirectoryFileError, type RiskClassOption } from '@dr/directory-import';

/** What the service asks of the worker. */
export interface ImportWorkerData {
  kind: 'venues' | 'inspectors';
  path: string;
  streets: string[];
  riskClasses?: RiskClassOption[];
}

/** What the worker sends back; after each `rows` it waits for the service to ask for more. */
export type ImportWorkerMessage =
  | { type: 'progress'; processedRows: number; totalRows: number | null }
  | { type: 'rows'; rows: { row: number; record?: unknown; errors: { row: number; column: string; reason: string }[] }[] }
  | { type: 'done' }
  | { type: 'failed'; message: string };

/**
 * Parsing a 100,000-row workbook is CPU work; it runs here, off the server's event loop, and hands
 * rows over in batches, one batch at a time, so memory stays bounded whatever the file's size.
 */
async function run(): Promise<void> {
  const port = parentPort!;
  const data = workerData as ImportWorkerData;
  const next = () => new Promise<void>((resolve) => port.once('message', () => resolve()));
  const onProgress = (processedRows: number, totalRows?: number) => port.postMessage({ type: 'progress', processedRows, totalRows: totalRows ?? null } satisfies ImportWorkerMessage);
  try {
    const rows =
      data.kind === 'venues'
        ? parseDirectoryFile({ kind: 'venues', path: data.path, options: { streets: data.streets, riskClasses: data.riskClasses, onProgress } })
        : parseDirectoryFile({ kind: 'inspectors', path: data.path, options: { onProgress } });
    for await (const batch of inBatches<{ row: number; record?: unknown; errors: { row: number; column: string; reason: string }[] }>(rows, 500)) {
      port.postMessage({ type: 'rows', rows: batch.map((r) => ({ row: r.row, record: r.record, errors: r.errors.map((e) => ({ row: e.row, column: e.column, reason: e.reason })) })) } satisfies ImportWorkerMessage);
      await next();
    }
    port.postMessage({ type: 'done' } satisfies ImportWorkerMessage);
  } catch (error) {
    const message = error instanceof DirectoryFileError ? error.message : '文件无法读取，请确认是有效的 XLSX 或 CSV 文件';
    port.postMessage({ type: 'failed', message } satisfies ImportWorkerMessage);
  }
}

void run();
