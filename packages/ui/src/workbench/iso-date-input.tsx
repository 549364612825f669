import { DatePicker } from 'antd';

/** Props of {@link IsoDateInput}; `onChange` comes from the Form.Item around it. */
export interface IsoDateInputProps {
  onChange?: (value: string | null) => void;
  /** Last day that may be chosen, `YYYY-MM-DD`. */
  latest?: string;
  /** First day that may be chosen, `YYYY-MM-DD`. */
  earliest?: string;
  testId?: string;
}

/**
 * antd's date picker (zh-CN from the host's locale) reporting the API's `YYYY-MM-DD` string. It is
 * left uncontrolled on purpose: a remote that built its own date objects would hand the host's antd
 * objects of another dayjs copy (dayjs is not a shared singleton), so values only ever leave it as text.
 */
export function IsoDateInput({ onChange, latest, earliest, testId }: IsoDateInputProps) {
  return (
    <DatePicker
      format="YYYY-MM-DD"
      style={{ width: '100%' }}
      onChange={(_day, text) => onChange?.(typeof text === 'string' && text ? text : null)}
      disabledDate={(day) => {
        const value = day.format('YYYY-MM-DD');
        return (!!latest && value > latest) || (!!earliest && value < earliest);
      }}
      data-testid={testId}
    />
  );
}
