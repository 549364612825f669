import { Form, Input } from 'antd';

/** A required reason (退回理由, …) in a workbench dialog. */
export function ReasonField({ label, testId }: { label: string; testId: string }) {
  return (
    <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, message: `请填写${label}` }]}>
      <Input.TextArea rows={3} maxLength={500} data-testid={testId} />
    </Form.Item>
  );
}
