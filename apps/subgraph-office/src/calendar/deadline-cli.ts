#!/usr/bin/env node
import { CalendarError, CN_HOLIDAY_ARRANGEMENTS, WorkingDayCalendar, workingDayDeadline } from '@dr/domain';

/**
 * `npm run deadline -- 2026-09-28 7`: prints the date of the 7th working day after 2026-09-28 (R-CAL-1)
 * from the shipped holiday arrangements (years loaded into a server's database are not seen here).
 * A wrong date, count or a year without an arrangement prints a Chinese message and exits 1.
 */
const [from, count, ...rest] = process.argv.slice(2);
if (!from || !count || rest.length) {
  console.error('用法: npm run deadline -- <起算日 YYYY-MM-DD> <工作日天数>，例如 npm run deadline -- 2026-09-28 7');
  process.exit(2);
}
if (!/^\d+$/.test(count)) {
  console.error(`工作日天数应为不小于 0 的整数，收到“${count}”`);
  process.exit(1);
}
try {
  console.log(workingDayDeadline(from, Number(count), WorkingDayCalendar.fromArrangements(CN_HOLIDAY_ARRANGEMENTS)));
} catch (error) {
  if (!(error instanceof CalendarError)) throw error;
  console.error(error.message);
  process.exit(1);
}
