import type { ReactNode } from 'react';
import { Flex, Tag, Typography } from 'antd';
import { CursorPager } from '../list/cursor-pager';
import { ResponsiveList } from '../list/responsive-list';
import type { CursorPages } from '../list/use-cursor-pages';
import { formatDate } from '../format/date-format';
import { departmentName, type DepartmentCode } from '../format/domain-labels';
import { ResultCodeTags } from '../department-section/result-code-picker';
import { DeadlineStatus } from './deadline-status';
import { REFERRAL_STATE_LABELS, REINSPECTION_OUTCOME_LABELS } from './workbench-labels';

/** A page of a connection as the workbench lists need it. */
export interface WorkbenchPage<T> {
  nodes: readonly T[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** Common props of the workbench lists. */
export interface WorkbenchListProps<T> {
  page: WorkbenchPage<T> | undefined;
  pages: CursorPages;
  loading: boolean;
  /** The buttons of one item; nothing for read-only viewers. */
  actions?: (item: T) => ReactNode;
  testId: string;
}

function Actions({ children }: { children: ReactNode }) {
  return (
    <Flex gap={8} wrap>
      {children}
    </Flex>
  );
}

function List<T extends object>(props: WorkbenchListProps<T> & {
  rowKey: (item: T) => string;
  itemTestId: (item: T) => string;
  columns: Parameters<typeof ResponsiveList<T>>[0]['columns'];
  renderCard: (item: T) => ReactNode;
  emptyText: string;
}) {
  const actionColumn = props.actions
    ? [{ title: '操作', key: 'actions', render: (_: unknown, item: T) => <Actions>{props.actions!(item)}</Actions> }]
    : [];
  return (
    <>
      <ResponsiveList<T>
        items={props.page?.nodes ?? []}
        rowKey={props.rowKey}
        columns={[...props.columns, ...actionColumn]}
        renderCard={(item) => (
          <Flex vertical gap={6}>
            {props.renderCard(item)}
            {props.actions && <Actions>{props.actions(item)}</Actions>}
          </Flex>
        )}
        itemTestId={props.itemTestId}
        loading={props.loading}
        emptyText={props.emptyText}
        testId={props.testId}
      />
      {props.page && props.page.totalCount > props.pages.first && (
        <CursorPager pages={props.pages} totalCount={props.page.totalCount} pageInfo={props.page.pageInfo} loading={props.loading} />
      )}
    </>
  );
}

/** A line "label: value" of a card. */
function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Flex gap={6} wrap align="baseline">
      <Typography.Text type="secondary">{label}：</Typography.Text>
      <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{children}</span>
    </Flex>
  );
}

/** A result as the workbench lists it. */
export interface WorkResult {
  inspectionId: string;
  status: string;
  planTitle: string;
  inspectedOn: string;
  publicationDeadline?: string | null;
  workingDaysLeft?: number | null;
  overdue: boolean;
  resultCodes: readonly number[];
  summary?: string | null;
  returnReason?: string | null;
  publishedOn?: string | null;
  venue: { name: string };
}

/** Results of one status: venue, inspection day, publication deadline with working days left (R-PUB-1). */
export function ResultWorkList<T extends WorkResult>(props: WorkbenchListProps<T>) {
  const deadline = (item: T) => (
    <DeadlineStatus deadline={item.publicationDeadline} overdue={item.overdue} workingDaysLeft={item.workingDaysLeft} testId={`deadline-${item.inspectionId}`} />
  );
  return (
    <List<T>
      {...props}
      rowKey={(item) => item.inspectionId}
      itemTestId={(item) => `result-item-${item.inspectionId}`}
      emptyText="暂无检查结果"
      columns={[
        { title: '检查对象', key: 'venue', render: (_, item) => <Flex vertical><strong>{item.venue.name}</strong><Typography.Text type="secondary">{item.planTitle}</Typography.Text></Flex> },
        { title: '检查日期', key: 'inspectedOn', render: (_, item) => formatDate(item.inspectedOn) },
        { title: item0Status(props.page) === 'PUBLISHED' ? '公示日期' : '公示期限', key: 'deadline', render: (_, item) => (item.status === 'PUBLISHED' ? formatDate(item.publishedOn) : deadline(item)) },
        { title: '检查结果', key: 'codes', render: (_, item) => <ResultCodeTags codes={item.resultCodes} /> },
        { title: '说明', key: 'summary', render: (_, item) => <ResultNotes item={item} /> },
      ]}
      renderCard={(item) => (
        <>
          <Typography.Text strong>{item.venue.name}</Typography.Text>
          <Line label="检查日期">{formatDate(item.inspectedOn)}</Line>
          {item.status === 'PUBLISHED' ? <Line label="公示日期">{formatDate(item.publishedOn)}</Line> : <Line label="公示期限">{deadline(item)}</Line>}
          {item.resultCodes.length > 0 && <ResultCodeTags codes={item.resultCodes} />}
          <ResultNotes item={item} />
        </>
      )}
    />
  );
}

function item0Status<T extends WorkResult>(page: WorkbenchPage<T> | undefined): string | undefined {
  return page?.nodes[0]?.status;
}

function ResultNotes({ item }: { item: WorkResult }) {
  return (
    <Flex vertical gap={2}>
      {item.summary && <span style={{ overflowWrap: 'anywhere' }}>{item.summary}</span>}
      {item.returnReason && (
        <Typography.Text type="warning" data-testid={`return-reason-${item.inspectionId}`}>
          退回理由：{item.returnReason}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** A referral this department sent. */
export interface WorkReferralSent {
  id: string;
  toDepartment?: string | null;
  toAuthority?: string | null;
  facts: string;
  sentOn: string;
  deadline?: string | null;
  state: keyof typeof REFERRAL_STATE_LABELS;
  answerReason?: string | null;
  late: boolean;
}

function StateTag({ state }: { state: keyof typeof REFERRAL_STATE_LABELS }) {
  const { label, color } = REFERRAL_STATE_LABELS[state];
  return (
    <Tag color={color} style={{ marginInlineEnd: 0 }}>
      {label}
    </Tag>
  );
}

const receiverOf = (item: WorkReferralSent) => (item.toDepartment ? departmentName(item.toDepartment as DepartmentCode) : (item.toAuthority ?? ''));

/** Referrals sent (R-RES-3): to whom, when, against which deadline, and the answer. */
export function ReferralSentList<T extends WorkReferralSent>(props: WorkbenchListProps<T>) {
  const sent = (item: T) => (
    <Flex gap={6} wrap>
      <span>{formatDate(item.sentOn)}</span>
      {item.late && <Typography.Text type="danger">晚于移送期限</Typography.Text>}
    </Flex>
  );
  return (
    <List<T>
      {...props}
      rowKey={(item) => item.id}
      itemTestId={(item) => `referral-sent-${item.id}`}
      emptyText="暂无移送出的线索"
      columns={[
        { title: '接收单位', key: 'to', render: (_, item) => receiverOf(item) },
        { title: '涉嫌违法事实', key: 'facts', render: (_, item) => item.facts },
        { title: '移送日期', key: 'sentOn', render: (_, item) => sent(item) },
        { title: '移送期限', key: 'deadline', render: (_, item) => formatDate(item.deadline) },
        { title: '状态', key: 'state', render: (_, item) => <Flex vertical gap={2}><StateTag state={item.state} />{item.answerReason && <span>退回理由：{item.answerReason}</span>}</Flex> },
      ]}
      renderCard={(item) => (
        <>
          <Flex justify="space-between" gap={8} wrap>
            <Typography.Text strong>{receiverOf(item)}</Typography.Text>
            <StateTag state={item.state} />
          </Flex>
          <span style={{ overflowWrap: 'anywhere' }}>{item.facts}</span>
          <Line label="移送日期">{sent(item)}</Line>
          <Line label="移送期限">{formatDate(item.deadline)}</Line>
          {item.answerReason && <Line label="退回理由">{item.answerReason}</Line>}
        </>
      )}
    />
  );
}

/** A referral another department sent to this one. */
export interface WorkReferralReceived {
  id: string;
  fromDepartment: string;
  venueName: string;
  facts: string;
  legalBasis: string;
  sentOn: string;
  answerDeadline?: string | null;
  state: keyof typeof REFERRAL_STATE_LABELS;
  answerReason?: string | null;
  overdue: boolean;
  workingDaysLeft?: number | null;
}

/** Referrals received (R-RES-3): answered within 7 working days of arrival. */
export function ReferralReceivedList<T extends WorkReferralReceived>(props: WorkbenchListProps<T>) {
  const deadline = (item: T) =>
    item.state === 'SENT' ? (
      <DeadlineStatus deadline={item.answerDeadline} overdue={item.overdue} workingDaysLeft={item.workingDaysLeft} testId={`deadline-${item.id}`} />
    ) : (
      <StateTag state={item.state} />
    );
  return (
    <List<T>
      {...props}
      rowKey={(item) => item.id}
      itemTestId={(item) => `referral-received-${item.id}`}
      emptyText="暂无收到的移送"
      columns={[
        { title: '移送部门', key: 'from', render: (_, item) => departmentName(item.fromDepartment as DepartmentCode) },
        { title: '检查对象', key: 'venue', render: (_, item) => item.venueName },
        { title: '涉嫌违法事实', key: 'facts', render: (_, item) => <Flex vertical><span>{item.facts}</span><Typography.Text type="secondary">依据：{item.legalBasis}</Typography.Text></Flex> },
        { title: '答复期限', key: 'deadline', render: (_, item) => deadline(item) },
      ]}
      renderCard={(item) => (
        <>
          <Typography.Text strong>{item.venueName}</Typography.Text>
          <Line label="移送部门">{departmentName(item.fromDepartment as DepartmentCode)}</Line>
          <span style={{ overflowWrap: 'anywhere' }}>{item.facts}</span>
          <Line label="依据">{item.legalBasis}</Line>
          <Line label="答复期限">{deadline(item)}</Line>
        </>
      )}
    />
  );
}

/** A follow-up task (复查, R-PUB-3). */
export interface WorkFollowUp {
  id: string;
  venueName: string;
  orderContent: string;
  orderedOn: string;
  rectificationDeadline: string;
  dueOn?: string | null;
  state: string;
  outcome?: keyof typeof REINSPECTION_OUTCOME_LABELS | null;
  overdue: boolean;
  workingDaysLeft?: number | null;
}

/** Follow-ups by due date, with the order they check. */
export function FollowUpList<T extends WorkFollowUp>(props: WorkbenchListProps<T>) {
  const due = (item: T) => <DeadlineStatus deadline={item.dueOn} overdue={item.overdue} workingDaysLeft={item.workingDaysLeft} testId={`deadline-${item.id}`} />;
  return (
    <List<T>
      {...props}
      rowKey={(item) => item.id}
      itemTestId={(item) => `follow-up-${item.id}`}
      emptyText="暂无待复查任务"
      columns={[
        { title: '检查对象', key: 'venue', render: (_, item) => item.venueName },
        { title: '责令内容', key: 'order', render: (_, item) => item.orderContent },
        { title: '改正期限', key: 'rectify', render: (_, item) => formatDate(item.rectificationDeadline) },
        { title: '应复查日期', key: 'due', render: (_, item) => due(item) },
      ]}
      renderCard={(item) => (
        <>
          <Typography.Text strong>{item.venueName}</Typography.Text>
          <span style={{ overflowWrap: 'anywhere' }}>{item.orderContent}</span>
          <Line label="改正期限">{formatDate(item.rectificationDeadline)}</Line>
          <Line label="应复查日期">{due(item)}</Line>
        </>
      )}
    />
  );
}
