import { Form, Input, Radio } from 'antd';
import { todayInChina } from '../format/date-format';
import { IsoDateInput } from './iso-date-input';
import { REINSPECTION_OUTCOME_LABELS } from './workbench-labels';

/** What the re-inspection dialog sends (R-PUB-3). */
export interface ReinspectionValues {
  outcome: keyof typeof REINSPECTION_OUTCOME_LABELS;
  reinspectedOn: string;
  opinion: string;
}

/**
 * Outcome, day and opinion of a re-inspection; the day lies between the order (the visit's day) and
 * today, as the server requires.
 * @param orderedOn - the day the order was given
 */
export function ReinspectionFields({ orderedOn }: { orderedOn: string }) {
  return (
    <>
      <Form.Item name="outcome" label="复查结论" rules={[{ required: true, message: '请选择复查结论' }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={Object.entries(REINSPECTION_OUTCOME_LABELS).map(([value, label]) => ({ value, label, 'data-testid': `reinspection-outcome-${value}` }) as never)}
        />
      </Form.Item>
      <Form.Item name="reinspectedOn" label="复查日期" rules={[{ required: true, message: '请选择复查日期' }]}>
        <IsoDateInput earliest={orderedOn} latest={todayInChina()} testId="reinspection-date" />
      </Form.Item>
      <Form.Item name="opinion" label="复查意见" rules={[{ required: true, whitespace: true, message: '请填写复查意见' }]}>
        <Input.TextArea rows={3} maxLength={500} data-testid="reinspection-opinion" />
      </Form.Item>
    </>
  );
}
