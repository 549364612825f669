import type { DepartmentCode, NoticeLetterData, OutcomeCode, RecordFormData } from './types';

type Order = RecordFormData['departments'][number]['orders'][number];

/** Short department names, used where the data carries only a code (an officer's department). */
export const DEPARTMENT_LABELS: Record<DepartmentCode, string> = {
  culture: '文广旅局',
  market: '市场监管局',
  fire: '消防救援大队',
};

export const OUTCOME_LABELS: Record<OutcomeCode, string> = {
  COMPLIANT: '符合',
  NON_COMPLIANT: '不符合',
  NOT_APPLICABLE: '不涉及',
};
export const NOT_CHECKED_LABEL = '未检查';

export const ORDER_KIND_LABELS: Record<Order['kind'], string> = {
  STOP_ILLEGAL: '责令停止违法行为',
  RECTIFY: '责令限期改正',
};

export const ORDER_DELIVERY_LABELS: Record<Order['delivery'], string> = {
  WRITTEN: '书面',
  ORAL: '口头',
  MOBILE_PRINTED: '移动执法设备打印',
};

export const NOTICE_MODE_LABELS: Record<NoticeLetterData['mode'], string> = {
  WRITTEN: '书面告知',
  PHONE: '电话告知',
  FAX: '传真告知',
};

export const REFUSAL_TITLE = '被检查对象拒绝签字盖章';

export function outcomeLabel(outcome: OutcomeCode | null): string {
  return outcome ? OUTCOME_LABELS[outcome] : NOT_CHECKED_LABEL;
}

/** 1 → 一, … 10 → 十, 11 → 十一 (section numbers up to 99). */
export function chineseNumeral(n: number): string {
  const digits = '〇一二三四五六七八九';
  if (n < 10) return digits[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones === 0 ? '' : digits[ones]}`;
}

// China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact for any record
// this platform holds and needs no time-zone data.
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `2022年8月10日` for a Date, in China time (Asia/Shanghai). */
export function formatChinaDate(at: Date): string {
  const local = new Date(at.getTime() + CHINA_OFFSET_MS);
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
}

/** `2022年8月10日 09:30` for a Date, in China time (Asia/Shanghai). */
export function formatChinaDateTime(at: Date): string {
  const local = new Date(at.getTime() + CHINA_OFFSET_MS);
  return `${formatChinaDate(at)} ${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}`;
}

/** `2022-08-10` (a calendar date, no time zone) → `2022年8月10日`; anything else is printed as given. */
export function formatIsoDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  return `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`;
}

/** `2022年8月10日 09:00—11:00`, leaving out what is unknown. */
export function formatVisitTime(date: string | null, startTime: string | null, endTime: string | null): string {
  const day = date ? formatIsoDate(date) : '';
  const span = startTime && endTime ? `${startTime}—${endTime}` : (startTime ?? endTime ?? '');
  return [day, span].filter(Boolean).join(' ');
}
