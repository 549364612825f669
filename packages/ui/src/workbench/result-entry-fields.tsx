import { Form, Input } from 'antd';
import { resultCodeProblems } from '@dr/domain/visit/result-rules';
import { ResultCodePicker } from '../department-section/result-code-picker';

/** What the enter and correct dialogs send. */
export interface ResultEntryValues {
  resultCodes: number[];
  summary: string;
  /** Only when correcting a published result. */
  reason?: string;
}

function CodesField({ value = [], onChange }: { value?: number[]; onChange?: (codes: number[]) => void }) {
  // R-RES-2 combinations checked as the user ticks, with the rule the server applies.
  const problems = resultCodeProblems(value).map((problem) => ({ field: 'resultCodes' as const, message: problem.message }));
  return <ResultCodePicker value={value} onChange={(codes) => onChange?.(codes)} problems={problems} />;
}

/** Props of {@link ResultEntryFields}. */
export interface ResultEntryFieldsProps {
  /** Ask for the reason a published result is corrected. */
  withReason?: boolean;
  /** Codes may be left empty (entry: the server then takes the submitted record's). */
  optionalCodes?: boolean;
}

/** The fields of a result: its codes as Chinese labels and the summary published to the public. */
export function ResultEntryFields({ withReason, optionalCodes }: ResultEntryFieldsProps) {
  const codeRules = optionalCodes ? [] : [{ required: true, type: 'array' as const, min: 1, message: '请至少选择一项检查结果' }];
  return (
    <>
      <Form.Item name="resultCodes" label="检查结果" rules={codeRules}>
        <CodesField />
      </Form.Item>
      <Form.Item name="summary" label="检查结果说明（向社会公示）" rules={[{ required: true, whitespace: true, message: '请填写检查结果说明' }]}>
        <Input.TextArea rows={3} maxLength={500} showCount data-testid="result-summary" />
      </Form.Item>
      {withReason && (
        <Form.Item name="reason" label="更正理由" rules={[{ required: true, whitespace: true, message: '请填写更正理由' }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="result-correct-reason" />
        </Form.Item>
      )}
    </>
  );
}
