export type * from './summary-table.types';
export { SummaryTally, tallyRows } from './summary-table.tally';
export { SUMMARY_TABLE_TITLE, STATISTICS_TABLE_TITLE, SUMMARY_COLUMNS, tallyColumns } from './summary-table.columns';
export { writeSummaryWorkbook } from './summary-table.workbook';
export { renderSummaryTablePdf, SUMMARY_PDF_MAX_ROWS } from './summary-table.renderer';
export { renderWorkSummaryDocx, renderBriefingsDocx, WORK_SUMMARY_TITLE, BRIEFINGS_TITLE, type WorkSummaryData, type BriefingData } from './work-summary.docx';
