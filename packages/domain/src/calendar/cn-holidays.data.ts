import type { IsoDate } from '../plan';
import { epochDayOf, isoDateOf } from './iso-date';
import type { YearArrangement } from './year-arrangement';

/**
 * Statutory holiday arrangements 2022–2026 (R-CAL-2), transcribed from the State Council General
 * Office's yearly notices 国务院办公厅关于20XX年部分节假日安排的通知. Each holiday period is written as
 * the notice writes it (first and last day off), each make-up working day (调休上班) as the notice names it.
 *
 * LEGAL CHECK NEEDED: these dates were entered by an engineer. Before production use a legal officer
 * must check every year against the notice as published on www.gov.cn and sign it off; a correction can
 * be loaded at run time (`loadCalendarYear`) without a release.
 *
 * Days of a notice that fall in the previous year (2023's 元旦 starts on Saturday 2022-12-31) are left
 * out: an arrangement holds only its own year's dates, and that day is a weekend day off anyway.
 */

/** Every date from `first` to `last`, both included. */
function period(first: IsoDate, last: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let day = epochDayOf(first)!; day <= epochDayOf(last)!; day++) days.push(isoDateOf(day));
  return days;
}

/** The shipped arrangements, one per year, oldest first. */
export const CN_HOLIDAY_ARRANGEMENTS: readonly YearArrangement[] = [
  {
    year: 2022,
    source: '国务院办公厅关于2022年部分节假日安排的通知（国办发明电〔2021〕11号）',
    holidays: [
      ...period('2022-01-01', '2022-01-03'), // 元旦
      ...period('2022-01-31', '2022-02-06'), // 春节
      ...period('2022-04-03', '2022-04-05'), // 清明节
      ...period('2022-04-30', '2022-05-04'), // 劳动节
      ...period('2022-06-03', '2022-06-05'), // 端午节
      ...period('2022-09-10', '2022-09-12'), // 中秋节
      ...period('2022-10-01', '2022-10-07'), // 国庆节
    ],
    workingDays: ['2022-01-29', '2022-01-30', '2022-04-02', '2022-04-24', '2022-05-07', '2022-10-08', '2022-10-09'],
  },
  {
    year: 2023,
    source: '国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号）',
    holidays: [
      ...period('2023-01-01', '2023-01-02'), // 元旦 (from 2022-12-31)
      ...period('2023-01-21', '2023-01-27'), // 春节
      '2023-04-05', // 清明节
      ...period('2023-04-29', '2023-05-03'), // 劳动节
      ...period('2023-06-22', '2023-06-24'), // 端午节
      ...period('2023-09-29', '2023-10-06'), // 中秋节、国庆节
    ],
    workingDays: ['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08'],
  },
  {
    year: 2024,
    source: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）',
    holidays: [
      '2024-01-01', // 元旦
      ...period('2024-02-10', '2024-02-17'), // 春节
      ...period('2024-04-04', '2024-04-06'), // 清明节
      ...period('2024-05-01', '2024-05-05'), // 劳动节
      '2024-06-10', // 端午节
      ...period('2024-09-15', '2024-09-17'), // 中秋节
      ...period('2024-10-01', '2024-10-07'), // 国庆节
    ],
    workingDays: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
  {
    year: 2025,
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
    holidays: [
      '2025-01-01', // 元旦
      ...period('2025-01-28', '2025-02-04'), // 春节
      ...period('2025-04-04', '2025-04-06'), // 清明节
      ...period('2025-05-01', '2025-05-05'), // 劳动节
      ...period('2025-05-31', '2025-06-02'), // 端午节
      ...period('2025-10-01', '2025-10-08'), // 国庆节、中秋节
    ],
    workingDays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）',
    holidays: [
      ...period('2026-01-01', '2026-01-03'), // 元旦
      ...period('2026-02-15', '2026-02-23'), // 春节
      ...period('2026-04-04', '2026-04-06'), // 清明节
      ...period('2026-05-01', '2026-05-05'), // 劳动节
      ...period('2026-06-19', '2026-06-21'), // 端午节
      ...period('2026-09-25', '2026-09-27'), // 中秋节
      ...period('2026-10-01', '2026-10-07'), // 国庆节
    ],
    workingDays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
];
