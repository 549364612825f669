/** Encodings a CSV from a Chinese office may come in. GBK files are decoded as GB18030, its superset. */
export type TextEncoding = 'utf8' | 'gb18030' | 'utf16le' | 'utf16be';

/**
 * Guesses the encoding of a text file from its first bytes: a BOM decides; otherwise text that is
 * valid UTF-8 is UTF-8, and anything else is taken for GB18030/GBK, which Excel on Chinese Windows
 * writes for "CSV (逗号分隔)". The header row is Chinese, so the sample always has non-ASCII bytes.
 */
export function detectTextEncoding(sample: Uint8Array): TextEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf16be';
  try {
    // stream: true leaves a sequence cut at the end of the sample undecided instead of failing it.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf8';
  } catch {
    return 'gb18030';
  }
}
