import { DrawError, isDrawFailure, verifyReceipt, type DrawReceipt } from '@dr/domain';
import { browserSha256 } from '@dr/ui/browser-sha256';
import { replayDraw } from './draw-replay';
import type { DrawWorkerMessage, DrawWorkerRequest, ReceiptSummary } from './draw-worker-protocol';
import { parseReceipt, ReceiptFormatError } from './receipt-parse';

/** The part of a dedicated worker's global scope used here (the project's types are the page's, not a worker's). */
interface WorkerScope {
  postMessage(message: DrawWorkerMessage): void;
  onmessage: ((event: MessageEvent<DrawWorkerRequest>) => void) | null;
}

function summaryOf(receipt: DrawReceipt): ReceiptSummary {
  return {
    planId: String(receipt.parameters.planId),
    batch: String(receipt.parameters.batch),
    commitment: receipt.commitment,
    resultHash: receipt.resultHash,
    parties: receipt.seedCommitments.map((commitment) => String(commitment.party)),
    venues: receipt.venueSnapshot.records.length,
    inspectors: receipt.inspectorSnapshot.records.length,
    drawn: isDrawFailure(receipt.result) ? 0 : receipt.result.teams.length,
  };
}

// Recomputing a draw hashes every venue of the snapshot; off the page's thread it cannot freeze it.
const scope = self as unknown as WorkerScope;
const post = (message: DrawWorkerMessage) => scope.postMessage(message);

scope.onmessage = (event: MessageEvent<DrawWorkerRequest>) => {
  const request = event.data;
  try {
    post({ type: 'progress', stage: 'parse' });
    const receipt = parseReceipt(request.receiptText);
    post({ type: 'progress', stage: 'compute', venues: receipt.venueSnapshot.records.length, inspectors: receipt.inspectorSnapshot.records.length });
    if (request.task === 'verify') {
      const { ok, checks } = verifyReceipt(browserSha256, receipt);
      post({ type: 'verified', ok, checks, summary: summaryOf(receipt) });
    } else {
      post({ type: 'replayed', replay: replayDraw(browserSha256, receipt) });
    }
  } catch (error) {
    if (error instanceof ReceiptFormatError || error instanceof DrawError) {
      post({ type: 'failed', message: error.message, format: error instanceof ReceiptFormatError });
    } else {
      // Records of the wrong shape (a number where a date belongs) make the recomputation itself fail.
      post({ type: 'failed', message: `凭证内容无法重新计算：${error instanceof Error ? error.message : String(error)}`, format: false });
    }
  }
};
