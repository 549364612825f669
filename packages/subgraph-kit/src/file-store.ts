import { createHash } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isWholeDocx, isWholeJpeg, isWholePdf, isWholePng, isWholeWebp } from './file-structure';

/**
 * Content-addressed files (evidence photos, signatures, stamps): a file's name is the SHA-256 of its
 * bytes, which the database row keeps, so a file that was changed on disk no longer matches its row.
 * A local directory here; an object store in a larger deployment keeps the same interface.
 */
export interface FileStore {
  /** Stores the bytes (once: the same bytes map to the same file) and returns their SHA-256 (hex). */
  put(bytes: Buffer): Promise<string>;
  /** A stream of the stored bytes. */
  open(sha256: string): ReadStream;
  /** The stored bytes, for server-side rendering. */
  read(sha256: string): Promise<Buffer>;
}

const HEX64 = /^[0-9a-f]{64}$/;

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function createFileStore(directory: string): FileStore {
  const pathOf = (sha256: string) => {
    if (!HEX64.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return join(directory, sha256.slice(0, 2), sha256);
  };
  return {
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      const path = pathOf(sha256);
      try {
        await access(path);
        return sha256;
      } catch {
        await mkdir(join(directory, sha256.slice(0, 2)), { recursive: true });
        // Written beside and renamed, so a reader never sees half a file.
        const partial = `${path}.${process.pid}.${Date.now()}.part`;
        await writeFile(partial, bytes);
        await rename(partial, path);
        return sha256;
      }
    },
    open: (sha256) => createReadStream(pathOf(sha256)),
    async read(sha256) {
      const chunks: Buffer[] = [];
      for await (const chunk of createReadStream(pathOf(sha256))) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
}

/** The content types the platform accepts as evidence and images, recognised by their structure. */
export type SniffedType = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

/**
 * What the bytes are, judged by their content (never by the name or the declared type): the first
 * bytes name the format, and the whole file must then be well-formed in it (`file-structure.ts`),
 * so a truncated file or an image header glued to an HTML page is `null` like any unknown type.
 */
export function sniffContentType(bytes: Buffer): SniffedType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return isWholeJpeg(bytes) ? 'image/jpeg' : null;
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return isWholePng(bytes) ? 'image/png' : null;
  if (bytes.length >= 12 && bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return isWholeWebp(bytes) ? 'image/webp' : null;
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return isWholePdf(bytes) ? 'application/pdf' : null;
  return null;
}

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** The content types a finished report may be uploaded as (a Word document or a PDF). */
export type ReportDocumentType = typeof DOCX_CONTENT_TYPE | 'application/pdf';

/**
 * What an uploaded report is, judged by its content like {@link sniffContentType}: a whole DOCX or a
 * whole PDF; anything else (a renamed spreadsheet, an image, a truncated file) is `null`.
 */
export function sniffDocumentType(bytes: Buffer): ReportDocumentType | null {
  if (isWholeDocx(bytes)) return DOCX_CONTENT_TYPE;
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-' && isWholePdf(bytes)) return 'application/pdf';
  return null;
}
