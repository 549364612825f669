import { Tag } from 'antd';
import { OUTCOME_LABELS, OUTCOME_PENDING_LABEL, type ItemOutcomeCode } from '../format/domain-labels';

/** Props of {@link OutcomeTag}. */
export interface OutcomeTagProps {
  outcome: ItemOutcomeCode | null | undefined;
}

/** 符合 / 不符合 / 不涉及 as a coloured Tag, or 未检查 when no outcome was recorded. */
export function OutcomeTag({ outcome }: OutcomeTagProps) {
  const shown = outcome ? OUTCOME_LABELS[outcome] : { label: OUTCOME_PENDING_LABEL, color: 'warning' };
  return (
    <Tag color={shown.color} data-testid="outcome-tag" style={{ marginInlineEnd: 0 }}>
      {shown.label}
    </Tag>
  );
}
