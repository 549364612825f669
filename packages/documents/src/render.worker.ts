// Runs in a worker thread of the render pool (render-pool.ts): renders one document per task. Each
// worker parses the font once and keeps it for its life.
import { DocumentRenderError } from './document-render.error';
import { loadFonts } from './font.loader';
import { renderNoticeLetter } from './notice-letter.renderer';
import { renderRecordForm } from './record-form.renderer';
import { renderStatisticsForm } from './statistics-form.renderer';
import type { RenderTask, RenderTaskResult } from './render-pool';

/** A `Buffer` crosses the thread boundary as a plain `Uint8Array`; pdfkit wants a `Buffer` back. */
function revive(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(revive);
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, revive(entry)]));
}

export default async function render(task: RenderTask): Promise<RenderTaskResult> {
  try {
    if (task.kind === 'fonts') {
      loadFonts();
      return { ok: true, pdf: null };
    }
    const data = revive(task.data) as never;
    const pdf = task.kind === 'notice' ? await renderNoticeLetter(data) : task.kind === 'record-form' ? await renderRecordForm(data) : await renderStatisticsForm(data);
    return { ok: true, pdf };
  } catch (error) {
    // Only the message of an Error survives the thread boundary; the code is carried explicitly.
    if (error instanceof DocumentRenderError) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}
