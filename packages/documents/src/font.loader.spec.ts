import { DocumentRenderError } from './document-render.error';
import { defaultFontPaths, loadFonts, resolveFontPaths } from './font.loader';

describe('font loading', () => {
  it('reads the default Noto Sans CJK SC faces once per process', () => {
    const first = loadFonts();
    expect(first.regular.postscriptName).toBe('NotoSansHans-Regular');
    expect(first.bold.postscriptName).toBe('NotoSansHans-Bold');
    expect(loadFonts().regular).toBe(first.regular);
  });

  it('takes PDF_FONT_PATH (and PDF_FONT_BOLD_PATH) over the default', () => {
    expect(resolveFontPaths({ PDF_FONT_PATH: '/fonts/a.ttf' })).toEqual({ regular: '/fonts/a.ttf', bold: '/fonts/a.ttf' });
    expect(resolveFontPaths({ PDF_FONT_PATH: '/fonts/a.ttf', PDF_FONT_BOLD_PATH: '/fonts/b.otf' })).toEqual({ regular: '/fonts/a.ttf', bold: '/fonts/b.otf' });
    expect(resolveFontPaths({})).toEqual(defaultFontPaths());
  });

  it('says which font file is missing', () => {
    expect(() => loadFonts({ regular: '/nowhere/font.ttf', bold: '/nowhere/font.ttf' })).toThrow(
      expect.objectContaining({ code: 'FONT_NOT_FOUND', message: expect.stringContaining('/nowhere/font.ttf') }),
    );
  });

  it('refuses a file that is not a font', () => {
    expect(() => loadFonts({ regular: __filename, bold: __filename })).toThrow(DocumentRenderError);
  });
});
