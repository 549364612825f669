import { createHash } from 'node:crypto';

/**
 * A stable, UUID-shaped id for a demo record, so that the office's and the departments' seeds refer to
 * the same inspections without reading each other's tables.
 */
export function demoId(kind: string, n: number): string {
  const hex = createHash('sha256').update(`demo:${kind}:${n}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A deterministic stream of numbers in [0, 1) for laying out demo data (not for draws). */
export function demoRandom(seed: string): () => number {
  let counter = 0;
  return () => {
    const digest = createHash('sha256').update(`${seed}:${counter++}`).digest();
    return digest.readUInt32BE(0) / 2 ** 32;
  };
}
