import { createHash, hash } from 'node:crypto';
import type { Sha256 } from './draw/sha256';

/** SHA-256 from Node's crypto, for servers, the CLI and the benchmark (browsers use a JS implementation). */
export const nodeSha256: Sha256 = {
  digest(...parts) {
    // One-shot hashing of a string is markedly cheaper than a Hash object per ticket.
    if (parts.every((part) => typeof part === 'string')) return hash('sha256', parts.join(''), 'buffer');
    const hasher = createHash('sha256');
    for (const part of parts) hasher.update(part);
    return hasher.digest();
  },
  create() {
    const hasher = createHash('sha256');
    return {
      update(part) {
        hasher.update(part);
      },
      digest: () => hasher.digest(),
    };
  },
};
