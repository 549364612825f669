import { cellText } from './cell-text.normalizer';
import type { CellInput, ColumnDefinition } from './directory.types';

/**
 * Folds a header for comparison: full-width to half-width, no spaces, no required-marker `*`, no
 * bracketed note such as `（必填）` or `(YYYY-MM-DD)`, no trailing colon.
 */
export function normalizeHeader(value: CellInput): string {
  return cellText(value)
    .normalize('NFKC')
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕/g, '')
    .replace(/[\s\u3000*:]/g, '');
}

/** How the cells of a header row map onto the fields of a directory. */
export interface HeaderMatch<F extends string> {
  /** Field for each 0-based cell index that was recognised. */
  fields: Map<number, F>;
  /** Required columns that were not found. */
  missing: ColumnDefinition<F>[];
  /** How many columns were recognised. */
  recognised: number;
}

/** Matches a header row against column definitions; the first cell naming a column wins. */
export function matchHeaderRow<F extends string>(columns: readonly ColumnDefinition<F>[], cells: readonly CellInput[]): HeaderMatch<F> {
  const byName = new Map<string, ColumnDefinition<F>>();
  for (const column of columns) {
    for (const name of [column.header, ...column.aliases]) byName.set(normalizeHeader(name), column);
  }
  const fields = new Map<number, F>();
  const seen = new Set<F>();
  cells.forEach((cell, index) => {
    const column = byName.get(normalizeHeader(cell));
    if (column && !seen.has(column.field)) {
      seen.add(column.field);
      fields.set(index, column.field);
    }
  });
  return { fields, missing: columns.filter((c) => c.required && !seen.has(c.field)), recognised: seen.size };
}
