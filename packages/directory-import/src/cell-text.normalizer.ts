import type { CellInput } from './directory.types';

// Spreadsheets carry full-width spaces, non-breaking spaces, zero-width characters and stray BOMs.
const EDGE_SPACE = /^[\s\u00a0\u3000\u200b\ufeff]+|[\s\u00a0\u3000\u200b\ufeff]+$/g;
const ANY_SPACE = /[\s\u00a0\u3000\u200b\ufeff]+/g;

/** The text of a cell, trimmed; a Date becomes `YYYY-MM-DD` (its UTC day, as Excel stores days). */
export function cellText(value: CellInput): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.replace(EDGE_SPACE, '');
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
}

/**
 * Text folded for comparing codes and keywords: full-width letters, digits and punctuation become
 * half-width (NFKC), and every space is removed.
 */
export function foldText(value: CellInput): string {
  return cellText(value).normalize('NFKC').replace(ANY_SPACE, '');
}

/** True when the cell holds nothing but spaces. */
export function isBlank(value: CellInput): boolean {
  return cellText(value) === '';
}

/** Splits a cell holding several values, dropping empty parts. */
export function splitList(value: CellInput, separators: RegExp): string[] {
  return cellText(value)
    .split(separators)
    .map((part) => part.replace(EDGE_SPACE, ''))
    .filter((part) => part.length > 0);
}

/** A value quoted for a Chinese message, shortened so that a pasted paragraph does not flood the list. */
export function quoted(value: CellInput): string {
  const text = cellText(value);
  return `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;
}
