import type { ArrangementProblem } from './calendar-errors';
import type { IsoDate } from '../plan';
import { epochDayOf, isWeekend, weekdayName } from './iso-date';

/**
 * One year's statutory holiday arrangement, as the State Council's yearly notice declares it (R-CAL-2).
 * Only the exceptions to Monday–Friday are listed: days off (which may fall on any day) and make-up
 * working days (调休上班, which fall on a Saturday or Sunday).
 */
export interface YearArrangement {
  year: number;
  /** Where the arrangement comes from, e.g. 国务院办公厅关于2022年部分节假日安排的通知（国办发明电〔2021〕11号）. */
  source: string;
  /** Days off (放假), every one inside `year`. */
  holidays: readonly IsoDate[];
  /** Make-up working days (调休上班), every one a Saturday or Sunday inside `year`. */
  workingDays: readonly IsoDate[];
}

const MIN_YEAR = 1970;
const MAX_YEAR = 9999;

/**
 * R-CAL-2: everything wrong with a year's arrangement, each problem naming its date. Empty means the
 * arrangement can be loaded. Holidays may fall on weekdays or weekends (a notice lists the whole
 * 放假 period, weekend included); a make-up working day must be a Saturday or Sunday.
 */
export function arrangementProblems(arrangement: YearArrangement): ArrangementProblem[] {
  const { year } = arrangement;
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    return [{ field: 'year', message: `年份“${year}”无效，应为 ${MIN_YEAR}–${MAX_YEAR} 之间的整数` }];
  }
  const problems: ArrangementProblem[] = [];
  const lists = [
    { field: 'holidays', label: '放假日', dates: arrangement.holidays },
    { field: 'workingDays', label: '调休上班日', dates: arrangement.workingDays },
  ] as const;
  for (const { field, label, dates } of lists) {
    const seen = new Set<string>();
    for (const date of dates) {
      const day = epochDayOf(date);
      if (day === null) {
        problems.push({ field, date, message: `${label}“${date}”不是有效日期（应为 YYYY-MM-DD）` });
        continue;
      }
      if (!date.startsWith(`${year}-`)) problems.push({ field, date, message: `${label} ${date} 不在 ${year} 年内` });
      if (seen.has(date)) problems.push({ field, date, message: `${label} ${date} 重复` });
      seen.add(date);
      if (field === 'workingDays' && !isWeekend(day)) {
        problems.push({ field, date, message: `调休上班日 ${date} 是${weekdayName(day)}，调休上班日只能是星期六或星期日` });
      }
    }
  }
  const holidays = new Set(arrangement.holidays);
  for (const date of new Set(arrangement.workingDays)) {
    if (holidays.has(date)) problems.push({ field: 'workingDays', date, message: `${date} 不能既是放假日又是调休上班日` });
  }
  return problems;
}
