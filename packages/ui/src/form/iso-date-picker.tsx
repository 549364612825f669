import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import advancedFormat from 'dayjs/plugin/advancedFormat';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import localeData from 'dayjs/plugin/localeData';
import weekday from 'dayjs/plugin/weekday';
import weekOfYear from 'dayjs/plugin/weekOfYear';
import weekYear from 'dayjs/plugin/weekYear';
import 'dayjs/locale/zh-cn';

// A department remote bundles its own dayjs while antd is the shell's: the values handed to antd's
// picker need the plugins its calendar calls on them (the set antd's own dayjs adapter installs).
for (const plugin of [customParseFormat, advancedFormat, weekday, localeData, weekOfYear, weekYear]) dayjs.extend(plugin);
// antd's zh_CN locale gives the picker's words; month names and Monday as first weekday come from dayjs.
dayjs.locale('zh-cn');

const FORMAT = 'YYYY-MM-DD';

/** An inclusive window of `YYYY-MM-DD` days; either end may be open. */
export interface DayWindow {
  start?: string;
  end?: string;
}

/**
 * Whether a day lies outside an inclusive `YYYY-MM-DD` window (for `disabledDate`).
 * @param day - the calendar's day
 * @param window - first and last allowed day; either end may be open
 */
export function outsideWindow(day: Dayjs, window: DayWindow): boolean {
  const value = day.format(FORMAT);
  return (!!window.start && value < window.start) || (!!window.end && value > window.end);
}

/** Props of {@link IsoDatePicker}; `id`, `value` and `onChange` come from the Form.Item around it. */
export interface IsoDatePickerProps {
  /** Passed on to the input, so that the Form.Item's label names it. */
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Days that may be chosen; others are greyed out. */
  window?: DayWindow;
  /** The accessible name when no label points at the picker. */
  ariaLabel?: string;
  status?: 'error';
  testId?: string;
}

/** A Chinese date picker whose value is the API's `YYYY-MM-DD` string rather than a date object. */
export function IsoDatePicker({ id, value, onChange, window, ariaLabel, status, testId }: IsoDatePickerProps) {
  return (
    <DatePicker
      id={id}
      value={value ? dayjs(value, FORMAT) : null}
      onChange={(day) => onChange?.(day ? day.format(FORMAT) : null)}
      disabledDate={window ? (day) => outsideWindow(day, window) : undefined}
      format={FORMAT}
      status={status}
      aria-label={ariaLabel}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}

/** Props of {@link IsoDateRangePicker}. */
export interface IsoDateRangePickerProps {
  id?: string;
  value?: [string, string] | null;
  onChange?: (value: [string, string] | null) => void;
  window?: DayWindow;
  testId?: string;
}

/** A range picker over `YYYY-MM-DD` strings, e.g. a draw's visit period inside the plan's window. */
export function IsoDateRangePicker({ id, value, onChange, window, testId }: IsoDateRangePickerProps) {
  return (
    <DatePicker.RangePicker
      id={id ? { start: id } : undefined}
      value={value ? [dayjs(value[0], FORMAT), dayjs(value[1], FORMAT)] : null}
      onChange={(days) => onChange?.(days?.[0] && days[1] ? [days[0].format(FORMAT), days[1].format(FORMAT)] : null)}
      disabledDate={window ? (day) => outsideWindow(day, window) : undefined}
      format={FORMAT}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
