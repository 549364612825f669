import type { CellInput } from './directory.types';

/** One row of a sheet: its 1-based number as Excel shows it, and its cells from column A on. */
export interface SheetRow {
  row: number;
  cells: CellInput[];
}

/** How many rows a sheet has (header included), and whether that number is exact. */
export interface SheetRowCount {
  rows: number;
  /** True for CSV (non-empty records, counted); false for XLSX (the used range, which may count empty rows). */
  exact: boolean;
}

/** A sheet of a file (a CSV file has one), read row by row. */
export interface SheetRows {
  name: string;
  /** The row count, once the file has told it: CSV before reading, XLSX when its first rows are read. */
  rowCount(): SheetRowCount | undefined;
  rows: AsyncIterable<SheetRow>;
}
