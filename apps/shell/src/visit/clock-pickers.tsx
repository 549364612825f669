import { DatePicker, TimePicker } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

const CLOCK = 'HH:mm';
const MOMENT = 'YYYY-MM-DD HH:mm';

/** Props of {@link ClockTimePicker}; `value`/`onChange` come from the Form.Item around it. */
export interface ClockTimePickerProps {
  /** From the Form.Item: passed on to the input so that the item's label names it. */
  id?: string;
  /** `HH:MM` on the 24-hour clock, as the API takes it. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  testId?: string;
}

/** A time of day as the API's `HH:MM` string, in five-minute steps. */
export function ClockTimePicker({ id, value, onChange, placeholder, testId }: ClockTimePickerProps) {
  return (
    <TimePicker
      id={id}
      value={value ? dayjs(value, CLOCK) : null}
      onChange={(time) => onChange?.(time ? time.format(CLOCK) : null)}
      format={CLOCK}
      minuteStep={5}
      showNow={false}
      needConfirm={false}
      placeholder={placeholder}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}

/** Props of {@link MomentPicker}. */
export interface MomentPickerProps {
  /** From the Form.Item: passed on to the input so that the item's label names it. */
  id?: string;
  /** An ISO timestamp (`DateTimeISO`), as the API takes it. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  testId?: string;
}

/** A day and time of day (the moment the venue was told), kept as an ISO timestamp. */
export function MomentPicker({ id, value, onChange, testId }: MomentPickerProps) {
  return (
    <DatePicker
      id={id}
      showTime={{ format: CLOCK, minuteStep: 5 }}
      value={value ? dayjs(value) : null}
      onChange={(moment) => onChange?.(moment ? moment.toISOString() : null)}
      format={MOMENT}
      needConfirm={false}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
