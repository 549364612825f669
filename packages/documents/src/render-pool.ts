import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { DocumentRenderError, type DocumentRenderErrorCode } from './document-render.error';
import type { NoticeLetterData, RecordFormData } from './types';

/** What a worker is asked to do: parse the font, or render one document. */
export type RenderTask =
  | { kind: 'fonts' }
  | { kind: 'notice'; data: NoticeLetterData }
  | { kind: 'record-form'; data: RecordFormData }
  | { kind: 'statistics-form'; data: RecordFormData };

/** A worker's answer; a render error crosses the thread boundary as its code and message. */
export type RenderTaskResult = { ok: true; pdf: Uint8Array | null } | { ok: false; code: DocumentRenderErrorCode; message: string };

/** Every worker is busy and the queue is full: the caller should answer "busy, try again" (503). */
export class RenderPoolBusy extends Error {
  constructor(readonly queued: number) {
    super(`document render queue is full (${queued} waiting)`);
    this.name = 'RenderPoolBusy';
  }
}

/** Options of {@link createRenderPool}. */
export interface RenderPoolOptions {
  /** Worker threads at most (default: one less than the CPUs, at least 1, at most 4). */
  threads?: number;
  /** Documents that may wait for a worker before new ones are refused (default 32). */
  maxQueue?: number;
  /** A worker with nothing to do for this long exits and frees its font (default 5 minutes). */
  idleTimeoutMs?: number;
  /** The workers' environment, where the font settings (`PDF_FONT_PATH` …) are read; default this process's. */
  env?: NodeJS.ProcessEnv;
}

/** Renders the paperwork off the event loop. */
export interface RenderPool {
  /** Parses the font in a worker now: a bad `PDF_FONT_PATH` fails at start, not at the first print. */
  warm(): Promise<void>;
  /** @throws RenderPoolBusy when the queue is full: check before gathering a document's data. */
  assertNotBusy(): void;
  renderNoticeLetter(data: NoticeLetterData): Promise<Buffer>;
  renderRecordForm(data: RecordFormData): Promise<Buffer>;
  renderStatisticsForm(data: RecordFormData): Promise<Buffer>;
  /** For `/metrics` and logs: workers now, documents waiting, rendered and refused since start. */
  stats(): { threads: number; queued: number; completed: number; refused: number };
  close(): Promise<void>;
}

export function defaultRenderThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/**
 * A bounded pool of worker threads that render the PDFs (piscina). Rendering a record form takes tens of
 * milliseconds of CPU; on the server's own thread that time would hold up every other request. Each
 * worker parses the CJK font once; at most `maxQueue` documents wait, further ones get
 * {@link RenderPoolBusy} instead of an ever longer queue.
 */
export function createRenderPool(options: RenderPoolOptions = {}): RenderPool {
  const maxQueue = options.maxQueue ?? 32;
  const pool = new Piscina<RenderTask, RenderTaskResult>({
    filename: join(__dirname, 'render.worker.js'),
    minThreads: 1,
    maxThreads: options.threads ?? defaultRenderThreads(),
    maxQueue,
    idleTimeout: options.idleTimeoutMs ?? 5 * 60_000,
    env: options.env ?? process.env,
  });

  let refused = 0;
  let rendered = 0;
  const assertNotBusy = () => {
    if (pool.queueSize < maxQueue) return;
    refused += 1;
    throw new RenderPoolBusy(pool.queueSize);
  };
  async function run(task: RenderTask): Promise<Buffer | null> {
    assertNotBusy();
    let result: RenderTaskResult;
    try {
      result = await pool.run(task);
    } catch (error) {
      // piscina's own limit, reached between the check above and the queueing.
      if (error instanceof Error && error.message === 'Task queue is at limit') {
        refused += 1;
        throw new RenderPoolBusy(pool.queueSize);
      }
      throw error;
    }
    if (!result.ok) throw new DocumentRenderError(result.code, result.message);
    if (result.pdf) rendered += 1;
    return result.pdf ? Buffer.from(result.pdf.buffer, result.pdf.byteOffset, result.pdf.byteLength) : null;
  }
  const pdf = async (task: RenderTask) => (await run(task))!;

  return {
    warm: async () => {
      await run({ kind: 'fonts' });
    },
    assertNotBusy,
    renderNoticeLetter: (data) => pdf({ kind: 'notice', data }),
    renderRecordForm: (data) => pdf({ kind: 'record-form', data }),
    renderStatisticsForm: (data) => pdf({ kind: 'statistics-form', data }),
    stats: () => ({ threads: pool.threads.length, queued: pool.queueSize, completed: rendered, refused }),
    close: () => pool.destroy(),
  };
}
