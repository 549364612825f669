import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import { DocumentRenderError } from './document-render.error';

/** The two faces every document uses. */
export interface PdfFonts {
  regular: fontkit.Font;
  bold: fontkit.Font;
}

/** Where the faces are read from. */
export interface FontPaths {
  regular: string;
  bold: string;
}

/**
 * The default faces: Noto Sans CJK SC (as "Noto Sans Hans", Regular and Bold OTF) from the npm package
 * `@embedpdf/fonts-sc` (SIL OFL 1.1). See docs/adr/0008-pdf-font.md.
 */
export function defaultFontPaths(): FontPaths {
  // The package exports only its JS entry; the fonts sit beside its dist/ folder.
  const fontsDir = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
  return { regular: join(fontsDir, 'NotoSansHans-Regular.otf'), bold: join(fontsDir, 'NotoSansHans-Bold.otf') };
}

/**
 * The faces to use: `PDF_FONT_PATH` (a TTF, OTF or TTC with Simplified Chinese glyphs) replaces the
 * default regular face, and `PDF_FONT_BOLD_PATH` the bold one (it defaults to `PDF_FONT_PATH`, so a
 * single-weight font is enough). For a TTC, `PDF_FONT_FACE` names the face by PostScript name
 * (e.g. `NotoSansCJKsc-Regular`); without it the first face is used.
 */
export function resolveFontPaths(env: NodeJS.ProcessEnv = process.env): FontPaths {
  const regular = env.PDF_FONT_PATH?.trim();
  if (!regular) return defaultFontPaths();
  return { regular, bold: env.PDF_FONT_BOLD_PATH?.trim() || regular };
}

// Parsed faces are kept for the life of the process: parsing the 8 MB OTF and warming its glyph
// caches is most of the cost of a first document, and fontkit fonts are read-only once parsed.
const cache = new Map<string, fontkit.Font>();

function openFace(path: string, faceName: string | undefined): fontkit.Font {
  const key = `${path}#${faceName ?? ''}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new DocumentRenderError('FONT_NOT_FOUND', `cannot read font file ${path}: ${(error as Error).message}`);
  }
  let parsed: fontkit.Font | fontkit.FontCollection;
  try {
    parsed = fontkit.create(bytes);
  } catch (error) {
    throw new DocumentRenderError('FONT_UNSUPPORTED', `cannot parse font file ${path}: ${(error as Error).message}`);
  }
  const face = 'fonts' in parsed ? (faceName ? parsed.getFont(faceName) : parsed.fonts[0]) : parsed;
  if (!face) throw new DocumentRenderError('FONT_UNSUPPORTED', `font collection ${path} has no face named ${faceName}`);
  // 检 and 查: a font without them cannot print these documents.
  if (!face.hasGlyphForCodePoint(0x68c0) || !face.hasGlyphForCodePoint(0x67e5)) {
    throw new DocumentRenderError('FONT_UNSUPPORTED', `font ${face.postscriptName} in ${path} has no Simplified Chinese glyphs`);
  }
  cache.set(key, face);
  return face;
}

/**
 * The regular and bold faces, read and parsed once per process (then served from memory).
 * @throws DocumentRenderError `FONT_NOT_FOUND` or `FONT_UNSUPPORTED`
 */
export function loadFonts(paths: FontPaths = resolveFontPaths()): PdfFonts {
  const faceName = process.env.PDF_FONT_FACE?.trim() || undefined;
  return { regular: openFace(paths.regular, faceName), bold: openFace(paths.bold, faceName) };
}
