import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileStore, sha256Hex, sniffContentType } from './file-store';

describe('file store', () => {
  it('stores bytes under their SHA-256 once and reads them back', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'dr-files-'));
    const sut = createFileStore(directory);
    const bytes = Buffer.from('现场照片');
    const sha = await sut.put(bytes);
    expect(sha).toBe(sha256Hex(bytes));
    expect(await sut.put(bytes)).toBe(sha);
    expect(readFileSync(join(directory, sha.slice(0, 2), sha)).equals(bytes)).toBe(true);
    expect((await sut.read(sha)).equals(bytes)).toBe(true);
  });

  it('refuses a name that is not a SHA-256', () => {
    const sut = createFileStore(mkdtempSync(join(tmpdir(), 'dr-files-')));
    expect(() => sut.open('../../etc/passwd')).toThrow('not a SHA-256');
  });
});

describe('content sniffing', () => {
  // Whole files are recognised by their structure: file-structure.spec.ts.
  it('refuses anything else, e.g. an executable or a script renamed .jpg', () => {
    expect(sniffContentType(Buffer.from('MZ\x90\0', 'latin1'))).toBeNull();
    expect(sniffContentType(Buffer.from('<script>alert(1)</script>'))).toBeNull();
    expect(sniffContentType(Buffer.alloc(0))).toBeNull();
  });

  it('refuses the first bytes of a format without the rest of the file', () => {
    expect(sniffContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBeNull();
    expect(sniffContentType(Buffer.from('89504e470d0a1a0a0000', 'hex'))).toBeNull();
    expect(sniffContentType(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'))).toBeNull();
    expect(sniffContentType(Buffer.from('%PDF-1.7\n'))).toBeNull();
  });
});
