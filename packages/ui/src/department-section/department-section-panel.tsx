import { useMemo } from 'react';
import { Alert, App, Button, Empty, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import { ChecklistTable } from '../checklist/checklist-table';
import type { ChecklistDraft, ChecklistItem } from '../checklist/checklist-types';
import { formatDateTime } from '../format/date-format';
import type { ItemOutcomeCode } from '../format/domain-labels';
import { UnavailableNotice } from '../remote-boundary/unavailable-notice';

/** One item of a department's section as the API returns it. */
export interface SectionItemView {
  checkItem: { id: string; code: string; title: string; legalBasis: string; order: number };
  outcome?: ItemOutcomeCode | null;
  note?: string | null;
}

/** A department's section of an inspection as the API returns it. */
export interface SectionView {
  status: string;
  updatedAt?: string | null;
  items: readonly SectionItemView[];
}

/**
 * Props of {@link DepartmentSectionPanel}: the department's name plus the state that
 * `useDepartmentSection` of `@dr/graphql-client` returns.
 */
export interface DepartmentSectionPanelProps {
  /** Short department name, e.g. `文广旅`. */
  departmentName: string;
  phase: 'loading' | 'ready' | 'empty' | 'unavailable' | 'notFound' | 'failed';
  section: SectionView | null;
  canEdit: boolean;
  errorText: string | null;
  savingItemId: string | null;
  saveError: { itemId: string; text: string } | null;
  retrying: boolean;
  record: (draft: ChecklistDraft) => Promise<boolean>;
  retry: () => void;
  /** `data-testid` of the panel; states add suffixes (`-unavailable`, `-items`). */
  testId: string;
}

const SECTION_STATUS: Record<string, { label: string; color: string }> = {
  NOT_STARTED: { label: '未开始', color: 'default' },
  IN_PROGRESS: { label: '检查中', color: 'processing' },
};

function toChecklistItems(section: SectionView): ChecklistItem[] {
  return [...section.items]
    .sort((a, b) => a.checkItem.order - b.checkItem.order)
    .map((item) => ({
      id: item.checkItem.id,
      code: item.checkItem.code,
      title: item.checkItem.title,
      legalBasis: item.checkItem.legalBasis,
      outcome: item.outcome ?? null,
      note: item.note ?? null,
    }));
}

/**
 * The body of a department's inspection tab in every state: loading, the checklist (editable for
 * the department's own staff), "该部门服务暂不可用" with 重试 when the gateway returned the inspection
 * without this department's section, and errors described by their code.
 */
export function DepartmentSectionPanel(props: DepartmentSectionPanelProps) {
  const { message } = App.useApp();
  const { section, record } = props;
  const items = useMemo(() => (section ? toChecklistItems(section) : []), [section]);

  switch (props.phase) {
    case 'loading':
      return (
        <div data-testid={`${props.testId}-loading`}>
          <Skeleton active paragraph={{ rows: 6 }} />
        </div>
      );
    case 'unavailable':
      return (
        <UnavailableNotice
          title="该部门服务暂不可用"
          description={`${props.departmentName}的检查数据暂时无法读取，检查对象和其他部门的内容不受影响。`}
          onRetry={props.retry}
          retrying={props.retrying}
          testId={`${props.testId}-unavailable`}
        />
      );
    case 'notFound':
      return <Empty description={props.errorText ?? '未找到该检查记录'} data-testid={`${props.testId}-not-found`} />;
    case 'empty':
      return <Empty description={`本次检查不含${props.departmentName}的检查事项`} data-testid={`${props.testId}-empty`} />;
    case 'failed':
      return (
        <Result
          status="error"
          title={`${props.departmentName}检查数据加载失败`}
          subTitle={props.errorText}
          extra={
            <Button onClick={props.retry} loading={props.retrying} data-testid={`${props.testId}-failed-retry`}>
              重试
            </Button>
          }
          data-testid={`${props.testId}-failed`}
        />
      );
    case 'ready':
      break;
  }

  const recorded = items.filter((item) => item.outcome !== null).length;
  const status = SECTION_STATUS[section?.status ?? ''] ?? { label: section?.status ?? '—', color: 'default' };
  const onRecord = async (draft: ChecklistDraft) => {
    const saved = await record(draft);
    if (saved) void message.success('检查结果已保存');
    return saved;
  };

  return (
    <Flex vertical gap={12} data-testid={props.testId}>
      <Flex align="center" gap={8} wrap>
        <Typography.Text strong>{props.departmentName}检查事项</Typography.Text>
        <Tag color={status.color}>{status.label}</Tag>
        <Typography.Text type="secondary" data-testid={`${props.testId}-progress`}>
          已录入 {recorded}/{items.length} 项
        </Typography.Text>
        {section?.updatedAt && <Typography.Text type="secondary">最近更新：{formatDateTime(section.updatedAt)}</Typography.Text>}
      </Flex>
      {!props.canEdit && (
        <Alert
          type="info"
          showIcon
          title={`只读：仅${props.departmentName}的部门管理员和执法检查人员可以录入检查结果。`}
          data-testid={`${props.testId}-read-only`}
        />
      )}
      <ChecklistTable
        items={items}
        editable={props.canEdit}
        savingItemId={props.savingItemId}
        saveError={props.saveError}
        onRecord={onRecord}
        testId={`${props.testId}-items`}
      />
    </Flex>
  );
}
