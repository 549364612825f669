import type { CSSProperties } from 'react';
import { Button, Flex } from 'antd';
import { OUTCOME_LABELS, type ItemOutcomeCode } from '../format/domain-labels';

const OUTCOMES = Object.keys(OUTCOME_LABELS) as ItemOutcomeCode[];
const SELECTED_STYLE: Record<ItemOutcomeCode, { type: 'primary'; danger?: boolean; style?: CSSProperties }> = {
  COMPLIANT: { type: 'primary', style: { background: '#389e0d' } },
  NON_COMPLIANT: { type: 'primary', danger: true },
  NOT_APPLICABLE: { type: 'primary', style: { background: '#595959' } },
};

/** Props of {@link OutcomeButtons}. */
export interface OutcomeButtonsProps {
  /** Item code, for test ids (`outcome-C1-NON_COMPLIANT`) and labels. */
  code: string;
  value: ItemOutcomeCode | null;
  onChange: (outcome: ItemOutcomeCode) => void;
  disabled?: boolean;
}

/**
 * 符合 / 不符合 / 不涉及 as one row of large touch buttons (at least 44 px high, a third of the width
 * each); the chosen one is filled in its colour and `aria-pressed`.
 */
export function OutcomeButtons({ code, value, onChange, disabled }: OutcomeButtonsProps) {
  return (
    <Flex gap={6} role="group" aria-label={`${code} 检查结果`} style={{ maxWidth: 560 }}>
      {OUTCOMES.map((outcome) => {
        const selected = value === outcome;
        const look: { type: 'primary' | 'default'; danger?: boolean; style?: CSSProperties } = selected ? SELECTED_STYLE[outcome] : { type: 'default' };
        return (
          <Button
            key={outcome}
            {...look}
            size="large"
            block
            disabled={disabled}
            aria-pressed={selected}
            onClick={() => onChange(outcome)}
            style={{ minHeight: 44, flex: 1, ...look.style }}
            data-testid={`outcome-${code}-${outcome}`}
          >
            {OUTCOME_LABELS[outcome].label}
          </Button>
        );
      })}
    </Flex>
  );
}
