import { useCallback, useEffect, useState } from 'react';
import { describeGraphQLError } from '@dr/graphql-client';
import { useGatewayFiles } from '../files/use-gateway-files';
import type { DrawReplay } from './draw-replay';
import { DrawWorkerError, runDrawWorker } from './draw-worker-client';

/** Where loading and recomputing a receipt stands. */
export type ReceiptStage = 'idle' | 'fetch' | 'parse' | 'compute' | 'done' | 'failed';

/** A completed draw's receipt and its recomputation in the browser. */
export interface DrawReceiptState {
  stage: ReceiptStage;
  /** The receipt as published, for the download. */
  text: string | null;
  /** The draw recomputed from it (in a worker), for the live display. */
  replay: DrawReplay | null;
  error: string | null;
  retry: () => void;
}

/**
 * Fetches a completed draw's public receipt and recomputes the draw from it in a Web Worker, so the
 * display shows the real computation and a large directory does not freeze the page.
 * @param receiptPath - the draw's `receiptPath` (relative to the gateway's origin); null before completion
 */
export function useDrawReceipt(receiptPath: string | null | undefined): DrawReceiptState {
  const files = useGatewayFiles();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Omit<DrawReceiptState, 'retry'>>({ stage: 'idle', text: null, replay: null, error: null });

  useEffect(() => {
    if (!receiptPath) return;
    const abort = new AbortController();
    setState({ stage: 'fetch', text: null, replay: null, error: null });
    (async () => {
      const text = await files.readText(receiptPath);
      if (abort.signal.aborted) return;
      setState((current) => ({ ...current, text }));
      const outcome = await runDrawWorker({ task: 'replay', receiptText: text }, (progress) => setState((current) => ({ ...current, stage: progress.stage })), abort.signal);
      if (outcome.type === 'replayed') setState({ stage: 'done', text, replay: outcome.replay, error: null });
    })().catch((error: unknown) => {
      if (abort.signal.aborted) return;
      setState((current) => ({ ...current, stage: 'failed', error: error instanceof DrawWorkerError ? error.message : describeGraphQLError(error) }));
    });
    return () => abort.abort();
  }, [receiptPath, files, attempt]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { ...state, retry };
}
