import { strToU8, zipSync } from 'fflate';
import { DOCX_CONTENT_TYPE, sniffDocumentType } from './file-store';

const CONTENT_TYPES = (main: string) =>
  `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="${main}"/></Types>`;
const WORD_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const zip = (files: Record<string, string>) => Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))));
const docx = () => zip({ '[Content_Types].xml': CONTENT_TYPES(WORD_MAIN), 'word/document.xml': '<w:document/>' });

describe('report uploads are judged by content (R-REP-2: only DOCX or PDF)', () => {
  it('a Word document is DOCX; a whole PDF is PDF', () => {
    expect(sniffDocumentType(docx())).toBe(DOCX_CONTENT_TYPE);
    expect(sniffDocumentType(Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\nstartxref\n0\n%%EOF\n'))).toBe('application/pdf');
  });

  it.each([
    ['a workbook renamed .docx', zip({ '[Content_Types].xml': CONTENT_TYPES('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'), 'xl/workbook.xml': '<workbook/>' })],
    ['a ZIP with no document part', zip({ '[Content_Types].xml': CONTENT_TYPES(WORD_MAIN) })],
    ['a truncated DOCX', docx().subarray(0, 60)],
    ['a truncated PDF', Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\n')],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])],
    ['HTML', Buffer.from('<html><body>总结</body></html>')],
  ])('%s is refused', (_name, bytes) => {
    expect(sniffDocumentType(bytes)).toBeNull();
  });
});
