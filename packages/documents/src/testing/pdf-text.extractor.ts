import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

/** One run of text as the PDF draws it, with its position (PDF units, origin bottom left). */
export interface PdfTextRun {
  text: string;
  x: number;
  y: number;
}

/** What {@link readPdf} gives back. */
export interface PdfReadResult {
  pageCount: number;
  /** Per page: runs grouped into lines by position (top to bottom, left to right, joined by a space). */
  pages: string[];
  /** Per page: the runs in drawing order, as the PDF holds them. */
  runs: PdfTextRun[][];
  /**
   * The body of every page (no running header, footer or page number) in drawing order, joined with
   * no separator: a cell's text that wraps over lines, or a row split over pages, reads back whole.
   * Latin words broken at a line end lose their space.
   */
  body: string;
}

// The page frame of this package's A4 layout: running header above, footer and page number below
// (PDF units from the bottom of the page).
const BODY_BOTTOM = 55;
const BODY_TOP = 785;

// pdf.js (inside unpdf) is ESM-only and loads itself with import(); jest's CommonJS sandbox refuses
// dynamic imports, so the parsing runs in a worker thread, which is plain Node whoever the caller is.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
parentPort.on('message', async ({ id, data }) => {
  try {
    const { getDocumentProxy } = await import(workerData.unpdfUrl);
    const pdf = await getDocumentProxy(data);
    const pages = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(content.items.filter((i) => 'str' in i).map((i) => ({ text: i.str, x: i.transform[4], y: i.transform[5] })));
    }
    await pdf.destroy();
    parentPort.postMessage({ id, pages });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.stack) || error) });
  }
});`;

interface Pending {
  resolve: (pages: PdfTextRun[][]) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function getWorker(): Worker {
  if (worker) return worker;
  const unpdfUrl = pathToFileURL(require.resolve('unpdf')).href;
  const created = new Worker(WORKER_SOURCE, { eval: true, workerData: { unpdfUrl } });
  created.on('message', (message: { id: number; pages?: PdfTextRun[][]; error?: string }) => {
    const request = pending.get(message.id);
    pending.delete(message.id);
    if (pending.size === 0) created.unref();
    if (!request) return;
    if (message.error) request.reject(new Error(`PDF text extraction failed: ${message.error}`));
    else request.resolve(message.pages ?? []);
  });
  created.on('error', (error: Error) => {
    for (const request of pending.values()) request.reject(error);
    pending.clear();
    worker = null;
  });
  created.on('exit', () => {
    worker = null;
  });
  worker = created;
  return created;
}

/** Groups runs that share a baseline (within 2 pt) into lines, top to bottom, left to right. */
export function runsToLines(runs: PdfTextRun[]): string[] {
  const sorted = runs.filter((r) => r.text.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfTextRun[][] = [];
  for (const run of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0].y - run.y) <= 2) line.push(run);
    else lines.push([run]);
  }
  return lines.map((line) =>
    line
      .sort((a, b) => a.x - b.x)
      .map((r) => r.text.trim())
      .join(' '),
  );
}

/**
 * Reads a PDF back with a real text extractor (pdf.js, through `unpdf`). Works under jest's CommonJS
 * sandbox and in plain Node. The first call starts a worker thread that later calls reuse; it does not
 * keep the process alive (see {@link closePdfReader}).
 */
export async function readPdf(pdf: Uint8Array): Promise<PdfReadResult> {
  const id = nextId++;
  const w = getWorker();
  w.ref();
  const runs = await new Promise<PdfTextRun[][]>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, data: new Uint8Array(pdf) });
  });
  const body = runs
    .flat()
    .filter((r) => r.y > BODY_BOTTOM && r.y < BODY_TOP)
    .map((r) => r.text)
    .join('');
  return { pageCount: runs.length, pages: runs.map((page) => runsToLines(page).join('\n')), runs, body };
}

/**
 * The text of every page, line by line as laid out (cells of a table row on one line, separated by
 * spaces), pages separated by a blank line. A cell's text that wraps over several lines is split too;
 * to find such text, search `(await readPdf(pdf)).runs` joined in drawing order instead.
 */
export async function extractPdfText(pdf: Uint8Array): Promise<string> {
  const { pages } = await readPdf(pdf);
  return pages.join('\n\n');
}

/** Stops the worker thread (optional: it never holds the process open). */
export async function closePdfReader(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
