const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Plan dates are days in China Standard Time, whatever the browser's zone. */
const CHINA_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function chinaParts(date: Date): Record<string, string> {
  return Object.fromEntries(CHINA_TIME.formatToParts(date).map((part) => [part.type, part.value]));
}

/**
 * A day as official documents write it: `2022-07-26` → `2022年7月26日`. Full timestamps are shown
 * as their day in China Standard Time.
 * @param value - `YYYY-MM-DD` or an ISO timestamp; empty values give `—`
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const day = ISO_DAY.exec(value);
  if (day) return `${Number(day[1])}年${Number(day[2])}月${Number(day[3])}日`;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const parts = chinaParts(date);
  return `${parts['year']}年${parts['month']}月${parts['day']}日`;
}

/**
 * A timestamp in China Standard Time: `2022年7月26日 09:05`.
 * @param value - an ISO timestamp (`DateTimeISO`); empty values give `—`
 */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const parts = chinaParts(date);
  return `${parts['year']}年${parts['month']}月${parts['day']}日 ${parts['hour']}:${parts['minute']}`;
}

/**
 * An inclusive period: `2022年7月26日至2022年12月31日`.
 * @param start - first day, `YYYY-MM-DD`
 * @param end - last day, `YYYY-MM-DD`
 */
export function formatDateRange(start: string, end: string): string {
  return `${formatDate(start)}至${formatDate(end)}`;
}

/**
 * Today's day in China Standard Time as `YYYY-MM-DD`, whatever the browser's zone: the default
 * base date of a draw's exclusion rules.
 * @param now - the moment to read (the current time unless given)
 */
export function todayInChina(now: Date = new Date()): string {
  const parts = chinaParts(now);
  return `${parts['year']}-${parts['month'].padStart(2, '0')}-${parts['day'].padStart(2, '0')}`;
}
