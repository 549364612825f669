import { isIsoDate, isSaneDate, SANE_DATE_RANGE } from '@dr/domain';
import { cellText, quoted } from './cell-text.normalizer';
import type { CellInput } from './directory.types';

/** A parsed date (`YYYY-MM-DD`) or, in Chinese, why the value is not one. */
export type DateParse = { ok: true; date: string } | { ok: false; reason: string };

const EXPECTED = '应为 2022-07-26、2022/7/26、2022.7.26、20220726 或 2022年7月26日 的形式';
// Excel's 1900 date system: serial 1 is 1900-01-01, and it counts a 1900-02-29 that never existed.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

function fromParts(raw: CellInput, year: number, month: number, day: number): DateParse {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (month < 1 || month > 12 || day < 1 || day > 31 || !isIsoDate(iso)) {
    return { ok: false, reason: `${quoted(raw)}不是真实存在的日期（${year} 年没有 ${month} 月 ${day} 日）` };
  }
  // The same range as every form of the platform: a year typed as 1900 or 9999 is a slip.
  if (!isSaneDate(iso)) {
    return { ok: false, reason: `${quoted(raw)}的年份超出范围，应在 ${SANE_DATE_RANGE.min} 至 ${SANE_DATE_RANGE.max} 之间` };
  }
  return { ok: true, date: iso };
}

function fromUtcMillis(raw: CellInput, ms: number): DateParse {
  const date = new Date(ms);
  return fromParts(raw, date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * Reads a date the way district offices write them: an Excel date cell, an Excel serial number,
 * `2022-07-26`, `2022/7/26`, `2022.7.26`, `20220726` or `2022年7月26日` (a trailing `00:00:00` is
 * ignored). Impossible dates such as 2022-02-30 are refused.
 */
export function parseDirectoryDate(value: CellInput): DateParse {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, reason: `不是有效日期，${EXPECTED}` };
    return fromUtcMillis(value, value.getTime());
  }
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 10_000_000 && value <= 99_999_999) {
      return fromParts(value, Math.floor(value / 10_000), Math.floor(value / 100) % 100, value % 100);
    }
    if (value >= 1 && value < 2_958_466 && Math.floor(value) !== 60) {
      return fromUtcMillis(value, EXCEL_EPOCH_MS + Math.floor(value) * MS_PER_DAY);
    }
    return { ok: false, reason: `${quoted(value)}不是有效日期，${EXPECTED}` };
  }
  const text = cellText(value)
    .normalize('NFKC')
    .replace(/[\sT]+0?0:00(:00(\.0+)?)?Z?$/, '')
    .trim();
  const separated = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(text);
  if (separated) return fromParts(value, Number(separated[1]), Number(separated[3]), Number(separated[4]));
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return fromParts(value, Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const chinese = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/.exec(text);
  if (chinese) return fromParts(value, Number(chinese[1]), Number(chinese[2]), Number(chinese[3]));
  return { ok: false, reason: `${quoted(value)}不是有效日期，${EXPECTED}` };
}
