export type DocumentRenderErrorCode =
  /** The font file (default or `PDF_FONT_PATH`) cannot be read. */
  | 'FONT_NOT_FOUND'
  /** The font file is not a TTF/OTF/TTC that fontkit reads, or it has no Chinese glyphs. */
  | 'FONT_UNSUPPORTED'
  /** A signature or stamp image is neither PNG nor JPEG. */
  | 'IMAGE_UNSUPPORTED';

/** Raised by the renderers; `code` is stable, the message is Chinese-free and names what failed. */
export class DocumentRenderError extends Error {
  constructor(
    readonly code: DocumentRenderErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentRenderError';
  }
}
