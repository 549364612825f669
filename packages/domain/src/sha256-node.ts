import { createHash } from 'node:crypto';
import type { Sha256 } from './draw/sha256';

/** SHA-256 from Node's crypto, for servers, the CLI and the benchmark (browsers use a JS implementation). */
export const nodeSha256: Sha256 = {
  digest(...parts) {
    const hash = createHash('sha256');
    for (const part of parts) hash.update(part);
    return hash.digest();
  },
  create() {
    const hash = createHash('sha256');
    return {
      update(part) {
        hash.update(part);
      },
      digest: () => hash.digest(),
    };
  },
};
