export { renderRecordForm, RECORD_FORM_TITLE, AMENDMENTS_TITLE, UNACKNOWLEDGED } from './record-form.renderer';
export { renderStatisticsForm, summarizeDepartments, STATISTICS_FORM_TITLE } from './statistics-form.renderer';
export { renderNoticeLetter, NOTICE_LETTER_TITLE } from './notice-letter.renderer';
export type * from './types';
export { DocumentRenderError, type DocumentRenderErrorCode } from './document-render.error';
export { loadFonts, resolveFontPaths, defaultFontPaths, type PdfFonts, type FontPaths } from './font.loader';
export * from './labels';
export { createRenderPool, defaultRenderThreads, RenderPoolBusy, type RenderPool, type RenderPoolOptions } from './render-pool';
/** The A4 page writer the documents are drawn with, for a department's own letters (e.g. fire's 责令改正通知书). */
export { PageWriter, type DocumentMeta, type PageFrame, type TableColumn, type TableRow } from './page.layout';
/** The plan's reports (R-REP-1/2): 汇总表 and 统计表 as XLSX and PDF, the work summary and the briefings as DOCX. */
export * from './reports';
