import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSignaturePng, createStampPng, encodePng, sampleNoticeLetterData, SMALL_STAMP_JPEG } from '@dr/documents/testing';
import { renderNoticeLetter } from '@dr/documents';
import { isWholeJpeg, isWholePdf, isWholePng, isWholeWebp } from './file-structure';
import { sniffContentType } from './file-store';

/** Exported by headless Chromium's canvas (`toBlob`, `convertToBlob`): what a phone's browser sends. */
const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', name));
const CANVAS_JPEG = fixture('canvas-export.jpg');
const CANVAS_PNG = fixture('canvas-export.png');
const CANVAS_WEBPS = ['canvas-export.webp', 'canvas-export-alpha.webp', 'canvas-export-lossless.webp'].map(fixture);
const HTML = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>');

const segment = (marker: number, body: Buffer): Buffer => Buffer.concat([Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
/** A hand-made JPEG container: SOF (16 × 8, one component) and the given scans, each `[DHT body, data]`. */
function jpeg(frameMarker: number, scans: Buffer[], trailer = Buffer.alloc(0)): Buffer {
  const parts = [Buffer.from([0xff, 0xd8]), segment(0xdb, Buffer.alloc(65)), segment(frameMarker, Buffer.from([8, 0, 8, 0, 16, 1, 1, 0x11, 0]))];
  for (const data of scans) parts.push(segment(0xc4, Buffer.alloc(17)), segment(0xda, Buffer.from([1, 1, 0, 0, 63, 0])), data);
  return Buffer.concat([...parts, Buffer.from([0xff, 0xd9]), trailer]);
}

/** The RIFF size field rewritten to the buffer's length, as a careful forger would. */
function withRiffSize(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  copy.writeUInt32LE(copy.length - 8, 4);
  return copy;
}

const MINIMAL_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\nxref\n0 3\n0000000000 65535 f \ntrailer<</Size 3/Root 1 0 R>>\nstartxref\n9\n%%EOF\n');

describe('JPEG: SOI, marker segments, scans, EOI', () => {
  it('accepts a browser canvas export and a libjpeg file', () => {
    expect(isWholeJpeg(CANVAS_JPEG)).toBe(true);
    expect(isWholeJpeg(SMALL_STAMP_JPEG)).toBe(true);
  });

  it('accepts a progressive file (several scans, tables between them, stuffed bytes and restarts in the data) and zero padding after EOI', () => {
    const progressive = jpeg(0xc2, [Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56]), Buffer.from([0x78, 0xff, 0xff, 0x00])]);
    expect(isWholeJpeg(progressive)).toBe(true);
    expect(isWholeJpeg(Buffer.concat([CANVAS_JPEG, Buffer.alloc(64)]))).toBe(true);
  });

  it('refuses the magic bytes followed by an HTML page', () => {
    expect(isWholeJpeg(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), HTML]))).toBe(false);
    expect(isWholeJpeg(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), HTML]))).toBe(false);
  });

  it('refuses a whole JPEG with a page appended after its EOI (a polyglot)', () => {
    expect(isWholeJpeg(Buffer.concat([CANVAS_JPEG, HTML]))).toBe(false);
    expect(isWholeJpeg(Buffer.concat([CANVAS_JPEG, Buffer.alloc(8), HTML]))).toBe(false);
  });

  it('refuses a file cut short: before EOI, inside the scan, inside a segment', () => {
    expect(isWholeJpeg(CANVAS_JPEG.subarray(0, CANVAS_JPEG.length - 2))).toBe(false);
    expect(isWholeJpeg(CANVAS_JPEG.subarray(0, Math.floor(CANVAS_JPEG.length * 0.8)))).toBe(false);
    expect(isWholeJpeg(CANVAS_JPEG.subarray(0, 30))).toBe(false);
  });

  it('refuses segment lengths that run past the end, a scan before any frame header, a frame of width 0 and no scan at all', () => {
    const overlong = Buffer.from(CANVAS_JPEG);
    overlong.writeUInt16BE(0xfff0, 4); // APP0's length
    expect(isWholeJpeg(overlong)).toBe(false);
    const noFrame = Buffer.concat([Buffer.from([0xff, 0xd8]), segment(0xda, Buffer.from([1, 1, 0, 0, 63, 0])), Buffer.from([1, 2, 3, 0xff, 0xd9])]);
    expect(isWholeJpeg(noFrame)).toBe(false);
    const zeroWidth = Buffer.concat([Buffer.from([0xff, 0xd8]), segment(0xc0, Buffer.from([8, 0, 8, 0, 0, 1, 1, 0x11, 0])), segment(0xda, Buffer.from([1, 1, 0, 0, 63, 0])), Buffer.from([1, 0xff, 0xd9])]);
    expect(isWholeJpeg(zeroWidth)).toBe(false);
    expect(isWholeJpeg(Buffer.concat([Buffer.from([0xff, 0xd8]), segment(0xe0, Buffer.from('JFIF\0')), Buffer.from([0xff, 0xd9])]))).toBe(false);
  });
});

describe('PNG: signature, IHDR first, chunk CRCs, IEND last', () => {
  it('accepts a browser canvas export and PNGs from our encoder (signature pads, stamps)', () => {
    expect(isWholePng(CANVAS_PNG)).toBe(true);
    expect(isWholePng(createSignaturePng('张三'))).toBe(true);
    expect(isWholePng(createStampPng())).toBe(true);
    expect(isWholePng(encodePng(2, 1, new Uint8Array([0, 0, 0, 255, 255, 255]), 3))).toBe(true);
  });

  it('refuses the signature followed by HTML, a page appended after IEND, and a file without IEND', () => {
    expect(isWholePng(Buffer.concat([CANVAS_PNG.subarray(0, 8), HTML]))).toBe(false);
    expect(isWholePng(Buffer.concat([CANVAS_PNG, HTML]))).toBe(false);
    expect(isWholePng(CANVAS_PNG.subarray(0, CANVAS_PNG.length - 12))).toBe(false);
    expect(isWholePng(CANVAS_PNG.subarray(0, 40))).toBe(false);
  });

  it('refuses a damaged IHDR (its CRC no longer matches) and a first chunk that is not IHDR', () => {
    const damaged = Buffer.from(CANVAS_PNG);
    damaged[18] ^= 0x01; // a byte of the width
    expect(isWholePng(damaged)).toBe(false);
    const idatFirst = Buffer.concat([CANVAS_PNG.subarray(0, 8), CANVAS_PNG.subarray(33)]);
    expect(isWholePng(idatFirst)).toBe(false);
  });
});

describe('WebP: RIFF size, WEBP, VP8/VP8L/VP8X, chunks to the end', () => {
  it('accepts browser canvas exports: lossy, with alpha, lossless', () => {
    for (const webp of CANVAS_WEBPS) expect(isWholeWebp(webp)).toBe(true);
  });

  it('refuses bytes appended after the RIFF (size left as it was, or rewritten to cover them)', () => {
    const [webp] = CANVAS_WEBPS;
    expect(isWholeWebp(Buffer.concat([webp, HTML]))).toBe(false);
    expect(isWholeWebp(withRiffSize(Buffer.concat([webp, HTML])))).toBe(false);
  });

  it('refuses a truncated file, a RIFF of another kind of chunk, and an image chunk without its start code', () => {
    const [webp] = CANVAS_WEBPS;
    expect(isWholeWebp(webp.subarray(0, webp.length - 10))).toBe(false);
    expect(isWholeWebp(withRiffSize(webp.subarray(0, webp.length - 10)))).toBe(false);
    expect(isWholeWebp(withRiffSize(Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBPHTML', 'latin1'), Buffer.from([HTML.length, 0, 0, 0]), HTML])))).toBe(false);
    const vp8 = Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'), Buffer.from([10, 0, 0, 0]), Buffer.from('<html>....')]);
    expect(isWholeWebp(withRiffSize(vp8))).toBe(false);
  });
});

describe('PDF: header and %%EOF at the end', () => {
  it('accepts a PDF our renderer makes and a minimal hand-written one', async () => {
    expect(isWholePdf(await renderNoticeLetter(sampleNoticeLetterData()))).toBe(true);
    expect(isWholePdf(MINIMAL_PDF)).toBe(true);
    expect(isWholePdf(Buffer.concat([MINIMAL_PDF, Buffer.from('\r\n\0')]))).toBe(true);
  });

  it('refuses the header followed by HTML, a page after %%EOF, a cut-off file and an unknown version', () => {
    expect(isWholePdf(Buffer.concat([Buffer.from('%PDF-1.7\n'), HTML]))).toBe(false);
    expect(isWholePdf(Buffer.concat([MINIMAL_PDF, HTML]))).toBe(false);
    expect(isWholePdf(MINIMAL_PDF.subarray(0, MINIMAL_PDF.length - 8))).toBe(false);
    expect(isWholePdf(Buffer.from(MINIMAL_PDF.toString('latin1').replace('%PDF-1.4', '%PDF-9.9'), 'latin1'))).toBe(false);
  });
});

describe('sniffContentType reads the structure, not only the first bytes', () => {
  it('names whole files by their content', () => {
    expect(sniffContentType(CANVAS_JPEG)).toBe('image/jpeg');
    expect(sniffContentType(CANVAS_PNG)).toBe('image/png');
    expect(sniffContentType(CANVAS_WEBPS[0])).toBe('image/webp');
    expect(sniffContentType(MINIMAL_PDF)).toBe('application/pdf');
  });

  it('refuses an image header glued to an HTML page like any unknown type', () => {
    expect(sniffContentType(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), HTML]))).toBeNull();
    expect(sniffContentType(Buffer.concat([CANVAS_JPEG, HTML]))).toBeNull();
  });
});
