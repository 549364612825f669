import { Card, Flex, Input, Tag, Typography } from 'antd';
import { EvidenceList } from '../evidence/evidence-list';
import { EvidencePicker } from '../evidence/evidence-picker';
import type { EvidenceView } from '../evidence/evidence-types';
import type { ItemOutcomeCode } from '../format/domain-labels';
import type { ChecklistItem } from './checklist-types';
import { OutcomeButtons } from './outcome-buttons';
import { OutcomeTag } from './outcome-tag';

/** What a screen does when the user records an item. */
export interface ChecklistHandlers {
  onOutcome: (checkItemId: string, outcome: ItemOutcomeCode) => void;
  onNote: (checkItemId: string, note: string) => void;
  onAddEvidence: (checkItemId: string, files: File[]) => void;
  onRemoveEvidence: (checkItemId: string, evidence: EvidenceView) => void;
  /** Reads evidence bytes for thumbnails and previews. */
  loadEvidence: (evidence: EvidenceView) => Promise<Blob>;
}

/** The legal basis, one line until 展开 (long statute texts would push the buttons off a phone screen). */
export function LegalBasis({ text }: { text: string }) {
  return (
    <Typography.Paragraph
      type="secondary"
      ellipsis={{ rows: 1, expandable: 'collapsible', symbol: (open) => (open ? '收起' : '展开') }}
      style={{ marginBottom: 0, fontSize: 13 }}
    >
      检查依据：{text}
    </Typography.Paragraph>
  );
}

/** Props of {@link CheckItemCard}. */
export interface CheckItemCardProps extends ChecklistHandlers {
  item: ChecklistItem;
  disabled?: boolean;
  /** Submitted and being amended: outcomes and notes change, evidence is neither added nor removed. */
  evidenceLocked?: boolean;
}

/**
 * One check item being recorded on site: title and code, its 检查依据 (collapsible), the outcome as
 * large buttons, a note, and the evidence with 拍照取证 / 选择文件. Carries
 * `data-testid="checklist-item-<code>"`.
 */
export function CheckItemCard({ item, disabled, evidenceLocked, ...handlers }: CheckItemCardProps) {
  const violation = item.outcome === 'NON_COMPLIANT';
  const evidenceOpen = !disabled && !evidenceLocked;
  return (
    <Card size="small" data-testid={`checklist-item-${item.code}`} styles={{ body: { padding: 12 } }}>
      <Flex vertical gap={10} data-testid={`outcome-editor-${item.code}`}>
        <Flex align="start" gap={8}>
          <Tag style={{ marginInlineEnd: 0 }}>{item.code}</Tag>
          <Typography.Text strong style={{ flex: 1 }}>
            {item.title}
          </Typography.Text>
          <OutcomeTag outcome={item.outcome} />
        </Flex>
        <LegalBasis text={item.legalBasis} />
        <OutcomeButtons code={item.code} value={item.outcome} disabled={disabled} onChange={(outcome) => handlers.onOutcome(item.id, outcome)} />
        <Input.TextArea
          value={item.note}
          onChange={(event) => handlers.onNote(item.id, event.target.value)}
          placeholder={violation ? '请写明发现的问题（必要时拍照取证）' : '备注（选填）'}
          autoSize={{ minRows: violation ? 2 : 1, maxRows: 6 }}
          maxLength={500}
          disabled={disabled}
          aria-label={`${item.code} 备注`}
          data-testid={`note-${item.code}`}
        />
        <EvidenceList
          items={item.evidence}
          code={item.code}
          loadBlob={handlers.loadEvidence}
          onRemove={evidenceOpen ? (evidence) => handlers.onRemoveEvidence(item.id, evidence) : undefined}
        />
        {evidenceOpen && <EvidencePicker code={item.code} onPick={(files) => handlers.onAddEvidence(item.id, files)} />}
      </Flex>
    </Card>
  );
}
