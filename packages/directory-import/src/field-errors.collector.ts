import { findUnsafeCharacter, unsafeCharacterMessage } from '@dr/domain';
import { cellText } from './cell-text.normalizer';
import type { CellInput, ColumnDefinition, FieldError, FieldErrorCode } from './directory.types';

/** Collects the problems of one row, naming each by its field and its Chinese column header. */
export class FieldErrorsCollector<F extends string> {
  readonly errors: FieldError<F>[] = [];

  constructor(private readonly columns: ReadonlyMap<F, ColumnDefinition<F>>) {}

  add(field: F, code: FieldErrorCode, reason: string): void {
    this.errors.push({ field, column: this.columns.get(field)?.header ?? field, code, reason });
  }

  /**
   * Records INVALID_VALUE for each cell holding a control or direction-control character (the platform's
   * rule in `@dr/domain`). Tab and line breaks stay allowed: a line break typed in a cell (Alt+Enter) is
   * common in offices' spreadsheets and has always been read as part of the value.
   */
  refuseUnsafeText(input: Partial<Record<F, CellInput>>): void {
    for (const [field, value] of Object.entries(input) as [F, CellInput][]) {
      if (typeof value !== 'string') continue;
      const found = findUnsafeCharacter(value, { multiline: true });
      if (found) this.add(field, 'INVALID_VALUE', unsafeCharacterMessage(this.columns.get(field)?.header ?? field, found));
    }
  }

  /**
   * The trimmed text of a text column, or null when empty. Records REQUIRED when a required column is
   * empty and TOO_LONG when the text does not fit the directory.
   */
  text(field: F, value: CellInput): string | null {
    const column = this.columns.get(field);
    const text = cellText(value);
    if (text === '') {
      if (column?.required) this.add(field, 'REQUIRED', `${column.header}不能为空`);
      return null;
    }
    if (column && text.length > column.maxLength) {
      this.add(field, 'TOO_LONG', `${column.header}最多 ${column.maxLength} 个字，实际 ${text.length} 个字`);
    }
    return text;
  }
}

/** Columns keyed by field, for the collector. */
export function columnsByField<F extends string>(columns: readonly ColumnDefinition<F>[]): Map<F, ColumnDefinition<F>> {
  return new Map(columns.map((column) => [column.field, column]));
}
