import { useState } from 'react';
import { Alert, Button, Flex, Input, Radio } from 'antd';
import { OUTCOME_LABELS, type ItemOutcomeCode } from '../format/domain-labels';
import type { ChecklistDraft, ChecklistItem } from './checklist-types';

const OUTCOME_OPTIONS = (Object.keys(OUTCOME_LABELS) as ItemOutcomeCode[]).map((value) => ({
  value,
  label: OUTCOME_LABELS[value].label,
}));

/** Props of {@link OutcomeEditor}. */
export interface OutcomeEditorProps {
  item: ChecklistItem;
  saving: boolean;
  /** Chinese text of the last failed save of this item. */
  errorText?: string | null;
  onRecord: (draft: ChecklistDraft) => Promise<boolean>;
}

/** Records one item's outcome (符合 / 不符合 / 不涉及) with a note; saves only what changed. */
export function OutcomeEditor({ item, saving, errorText, onRecord }: OutcomeEditorProps) {
  const [outcome, setOutcome] = useState<ItemOutcomeCode | null>(item.outcome);
  const [note, setNote] = useState(item.note ?? '');
  const dirty = outcome !== item.outcome || note.trim() !== (item.note ?? '');

  return (
    <Flex vertical gap={8} data-testid={`outcome-editor-${item.code}`}>
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        options={OUTCOME_OPTIONS}
        value={outcome}
        onChange={(event) => setOutcome(event.target.value as ItemOutcomeCode)}
        aria-label={`${item.code} 检查结果`}
      />
      <Input.TextArea
        value={note}
        onChange={(event) => setNote(event.target.value)}
        placeholder="备注（不符合时请写明发现的问题）"
        autoSize={{ minRows: 1, maxRows: 4 }}
        maxLength={500}
        aria-label={`${item.code} 备注`}
      />
      <Button
        type="primary"
        loading={saving}
        disabled={!dirty || outcome === null}
        onClick={() => {
          if (outcome) void onRecord({ checkItemId: item.id, outcome, note });
        }}
        style={{ alignSelf: 'flex-start', minWidth: 88 }}
        data-testid={`outcome-save-${item.code}`}
      >
        保存
      </Button>
      {errorText && <Alert type="error" showIcon title={errorText} data-testid={`outcome-error-${item.code}`} />}
    </Flex>
  );
}
