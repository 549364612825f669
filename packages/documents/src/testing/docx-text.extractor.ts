import { strFromU8, unzipSync } from 'fflate';

/**
 * The text of a DOCX's body (`word/document.xml`), one line per paragraph, table cells separated by a
 * tab: how tests read a generated work summary back the way Word shows it.
 */
export function extractDocxText(docx: Uint8Array): string {
  const files = unzipSync(docx, { filter: (file) => file.name === 'word/document.xml' });
  const xml = files['word/document.xml'];
  if (!xml) throw new Error('not a DOCX: word/document.xml is missing');
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return strFromU8(xml)
    .replace(/<\/w:tc>/g, '\t')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/\t\n/g, '\n')
    .replace(/&(lt|gt|quot|apos|amp);/g, (entity) => unescape(entity));
}
