import { strFromU8, unzipSync } from 'fflate';
import { crc32 } from 'node:zlib';

// Structural checks of the four accepted formats. Magic bytes alone let through anything that starts
// like an image (`FF D8 FF` + an HTML page); these walk the container down to its last byte, so a file
// that is cut off or carries something after its end is refused. No npm library does this without
// native code: `file-type` reads only the magic, `image-size` stops at the frame header. They check the
// container, not the compressed pixels (decoding them is the browser's job, behind `nosniff`).

/**
 * Whether `bytes` are one whole JPEG: SOI, marker segments whose lengths fit, a frame header before the
 * first scan, entropy-coded scans (progressive files have several), EOI, and after it nothing but
 * zero padding.
 * @param bytes - the whole file
 */
export function isWholeJpeg(bytes: Buffer): boolean {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return false;
  let at = 2;
  let frame = false;
  let scans = 0;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return false;
    while (at < bytes.length && bytes[at] === 0xff) at++; // fill bytes before a marker (T.81 B.1.1.2)
    if (at >= bytes.length) return false;
    const marker = bytes[at++];
    if (marker === 0xd9) return frame && scans > 0 && onlyZeros(bytes, at);
    // Markers below C0 (stray RSTn, TEM, a second SOI, text) never stand between segments.
    if (marker < 0xc0 || marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7)) return false;
    if (at + 2 > bytes.length) return false;
    const length = bytes.readUInt16BE(at);
    if (length < 2 || at + length > bytes.length) return false;
    if (isStartOfFrame(marker)) {
      const components = bytes[at + 7];
      if (length < 8 || length !== 8 + 3 * components || bytes.readUInt16BE(at + 5) === 0) return false;
      frame = true;
    }
    at += length;
    if (marker !== 0xda) continue;
    const scanComponents = bytes[at - length + 2];
    if (!frame || scanComponents < 1 || scanComponents > 4 || length !== 6 + 2 * scanComponents) return false;
    scans++;
    const next = endOfEntropyData(bytes, at);
    if (next < 0) return false;
    at = next;
  }
  return false;
}

/** SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC), which share the range. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** Where the marker after a scan's entropy-coded data starts (`FF 00` is a stuffed byte, `FF D0–D7` a restart), or -1. */
function endOfEntropyData(bytes: Buffer, from: number): number {
  let at = from;
  for (;;) {
    const ff = bytes.indexOf(0xff, at);
    if (ff < 0 || ff + 1 >= bytes.length) return -1;
    const next = bytes[ff + 1];
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) at = ff + 2;
    else if (next === 0xff) at = ff + 1;
    else return ff;
  }
}

function onlyZeros(bytes: Buffer, from: number): boolean {
  for (let at = from; at < bytes.length; at++) if (bytes[at] !== 0) return false;
  return true;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Whether `bytes` are one whole PNG: the signature, IHDR first (13 bytes, non-zero size), every chunk's
 * length within the file and its CRC right, image data, and IEND as the very last bytes.
 * @param bytes - the whole file
 */
export function isWholePng(bytes: Buffer): boolean {
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return false;
  let at = 8;
  let first = true;
  let data = false;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    if (length > 0x7fffffff || at + 12 + length > bytes.length) return false;
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) return false;
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== bytes.readUInt32BE(at + 8 + length)) return false;
    if (first && (type !== 'IHDR' || length !== 13 || body.readUInt32BE(0) === 0 || body.readUInt32BE(4) === 0)) return false;
    first = false;
    if (type === 'IDAT') data = true;
    at += 12 + length;
    if (type === 'IEND') return data && length === 0 && at === bytes.length;
  }
  return false;
}

/**
 * Whether `bytes` are one whole WebP: a RIFF size equal to the file's length, `WEBP`, a `VP8 `, `VP8L`
 * or `VP8X` chunk first, image data (`VP8 ` with its key-frame start code, `VP8L` with its signature, or
 * animation frames), and chunks (padded to even lengths) that end exactly where the file ends.
 * @param bytes - the whole file
 */
export function isWholeWebp(bytes: Buffer): boolean {
  if (bytes.length < 20 || bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WEBP') return false;
  if (bytes.readUInt32LE(4) + 8 !== bytes.length) return false;
  let at = 12;
  let image = false;
  const first = bytes.toString('latin1', 12, 16);
  if (first !== 'VP8 ' && first !== 'VP8L' && first !== 'VP8X') return false;
  while (at < bytes.length) {
    if (at + 8 > bytes.length) return false;
    const type = bytes.toString('latin1', at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    const end = at + 8 + size + (size % 2);
    if (end > bytes.length) return false;
    const body = bytes.subarray(at + 8, at + 8 + size);
    if (type === 'VP8 ') {
      if (size < 10 || body[3] !== 0x9d || body[4] !== 0x01 || body[5] !== 0x2a) return false;
      image = true;
    } else if (type === 'VP8L') {
      if (size < 5 || body[0] !== 0x2f) return false;
      image = true;
    } else if (type === 'ANMF') {
      image = true;
    } else if (type === 'VP8X' && (at !== 12 || size < 10)) {
      return false;
    }
    at = end;
  }
  return image;
}

/**
 * Whether `bytes` look like one whole PDF: a `%PDF-1.x` (or `2.0`) header, and in the last kilobyte a
 * `startxref` followed by `%%EOF` with nothing but white space after it.
 * @param bytes - the whole file
 */
export function isWholePdf(bytes: Buffer): boolean {
  if (!/^%PDF-(1\.\d|2\.0)[\r\n\t %]/.test(bytes.toString('latin1', 0, 9))) return false;
  const tail = bytes.toString('latin1', Math.max(0, bytes.length - 1024));
  const eof = tail.lastIndexOf('%%EOF');
  return eof > 0 && /^[\r\n\t\f \0]*$/.test(tail.slice(eof + 5)) && tail.lastIndexOf('startxref', eof) >= 0;
}

const DOCX_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
/** The parts a DOCX check inflates are small XML; anything bigger is not what Word writes (or a zip bomb). */
const DOCX_PART_LIMIT = 1024 * 1024;

/**
 * Whether `bytes` are one whole Word document (DOCX, ISO/IEC 29500): a ZIP whose central directory
 * reads, with a `[Content_Types].xml` that declares the WordprocessingML main part and a
 * `word/document.xml`. Only those two parts are inflated, and only when they are small.
 * @param bytes - the whole file
 */
export function isWholeDocx(bytes: Buffer): boolean {
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) return false;
  try {
    const names = new Set<string>();
    const parts = unzipSync(bytes, {
      filter: (file) => {
        names.add(file.name);
        return file.name === '[Content_Types].xml' && file.originalSize <= DOCX_PART_LIMIT;
      },
    });
    const types = parts['[Content_Types].xml'];
    return names.has('word/document.xml') && types !== undefined && strFromU8(types).includes(DOCX_MAIN);
  } catch {
    return false;
  }
}
