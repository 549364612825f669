// The pool runs the built worker (dist/render.worker.js): `npm test` builds first, so this tests what
// the office runs.
import { createRenderPool, DocumentRenderError, RenderPoolBusy, type RenderPool } from '../dist';
import { renderRecordForm } from './record-form.renderer';
import { extractPdfText, sampleNoticeLetterData, sampleRecordFormData } from './testing';

describe('the render pool (worker threads)', () => {
  const pools: RenderPool[] = [];
  const poolOf = (...args: Parameters<typeof createRenderPool>) => {
    const pool = createRenderPool(...args);
    pools.push(pool);
    return pool;
  };
  afterAll(() => Promise.all(pools.map((pool) => pool.close())));

  it('renders the same record form as the renderer itself, images included', async () => {
    const data = sampleRecordFormData();
    const pool = poolOf({ threads: 1 });
    const [inWorker, direct] = await Promise.all([pool.renderRecordForm(data), renderRecordForm(data)]);
    expect(Buffer.isBuffer(inWorker)).toBe(true);
    expect(inWorker.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await extractPdfText(inWorker)).toBe(await extractPdfText(direct));
    // The signature and stamp images came through the thread boundary and were embedded.
    expect(Math.abs(inWorker.length - direct.length)).toBeLessThan(200);
    const letter = await pool.renderNoticeLetter(sampleNoticeLetterData());
    expect(await extractPdfText(letter)).toContain('检查');
  });

  it('refuses more documents than it has workers and queue for, instead of queueing without end', async () => {
    const pool = poolOf({ threads: 1, maxQueue: 1 });
    const data = sampleRecordFormData();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => pool.renderStatisticsForm(data)));
    const refused = results.filter((result) => result.status === 'rejected');
    expect(refused.length).toBeGreaterThanOrEqual(3);
    for (const result of refused) expect((result as PromiseRejectedResult).reason).toBeInstanceOf(RenderPoolBusy);
    for (const result of results) if (result.status === 'fulfilled') expect(result.value.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pool.stats()).toMatchObject({ threads: 1, queued: 0, completed: results.length - refused.length, refused: refused.length });
  });

  it('reports a bad font at warm-up with its code, from inside the worker', async () => {
    const pool = poolOf({ threads: 1, env: { ...process.env, PDF_FONT_PATH: '/nonexistent/font.otf' } });
    await expect(pool.warm()).rejects.toMatchObject({ name: 'DocumentRenderError', code: 'FONT_NOT_FOUND' });
    await expect(pool.warm()).rejects.toBeInstanceOf(DocumentRenderError);
  });
});
