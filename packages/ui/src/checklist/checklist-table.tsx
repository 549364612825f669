import { Descriptions, Flex, Tag, Typography, type TableColumnsType } from 'antd';
import { EvidenceList } from '../evidence/evidence-list';
import { ResponsiveList } from '../list/responsive-list';
import { CheckItemCard, LegalBasis, type ChecklistHandlers } from './check-item-card';
import type { ChecklistItem } from './checklist-types';
import { OutcomeTag } from './outcome-tag';

/** Props of {@link ChecklistTable}. */
export interface ChecklistTableProps extends ChecklistHandlers {
  items: readonly ChecklistItem[];
  /** Show the recording controls (the user belongs to the department and the record is open). */
  editable: boolean;
  /** Submitted (being amended): evidence can no longer be added or removed. */
  evidenceLocked?: boolean;
  testId?: string;
}

/**
 * A department's check items. While recording: one card per item with large outcome buttons, note and
 * evidence, at every screen size. Read-only: a table (代码, 检查事项, 检查依据, 检查结果, 备注, 证据)
 * on wide screens and cards on a phone. Rows and cards carry `data-testid="checklist-item-<code>"`.
 */
export function ChecklistTable({ items, editable, evidenceLocked, testId, ...handlers }: ChecklistTableProps) {
  if (editable) {
    return (
      <Flex vertical gap={12} data-testid={testId}>
        {items.map((item) => (
          <CheckItemCard key={item.id} item={item} evidenceLocked={evidenceLocked} {...handlers} />
        ))}
      </Flex>
    );
  }

  const evidenceOf = (item: ChecklistItem) =>
    item.evidence.length ? <EvidenceList items={item.evidence} code={item.code} loadBlob={handlers.loadEvidence} /> : '—';
  const columns: TableColumnsType<ChecklistItem> = [
    { title: '代码', dataIndex: 'code', width: 64, render: (code: string) => <Tag>{code}</Tag> },
    { title: '检查事项', dataIndex: 'title', width: 220 },
    { title: '检查依据', dataIndex: 'legalBasis', width: 260, render: (text: string) => <LegalBasis text={text} /> },
    { title: '检查结果', dataIndex: 'outcome', width: 90, render: (_: unknown, item) => <OutcomeTag outcome={item.outcome} /> },
    { title: '备注', dataIndex: 'note', width: 180, render: (note: string) => note || '—' },
    { title: '证据', key: 'evidence', width: 220, render: (_: unknown, item) => evidenceOf(item) },
  ];

  return (
    <ResponsiveList<ChecklistItem>
      items={items}
      rowKey={(item) => item.id}
      columns={columns}
      itemTestId={(item) => `checklist-item-${item.code}`}
      emptyText="本次检查没有该部门的检查事项"
      testId={testId}
      renderCard={(item) => (
        <Flex vertical gap={8}>
          <Flex align="start" gap={8}>
            <Tag>{item.code}</Tag>
            <Typography.Text strong style={{ flex: 1 }}>
              {item.title}
            </Typography.Text>
            <OutcomeTag outcome={item.outcome} />
          </Flex>
          <LegalBasis text={item.legalBasis} />
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'note', label: '备注', children: item.note || '—' },
              ...(item.evidence.length ? [{ key: 'evidence', label: '证据', children: evidenceOf(item) }] : []),
            ]}
          />
        </Flex>
      )}
    />
  );
}
