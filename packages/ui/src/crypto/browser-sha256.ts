import { sha256 } from '@noble/hashes/sha2';
import type { Sha256 } from '@dr/domain';

const encoder = new TextEncoder();

function bytesOf(part: string | Uint8Array): Uint8Array {
  return typeof part === 'string' ? encoder.encode(part) : part;
}

/**
 * SHA-256 for the browser with the synchronous `Sha256` interface of `@dr/domain` (Web Crypto is
 * asynchronous only), so the draw's pure code (commitments, tickets, `verifyReceipt`) runs unchanged
 * in a page or a Web Worker and gives the same bytes as the server's `node:crypto`.
 */
export const browserSha256: Sha256 = {
  digest(...parts) {
    // One message per ticket: joining the strings first costs one UTF-8 encoding instead of several.
    if (parts.every((part) => typeof part === 'string')) return sha256(encoder.encode(parts.join('')));
    const hasher = sha256.create();
    for (const part of parts) hasher.update(bytesOf(part));
    return hasher.digest();
  },
  create() {
    const hasher = sha256.create();
    return {
      update(part) {
        hasher.update(bytesOf(part));
      },
      digest: () => hasher.digest(),
    };
  },
};
