import { Descriptions, Flex, Tag, Typography, type TableColumnsType } from 'antd';
import { ResponsiveList } from '../list/responsive-list';
import type { ChecklistDraft, ChecklistItem } from './checklist-types';
import { OutcomeEditor } from './outcome-editor';
import { OutcomeTag } from './outcome-tag';

/** Props of {@link ChecklistTable}. */
export interface ChecklistTableProps {
  items: readonly ChecklistItem[];
  /** Show the recording controls (the user belongs to the department). */
  editable: boolean;
  savingItemId?: string | null;
  saveError?: { itemId: string; text: string } | null;
  onRecord?: (draft: ChecklistDraft) => Promise<boolean>;
  testId?: string;
}

function LegalBasis({ text }: { text: string }) {
  return (
    <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: 'collapsible', symbol: (open) => (open ? '收起' : '展开') }} style={{ marginBottom: 0 }}>
      {text}
    </Typography.Paragraph>
  );
}

/**
 * A department's check items (代码, 检查事项, 依据, 检查结果, 备注): a table on wide screens and cards on
 * a phone, with an outcome editor per item when the user may record. Rows and cards carry
 * `data-testid="checklist-item-<code>"`.
 */
export function ChecklistTable(props: ChecklistTableProps) {
  const { editable, onRecord } = props;
  const recording = editable && !!onRecord;
  const renderEditor = (item: ChecklistItem) =>
    recording && onRecord ? (
      <OutcomeEditor
        key={`${item.id}:${item.outcome ?? ''}:${item.note ?? ''}`}
        item={item}
        saving={props.savingItemId === item.id}
        errorText={props.saveError?.itemId === item.id ? props.saveError.text : null}
        onRecord={onRecord}
      />
    ) : null;

  const columns: TableColumnsType<ChecklistItem> = [
    { title: '代码', dataIndex: 'code', width: 64, render: (code: string) => <Tag>{code}</Tag> },
    { title: '检查事项', dataIndex: 'title', width: recording ? 200 : 240 },
    { title: '依据', dataIndex: 'legalBasis', width: recording ? 220 : 280, render: (text: string) => <LegalBasis text={text} /> },
    { title: '检查结果', dataIndex: 'outcome', width: 90, render: (_: unknown, item) => <OutcomeTag outcome={item.outcome} /> },
    // While recording, the note is shown and edited in the editor column.
    recording
      ? { title: '录入（检查结果及备注）', key: 'record', width: 300, render: (_: unknown, item) => renderEditor(item) }
      : { title: '备注', dataIndex: 'note', width: 180, render: (note: string | null) => note || '—' },
  ];

  return (
    <ResponsiveList<ChecklistItem>
      items={props.items}
      rowKey={(item) => item.id}
      columns={columns}
      itemTestId={(item) => `checklist-item-${item.code}`}
      emptyText="本次检查没有该部门的检查事项"
      testId={props.testId}
      renderCard={(item) => (
        <Flex vertical gap={8}>
          <Flex align="start" gap={8}>
            <Tag>{item.code}</Tag>
            <Typography.Text strong style={{ flex: 1 }}>
              {item.title}
            </Typography.Text>
            <OutcomeTag outcome={item.outcome} />
          </Flex>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'basis', label: '依据', children: <LegalBasis text={item.legalBasis} /> },
              ...(recording ? [] : [{ key: 'note', label: '备注', children: item.note || '—' }]),
            ]}
          />
          {renderEditor(item)}
        </Flex>
      )}
    />
  );
}
