import type { VerificationCheck } from '@dr/domain';
import type { DrawReplay } from './draw-replay';
import type { DrawWorkerMessage, DrawWorkerProgress, DrawWorkerRequest, ReceiptSummary } from './draw-worker-protocol';

/** The worker's answer to a task that could be computed. */
export type DrawWorkerOutcome = { type: 'verified'; ok: boolean; checks: VerificationCheck[]; summary: ReceiptSummary } | { type: 'replayed'; replay: DrawReplay };

/** A task the worker could not compute (not a receipt, a secret that does not match); Chinese message. */
export class DrawWorkerError extends Error {
  override readonly name = 'DrawWorkerError';

  /**
   * @param message - what went wrong, in Chinese
   * @param format - true when the input is not a draw receipt at all
   */
  constructor(
    message: string,
    readonly format: boolean,
  ) {
    super(message);
  }
}

/**
 * Runs one task in a fresh draw worker and ends the worker when it answers, fails or is aborted.
 * @param request - the task and the receipt's text
 * @param onProgress - told when the worker reads the receipt and starts computing
 * @param signal - aborts the task (the page was left)
 */
export function runDrawWorker(request: DrawWorkerRequest, onProgress: (progress: DrawWorkerProgress) => void, signal?: AbortSignal): Promise<DrawWorkerOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./draw-compute.worker.ts', import.meta.url), { name: 'draw-compute' });
    const stop = () => {
      worker.terminate();
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      stop();
      reject(new DOMException('aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', abort, { once: true });
    worker.onmessage = (event: MessageEvent<DrawWorkerMessage>) => {
      const message = event.data;
      if (message.type === 'progress') {
        onProgress(message);
        return;
      }
      stop();
      if (message.type === 'failed') reject(new DrawWorkerError(message.message, message.format));
      else resolve(message);
    };
    worker.onerror = (event) => {
      stop();
      reject(new DrawWorkerError(`验证程序加载失败：${event.message || '请刷新页面重试'}`, false));
    };
    worker.postMessage(request);
  });
}
