import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';

// antd's zh_CN locale gives the picker's words; month names and Monday as first weekday come from dayjs.
dayjs.locale('zh-cn');

const FORMAT = 'YYYY-MM-DD';

/**
 * Whether a day lies outside an inclusive `YYYY-MM-DD` window (for `disabledDate`).
 * @param day - the calendar's day
 * @param window - first and last allowed day; either end may be open
 */
export function outsideWindow(day: Dayjs, window: { start?: string; end?: string }): boolean {
  const value = day.format(FORMAT);
  return (!!window.start && value < window.start) || (!!window.end && value > window.end);
}

/** Props of {@link IsoDatePicker}; `value` and `onChange` come from the Form.Item around it. */
export interface IsoDatePickerProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Days that may be chosen; others are greyed out. */
  window?: { start?: string; end?: string };
  testId?: string;
}

/** A date picker whose value is the API's `YYYY-MM-DD` string rather than a date object. */
export function IsoDatePicker({ value, onChange, window, testId }: IsoDatePickerProps) {
  return (
    <DatePicker
      value={value ? dayjs(value, FORMAT) : null}
      onChange={(day) => onChange?.(day ? day.format(FORMAT) : null)}
      disabledDate={window ? (day) => outsideWindow(day, window) : undefined}
      format={FORMAT}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}

/** Props of {@link IsoDateRangePicker}. */
export interface IsoDateRangePickerProps {
  value?: [string, string] | null;
  onChange?: (value: [string, string] | null) => void;
  window?: { start?: string; end?: string };
  testId?: string;
}

/** A range picker over `YYYY-MM-DD` strings, e.g. a draw's visit period inside the plan's window. */
export function IsoDateRangePicker({ value, onChange, window, testId }: IsoDateRangePickerProps) {
  return (
    <DatePicker.RangePicker
      value={value ? [dayjs(value[0], FORMAT), dayjs(value[1], FORMAT)] : null}
      onChange={(days) => onChange?.(days?.[0] && days[1] ? [days[0].format(FORMAT), days[1].format(FORMAT)] : null)}
      disabledDate={window ? (day) => outsideWindow(day, window) : undefined}
      format={FORMAT}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
