import PDFDocument from 'pdfkit';
import type { Font } from 'fontkit';
import { DocumentRenderError } from './document-render.error';
import { loadFonts, type PdfFonts } from './font.loader';
import { wrapText } from './text.wrap';

export type Align = 'left' | 'center' | 'right';

/** An image drawn inside a table cell, scaled to fit `width` × `height` (aspect kept). */
export interface CellImage {
  data: Buffer;
  width: number;
  height: number;
  /** Who or what the image is, for the error when it cannot be decoded. */
  label: string;
}

export interface TableCell {
  text?: string;
  bold?: boolean;
  align?: Align;
  /** Number of columns the cell covers (default 1). */
  span?: number;
  fill?: string;
  images?: CellImage[];
}
export type TableRow = (string | TableCell)[];

export interface TableColumn {
  header?: string;
  /** Relative width: the columns share the content width in proportion. */
  width: number;
  align?: Align;
}

export interface TableOptions {
  fontSize?: number;
  /** Repeat the header row on every page the table runs over (default true when headers exist). */
  header?: boolean;
  /** Columns drawn as labels (shaded, bold): the left column of key-value tables. */
  labelColumns?: number[];
  /** Tighter rows, for letters that should fit one page. */
  compact?: boolean;
}

/** What each page carries besides the body. */
export interface PageFrame {
  /** Small text at the top of every page but the first, e.g. the form's name and the venue. */
  runningHeader: string;
  footerLeft: string;
  footerRight: string;
}

export interface DocumentMeta {
  title: string;
  subject: string;
  author: string;
  createdAt: Date;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 62, bottom: 66, left: 56, right: 56 };
const BORDER = '#000000';
const LABEL_FILL = '#f2f2f2';
const HEADER_FILL = '#e6e6e6';
const MUTED = '#555555';
const CELL_PAD_X = 4;
const ROW_PAD_Y = 4;
const LINE_HEIGHT = 1.5;
const FONT_REGULAR = 'regular';
const FONT_BOLD = 'bold';

// Advance widths by code point, in font units, per face: measuring by summing advances is what makes
// wrapping long notes cheap, and the faces are shared by every document of the process.
const advanceCache = new WeakMap<Font, Map<number, number>>();

function advanceOf(font: Font, codePoint: number): number {
  let widths = advanceCache.get(font);
  if (!widths) advanceCache.set(font, (widths = new Map()));
  let advance = widths.get(codePoint);
  if (advance === undefined) {
    advance = font.glyphForCodePoint(codePoint).advanceWidth;
    widths.set(codePoint, advance);
  }
  return advance;
}

interface ResolvedCell {
  x: number;
  width: number;
  lines: string[];
  bold: boolean;
  align: Align;
  fill?: string;
  images?: CellImage[];
}

/**
 * A4 page writer over pdfkit with its own cursor: single lines of text placed exactly, tables whose
 * rows wrap, break across pages (long cells are split line by line) and repeat their header, and
 * page numbers 第 N 页 共 M 页 written once the page count is known.
 */
export class PageWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly left = MARGIN.left;
  readonly right: number;
  readonly width: number;
  /** The page as laid out: A4 portrait, or landscape for wide tables (the 汇总表). */
  private readonly page: { width: number; height: number };
  y = MARGIN.top;
  private readonly fonts: PdfFonts;
  private readonly pdf: Promise<Buffer>;
  private tableHeader: (() => void) | null = null;

  constructor(
    meta: DocumentMeta,
    private readonly frame: PageFrame,
    layout: 'portrait' | 'landscape' = 'portrait',
  ) {
    this.page = layout === 'landscape' ? { width: A4.height, height: A4.width } : A4;
    this.right = this.page.width - MARGIN.right;
    this.width = this.page.width - MARGIN.left - MARGIN.right;
    this.fonts = loadFonts();
    this.doc = new PDFDocument({
      size: 'A4',
      layout,
      margins: MARGIN,
      bufferPages: true,
      font: '',
      lang: 'zh-CN',
      displayTitle: true,
      info: {
        Title: meta.title,
        Subject: meta.subject,
        Author: meta.author,
        Creator: '@dr/documents',
        CreationDate: meta.createdAt,
        ModDate: meta.createdAt,
      },
    });
    // pdfkit takes a parsed fontkit face as well as bytes; handing it the cached one skips a parse.
    this.doc.registerFont(FONT_REGULAR, this.fonts.regular as unknown as PDFKit.Mixins.PDFFontSource);
    this.doc.registerFont(FONT_BOLD, this.fonts.bold as unknown as PDFKit.Mixins.PDFFontSource);
    const chunks: Buffer[] = [];
    this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    this.pdf = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
  }

  get bottom(): number {
    return this.page.height - MARGIN.bottom;
  }

  measure(text: string, size: number, bold = false): number {
    const font = bold ? this.fonts.bold : this.fonts.regular;
    let units = 0;
    for (const ch of text) units += advanceOf(font, ch.codePointAt(0) as number);
    return (units / font.unitsPerEm) * size;
  }

  wrap(text: string, width: number, size: number, bold = false): string[] {
    return wrapText(text, width, (s) => this.measure(s, size, bold));
  }

  /** One line of text at (x, y); `width` is the box that `align` refers to. */
  line(text: string, x: number, y: number, options: { size: number; bold?: boolean; align?: Align; width?: number; color?: string }): void {
    const { size, bold = false, align = 'left', width = 0, color = '#000000' } = options;
    if (!text) return;
    let dx = 0;
    if (align !== 'left') {
      const free = width - this.measure(text, size, bold);
      dx = align === 'center' ? free / 2 : free;
    }
    this.doc
      .font(bold ? FONT_BOLD : FONT_REGULAR)
      .fontSize(size)
      .fillColor(color)
      .text(text, x + dx, y, { lineBreak: false });
  }

  addPage(): void {
    this.doc.addPage();
    this.y = MARGIN.top;
    this.tableHeader?.();
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom) this.addPage();
  }

  gap(height: number): void {
    this.y += height;
  }

  /** A centred line, e.g. the title. */
  centered(text: string, size: number, bold = false): void {
    const lineHeight = size * 1.4;
    for (const part of this.wrap(text, this.width, size, bold)) {
      this.ensure(lineHeight);
      this.line(part, this.left, this.y, { size, bold, align: 'center', width: this.width });
      this.y += lineHeight;
    }
  }

  /**
   * Running text: wrapped to the content width (less `indent`), `firstIndent` em on the first line, as
   * Chinese paragraphs are set (two characters).
   */
  paragraph(
    text: string,
    options: { size?: number; bold?: boolean; indent?: number; firstIndent?: number; align?: Align; lineHeight?: number } = {},
  ): void {
    const { size = 11, bold = false, indent = 0, firstIndent = 0, align = 'left' } = options;
    const lineHeight = size * (options.lineHeight ?? 1.75);
    const lead = '\u3000'.repeat(firstIndent);
    const lines = text.split('\n').flatMap((para) => this.wrap(lead + para, this.width - indent, size, bold));
    for (const part of lines) {
      this.ensure(lineHeight);
      this.line(part, this.left + indent, this.y, { size, bold, align, width: this.width - indent });
      this.y += lineHeight;
    }
  }

  /**
   * A numbered section heading in bold on a light bar, with optional small text on its right (e.g. a
   * status), kept with at least `keep` points of what follows.
   */
  sectionHeading(text: string, right = '', keep = 60): void {
    const size = 11;
    const height = size * 2;
    this.ensure(height + keep);
    this.doc.rect(this.left, this.y, this.width, height).fill(HEADER_FILL);
    this.doc.rect(this.left, this.y, 3, height).fill('#333333');
    const textY = this.y + (height - size * 1.16) / 2;
    this.line(text, this.left + 10, textY, { size, bold: true });
    this.line(right, this.left, textY + 1.5, { size: 9, align: 'right', width: this.width - 8, color: MUTED });
    this.y += height + 6;
  }

  /** A small bold caption above a table. */
  caption(text: string, keep = 40): void {
    const size = 10;
    this.ensure(size * 1.8 + keep);
    this.line(text, this.left, this.y + 2, { size, bold: true });
    this.y += size * 1.8;
  }

  /** Draws a bordered table; rows wrap their text and break across pages. */
  table(columns: TableColumn[], rows: TableRow[], options: TableOptions = {}): void {
    const fontSize = options.fontSize ?? 9;
    const lineHeight = fontSize * (options.compact ? 1.35 : LINE_HEIGHT);
    const padY = options.compact ? 2.5 : ROW_PAD_Y;
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const xs: number[] = [];
    const widths = columns.map((c) => (c.width / total) * this.width);
    widths.reduce((x, w, i) => ((xs[i] = x), x + w), this.left);
    const labelColumns = new Set(options.labelColumns ?? []);

    const resolve = (row: TableRow, isHeader: boolean): ResolvedCell[] => {
      const cells: ResolvedCell[] = [];
      let col = 0;
      for (const raw of row) {
        const cell: TableCell = typeof raw === 'string' ? { text: raw } : raw;
        const span = Math.max(1, Math.min(cell.span ?? 1, columns.length - col));
        const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
        const isLabel = labelColumns.has(col);
        const bold = cell.bold ?? (isHeader || isLabel);
        cells.push({
          x: xs[col],
          width,
          bold,
          align: cell.align ?? (isHeader || isLabel ? 'center' : (columns[col].align ?? 'left')),
          fill: cell.fill ?? (isHeader ? HEADER_FILL : isLabel ? LABEL_FILL : undefined),
          images: cell.images,
          lines: cell.images ? [] : this.wrap(cell.text ?? '', width - 2 * CELL_PAD_X, fontSize, bold),
        });
        col += span;
      }
      return cells;
    };

    const contentHeight = (cell: ResolvedCell) =>
      cell.images ? Math.max(0, ...cell.images.map((i) => i.height)) : cell.lines.length * lineHeight;

    const drawFragment = (cells: ResolvedCell[], from: number, count: number, height: number, middle: boolean) => {
      for (const cell of cells) {
        if (cell.fill) this.doc.rect(cell.x, this.y, cell.width, height).fill(cell.fill);
      }
      this.doc.lineWidth(0.6).strokeColor(BORDER);
      for (const cell of cells) this.doc.rect(cell.x, this.y, cell.width, height).stroke();
      for (const cell of cells) {
        const inner = cell.width - 2 * CELL_PAD_X;
        const shown = cell.lines.slice(from, from + count);
        const used = cell.images ? contentHeight(cell) : shown.length * lineHeight;
        let y = this.y + padY + (middle ? (height - 2 * padY - used) / 2 : 0);
        if (cell.images) {
          this.drawImages(cell, y);
          continue;
        }
        for (const text of shown) {
          // pdfkit places the top of the em box at y; centre it in the line.
          this.line(text, cell.x + CELL_PAD_X, y + (lineHeight - fontSize * 1.16) / 2, {
            size: fontSize,
            bold: cell.bold,
            align: cell.align,
            width: inner,
          });
          y += lineHeight;
        }
      }
      this.y += height;
    };

    const drawRow = (cells: ResolvedCell[]) => {
      const height = Math.max(...cells.map(contentHeight)) + 2 * padY;
      const lines = Math.max(...cells.map((c) => c.lines.length));
      const pageRoom = this.bottom - MARGIN.top - headerHeight;
      if (this.y + height <= this.bottom) return drawFragment(cells, 0, lines, height, true);
      // A row up to a third of a page moves to the next page whole; a taller one is split line by line
      // where it stands rather than leave a large gap.
      if (height <= pageRoom / 3 || cells.some((c) => c.images)) {
        this.addPage();
        return drawFragment(cells, 0, lines, height, true);
      }
      let from = 0;
      while (from < lines) {
        const fit = Math.floor((this.bottom - this.y - 2 * padY) / lineHeight);
        if (fit < 2) {
          this.addPage();
          continue;
        }
        const count = Math.min(fit, lines - from);
        drawFragment(cells, from, count, count * lineHeight + 2 * padY, false);
        from += count;
        if (from < lines) this.addPage();
      }
    };

    const headerCells = columns.some((c) => c.header) ? resolve(columns.map((c) => c.header ?? ''), true) : null;
    const headerHeight = headerCells ? Math.max(...headerCells.map(contentHeight)) + 2 * padY : 0;
    const drawHeader = () => {
      if (headerCells) drawFragment(headerCells, 0, Math.max(...headerCells.map((c) => c.lines.length)), headerHeight, true);
    };

    const resolved = rows.map((row) => resolve(row, false));
    const firstHeight = resolved.length ? Math.max(...resolved[0].map(contentHeight)) + 2 * padY : 0;
    // Never leave a header alone at the foot of a page.
    this.ensure(headerHeight + Math.min(firstHeight, 3 * lineHeight + 2 * padY));
    drawHeader();
    if (headerCells && options.header !== false) this.tableHeader = drawHeader;
    try {
      for (const cells of resolved) drawRow(cells);
    } finally {
      this.tableHeader = null;
    }
  }

  private drawImages(cell: ResolvedCell, y: number): void {
    const images = cell.images ?? [];
    const gap = 6;
    const totalWidth = images.reduce((sum, i) => sum + i.width, 0) + gap * (images.length - 1);
    let x = cell.x + (cell.width - totalWidth) / 2;
    for (const image of images) {
      try {
        this.doc.image(image.data, x, y, { fit: [image.width, image.height], align: 'center', valign: 'center' });
      } catch (error) {
        throw new DocumentRenderError('IMAGE_UNSUPPORTED', `${image.label}: not a PNG or JPEG image (${(error as Error).message})`);
      }
      x += image.width + gap;
    }
  }

  /** Writes the running header, footer and page numbers on every page, then ends the document. */
  finish(): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      this.doc.switchToPage(range.start + i);
      this.doc.page.margins.bottom = 0; // writing in the margin must not start a new page
      if (i > 0 && this.frame.runningHeader) {
        this.line(this.frame.runningHeader, this.left, MARGIN.top - 30, { size: 8, color: MUTED });
        this.doc.moveTo(this.left, MARGIN.top - 16).lineTo(this.right, MARGIN.top - 16).lineWidth(0.4).strokeColor('#999999').stroke();
      }
      const footerY = this.page.height - MARGIN.bottom + 26;
      this.doc.moveTo(this.left, footerY - 8).lineTo(this.right, footerY - 8).lineWidth(0.4).strokeColor('#999999').stroke();
      this.line(this.frame.footerLeft, this.left, footerY, { size: 8, color: MUTED });
      this.line(`第 ${i + 1} 页 共 ${range.count} 页`, this.left, footerY, { size: 9, align: 'center', width: this.width });
      this.line(this.frame.footerRight, this.left, footerY, { size: 8, color: MUTED, align: 'right', width: this.width });
    }
    this.doc.end();
    return this.pdf;
  }
}
