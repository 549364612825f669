/**
 * Helpers for tests that read the rendered PDFs back, in this package and elsewhere:
 * `import { extractPdfText, sampleRecordFormData } from '@dr/documents/testing'`.
 */
export { extractPdfText, readPdf, closePdfReader, runsToLines } from './pdf-text.extractor';
export type { PdfReadResult, PdfTextRun } from './pdf-text.extractor';
export { encodePng, createSignaturePng, createStampPng } from './png.builder';
export { SMALL_STAMP_JPEG } from './jpeg.fixture';
export { sampleRecordFormData, sampleNoticeLetterData, SAMPLE_TEAM, SAMPLE_ITEMS } from './fixtures';
export type { SampleRecordOptions } from './fixtures';
export { extractDocxText } from './docx-text.extractor';
