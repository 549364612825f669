import { Alert, Checkbox, Flex, Tag, Typography } from 'antd';
import { RESULT_CODES, type DraftProblem } from './result-check';

/** Props of {@link ResultCodePicker}. */
export interface ResultCodePickerProps {
  value: readonly number[];
  onChange: (codes: number[]) => void;
  disabled?: boolean;
  /** Problems with the codes, shown under the list (from the domain rules). */
  problems: readonly DraftProblem[];
}

/**
 * The department's result: one or more of the ten codes of R-RES-2 (抽查检查结果), as large
 * checkboxes; problems with the combination are shown at once, in Chinese.
 */
export function ResultCodePicker({ value, onChange, disabled, problems }: ResultCodePickerProps) {
  return (
    <Flex vertical gap={8} data-testid="result-codes">
      <Checkbox.Group
        value={[...value]}
        disabled={disabled}
        onChange={(codes) => onChange((codes as number[]).slice().sort((a, b) => a - b))}
        style={{ display: 'flex', flexDirection: 'column', gap: 2 }}
      >
        {RESULT_CODES.map((result) => (
          <Checkbox key={result.code} value={result.code} style={{ minHeight: 40, alignItems: 'center' }} data-testid={`result-code-${result.code}`}>
            <Typography.Text strong>{result.code}</Typography.Text> {result.label}
          </Checkbox>
        ))}
      </Checkbox.Group>
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="result-problems"
          title={
            <Flex vertical gap={2}>
              {problems.map((problem) => (
                <span key={problem.message}>{problem.message}</span>
              ))}
            </Flex>
          }
        />
      )}
    </Flex>
  );
}

/** The chosen result codes as tags (read-only). */
export function ResultCodeTags({ codes }: { codes: readonly number[] }) {
  if (codes.length === 0) return <Typography.Text type="secondary">未选择</Typography.Text>;
  return (
    <Flex gap={6} wrap data-testid="result-code-tags">
      {codes.map((code) => (
        <Tag key={code} color="blue" style={{ marginInlineEnd: 0 }}>
          {code} {RESULT_CODES.find((result) => result.code === code)?.label ?? ''}
        </Tag>
      ))}
    </Flex>
  );
}
