/**
 * Rules for text and dates that people type or import. Control characters (NUL, escape, …) break
 * exports, logs and PDFs; bidirectional controls (U+202E …) make a name read differently from what is
 * stored, so a list can show “张三” for a record that says something else. Both are refused wherever
 * text comes in; tab and line breaks only where a field holds several lines.
 */

/** Where an input holds several lines (a note, a written record), tab and line breaks are allowed. */
export interface TextRuleOptions {
  multiline?: boolean;
}

/** The first refused character of a text: its position (0-based, in code units) and code point. */
export interface UnsafeCharacter {
  index: number;
  codePoint: number;
}

// C0 controls, DEL, LRM/RLM, the embeddings and overrides (LRE…RLO) and the isolates (LRI…PDI).
const UNSAFE_SINGLE_LINE = /[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** The first character refused in `text`, or null when the text is clean. */
export function findUnsafeCharacter(text: string, options: TextRuleOptions = {}): UnsafeCharacter | null {
  const match = (options.multiline ? UNSAFE_MULTILINE : UNSAFE_SINGLE_LINE).exec(text);
  return match ? { index: match.index, codePoint: match[0].codePointAt(0)! } : null;
}

/** True when `text` holds no control or bidirectional-control character (see {@link findUnsafeCharacter}). */
export function isSafeText(text: string, options: TextRuleOptions = {}): boolean {
  return findUnsafeCharacter(text, options) === null;
}

/** `text` without any refused character: for names taken from places that cannot be refused (a file name). */
export function stripUnsafeCharacters(text: string): string {
  return text.replace(new RegExp(UNSAFE_SINGLE_LINE.source, 'g'), '');
}

/** A Chinese explanation of a refused character, for a message that names the field (`label`). */
export function unsafeCharacterMessage(label: string, found: UnsafeCharacter): string {
  const kind = found.codePoint >= 0x200e ? '文字方向控制符' : '控制字符';
  return `${label}第 ${found.index + 1} 个字符是不可见的${kind}，请删除后重新填写`;
}

/**
 * The dates this system accepts anywhere (certificates, draws, visits, imports): a year typed as
 * 1900 or 9999 is a slip of the keyboard, not a date the district works with.
 */
export const SANE_DATE_RANGE = { min: '2000-01-01', max: '2100-12-31' } as const;

/** True when `value` is a real `YYYY-MM-DD` date inside {@link SANE_DATE_RANGE}. */
export function isSaneDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value >= SANE_DATE_RANGE.min && value <= SANE_DATE_RANGE.max;
}

/** A Chinese explanation of why `value` is not a sane date, naming the field (`label`). */
export function saneDateMessage(label: string): string {
  return `${label}应为 ${SANE_DATE_RANGE.min} 至 ${SANE_DATE_RANGE.max} 之间的有效日期（YYYY-MM-DD）`;
}
