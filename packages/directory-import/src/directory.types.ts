/** Which of the two directories (一单两库) a file holds. */
export type DirectoryKind = 'venues' | 'inspectors';

/** File formats the import reads and the generator writes. */
export type DirectoryFormat = 'xlsx' | 'csv';

/**
 * A raw cell as it arrives from a spreadsheet or an edit form: text, a number (numeric Excel cells),
 * a Date (date-formatted Excel cells), a boolean, or nothing.
 */
export type CellInput = string | number | boolean | Date | null | undefined;

/** Why a field was refused; the UI reads the code, people read the reason. */
export type FieldErrorCode =
  | 'REQUIRED'
  | 'INVALID_FORMAT'
  | 'INVALID_VALUE'
  | 'CHECK_DIGIT'
  | 'NOT_IN_LIST'
  | 'TOO_LONG'
  | 'INCONSISTENT'
  | 'DUPLICATE';

/** One problem with one field. */
export interface FieldError<F extends string = string> {
  /** The record field (English, for forms). */
  field: F;
  /** The Chinese column header, as the user sees it. */
  column: string;
  code: FieldErrorCode;
  /** Chinese: what is wrong and what is expected. */
  reason: string;
}

/** A field problem located in a file: `row` is 1-based as Excel shows it (header = row 1). */
export interface RowError<F extends string = string> extends FieldError<F> {
  row: number;
}

/** The outcome of validating one row: a typed record, or every problem found in it. */
export type RowValidation<R, F extends string> = { ok: true; record: R } | { ok: false; errors: FieldError<F>[] };

/** One data row of a file: the record when the row is valid, otherwise its errors. */
export interface ParsedRow<R, F extends string = string> {
  row: number;
  record?: R;
  errors: RowError<F>[];
}

/** A column of a directory file. */
export interface ColumnDefinition<F extends string> {
  field: F;
  /** The canonical Chinese header, written on export. */
  header: string;
  /** Other headers that district offices use for the same column. */
  aliases: readonly string[];
  required: boolean;
  /** Longest value the directory stores (matches the database column). */
  maxLength: number;
  /** Export column width, in characters. */
  width: number;
}
