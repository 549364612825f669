import { DatePicker, TimePicker } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

const CLOCK = 'HH:mm';
const MOMENT = 'YYYY-MM-DD HH:mm';

/** Props of {@link ClockTimePicker}; `value`/`onChange` come from the Form.Item around it. */
export interface ClockTimePickerProps {
  /** `HH:MM` on the 24-hour clock, as the API takes it. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  testId?: string;
}

/** A time of day as the API's `HH:MM` string, in five-minute steps. */
export function ClockTimePicker({ value, onChange, placeholder, testId }: ClockTimePickerProps) {
  return (
    <TimePicker
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
  /** An ISO timestamp (`DateTimeISO`), as the API takes it. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  testId?: string;
}

/** A day and time of day (the moment the venue was told), kept as an ISO timestamp. */
export function MomentPicker({ value, onChange, testId }: MomentPickerProps) {
  return (
    <DatePicker
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
