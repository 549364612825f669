import type { VerificationCheck } from '@dr/domain';
import type { DrawReplay } from './draw-replay';

/** What the page asks the draw worker: verify a receipt, or replay its draw for the live display. */
export type DrawWorkerRequest = { task: 'verify'; receiptText: string } | { task: 'replay'; receiptText: string };

/** How far the worker has got, so the page can say what it is doing with a large receipt. */
export interface DrawWorkerProgress {
  type: 'progress';
  stage: 'parse' | 'compute';
  /** Records in the snapshots, once the receipt is read. */
  venues?: number;
  inspectors?: number;
}

/** What a verified receipt says about its draw, shown beside the checks. */
export interface ReceiptSummary {
  planId: string;
  batch: string;
  commitment: string;
  resultHash: string;
  parties: string[];
  venues: number;
  inspectors: number;
  drawn: number;
}

/** The worker's messages: progress, then one answer. */
export type DrawWorkerMessage =
  | DrawWorkerProgress
  | { type: 'verified'; ok: boolean; checks: VerificationCheck[]; summary: ReceiptSummary }
  | { type: 'replayed'; replay: DrawReplay }
  /** `message` is Chinese; `format` is true when the input is not a receipt at all. */
  | { type: 'failed'; message: string; format: boolean };
