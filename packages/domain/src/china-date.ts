import type { IsoDate } from './plan';

const CHINA_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar date in China (`YYYY-MM-DD`, Asia/Shanghai) of an instant (R-CAL-3): the day a venue
 * signed or a result was published, whatever the server's time zone.
 */
export function chinaDateOf(instant: Date): IsoDate {
  return CHINA_DATE.format(instant);
}
