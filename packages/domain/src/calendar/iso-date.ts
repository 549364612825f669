/**
 * Plain calendar dates (`YYYY-MM-DD`) as whole days since 1970-01-01 (R-CAL-3). Everything goes through
 * `Date.UTC` and `toISOString`, never the local-time `Date` constructor, so the server's time zone
 * cannot move a date by a day.
 */

import type { IsoDate } from '../plan';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** The whole days since 1970-01-01 of a valid `YYYY-MM-DD` date, or null for anything else (2023-02-29, 2022-9-1). */
export function epochDayOf(date: string): number | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 02-30 over into March and maps years 0–99 to 19xx; the round trip catches both.
  return isoDateOf(ms / DAY_MS) === date ? ms / DAY_MS : null;
}

/** The `YYYY-MM-DD` of a day counted from 1970-01-01. */
export function isoDateOf(epochDay: number): IsoDate {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

/** Day of the week of an epoch day: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

/** Saturday or Sunday. */
export function isWeekend(epochDay: number): boolean {
  const weekday = weekdayOf(epochDay);
  return weekday === 0 || weekday === 6;
}

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** 星期一 … 星期日, for messages. */
export function weekdayName(epochDay: number): string {
  return WEEKDAY_NAMES[weekdayOf(epochDay)];
}
