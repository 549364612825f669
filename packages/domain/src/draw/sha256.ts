/**
 * The draw needs SHA-256 and nothing else from the platform. It is passed in, so the same pure code
 * runs in Node (node:crypto) and in a browser (a JS implementation) on the public verification page.
 */
export interface Sha256 {
  /** Digest of the concatenation of the parts (strings as UTF-8). */
  digest(...parts: (string | Uint8Array)[]): Uint8Array;
  /** An incremental hasher, for hashing a large snapshot record by record. */
  create(): { update(part: string | Uint8Array): void; digest(): Uint8Array };
}

/** Unit separator: joins the fields of a hashed message; ids and names may not contain it. */
export const SEP = '\u001f';

export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

export function fromHex(hex: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})*$/.test(hex)) throw new TypeError('expected lower-case hex');
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** Lexicographic comparison of two byte strings. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
