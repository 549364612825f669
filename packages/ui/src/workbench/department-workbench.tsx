import { useState, type ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import type { TypedDocumentNode } from '@apollo/client';
import { Alert, Badge, Button, Flex, Typography } from 'antd';
import { describeGraphQLError } from '@dr/graphql-client';
import { useCursorPages } from '../list/use-cursor-pages';
import { ReasonField } from './reason-field';
import { ReinspectionFields, type ReinspectionValues } from './reinspection-fields';
import { ResultEntryFields, type ResultEntryValues } from './result-entry-fields';
import type { WorkbenchProps } from './workbench-contract';
import { RESULT_STATUS_LABELS } from './workbench-labels';
import {
  FollowUpList,
  ReferralReceivedList,
  ReferralSentList,
  ResultWorkList,
  type WorkbenchPage,
  type WorkFollowUp,
  type WorkReferralReceived,
  type WorkReferralSent,
  type WorkResult,
} from './workbench-lists';
import { WorkbenchModal } from './workbench-modal';
import { WorkbenchSections } from './workbench-sections';

const PAGE_SIZE = 20;

type ResultStatus = keyof typeof RESULT_STATUS_LABELS;
type Versioned = { version: number };
type Page<T> = WorkbenchPage<T & Versioned>;
type PageVariables = { first: number; after?: string | null };
/** A write: one mutation with one `input`; its answer is not read (the lists are read again). */
type Write<Input> = TypedDocumentNode<unknown, { input: Input }>;

/**
 * The department's own operations behind the workbench. Each department writes them in its remote
 * (its `<department>-workbench.graphql`, checked by codegen against its own types), aliasing its
 * prefixed fields to these names, so one component serves every department.
 */
export interface WorkbenchOperations {
  summary: TypedDocumentNode<
    {
      me?: { role: string; department?: string | null } | null;
      pendingEntry: { totalCount: number };
      pendingReview: { totalCount: number };
      returned: { totalCount: number };
      received: { totalCount: number };
      followUpsDue: { totalCount: number };
    },
    Record<string, never>
  >;
  results: TypedDocumentNode<{ results: Page<WorkResult> }, PageVariables & { status: ResultStatus }>;
  referralsSent: TypedDocumentNode<{ referralsSent: WorkbenchPage<WorkReferralSent> }, PageVariables>;
  referralsReceived: TypedDocumentNode<{ referralsReceived: Page<WorkReferralReceived> }, PageVariables>;
  followUps: TypedDocumentNode<{ followUps: Page<WorkFollowUp> }, PageVariables>;
  enterResult: Write<{ inspectionId: string; expectedVersion: number; resultCodes?: number[]; summary: string }>;
  returnResult: Write<{ inspectionId: string; expectedVersion: number; reason: string }>;
  publishResult: Write<{ inspectionId: string; expectedVersion: number }>;
  correctResult: Write<{ inspectionId: string; expectedVersion: number; resultCodes: number[]; summary: string; reason: string }>;
  answerReferral: Write<{ referralId: string; expectedVersion: number; decision: 'ACCEPT' | 'RETURN'; reason?: string | null }>;
  recordReinspection: Write<{ followUpId: string; expectedVersion: number } & ReinspectionValues>;
}

type Result = WorkResult & Versioned;
type Received = WorkReferralReceived & Versioned;
type FollowUp = WorkFollowUp & Versioned;

type Dialog =
  | { kind: 'enter' | 'return' | 'publish' | 'correct'; result: Result }
  | { kind: 'accept' | 'refuse'; referral: Received }
  | { kind: 'reinspect'; followUp: FollowUp };

/** What the signed-in user may do here; the subgraph checks the same (FORBIDDEN otherwise). */
interface Abilities {
  /** The department's own staff: enter results, record re-inspections. */
  staff: boolean;
  /** The department's admin: return, publish, correct, answer referrals. */
  admin: boolean;
}

interface TabProps {
  operations: WorkbenchOperations;
  abilities: Abilities;
  open: (dialog: Dialog) => void;
}

function ListError({ error }: { error: unknown }) {
  return error ? <Alert type="error" showIcon title={describeGraphQLError(error)} style={{ marginBottom: 12 }} data-testid="workbench-error" /> : null;
}

function ResultsTab({ status, operations, abilities, open }: TabProps & { status: ResultStatus }) {
  const pages = useCursorPages(PAGE_SIZE);
  const { data, loading, error } = useQuery(operations.results, {
    variables: { status, first: pages.first, after: pages.after },
    fetchPolicy: 'cache-and-network',
  });
  const actions = (result: Result): ReactNode[] => {
    const id = result.inspectionId;
    const buttons: ReactNode[] = [];
    if (abilities.staff && (status === 'PENDING_ENTRY' || status === 'RETURNED')) {
      buttons.push(<Button key="enter" type="primary" onClick={() => open({ kind: 'enter', result })} data-testid={`result-enter-${id}`}>录入结果</Button>);
    }
    if (abilities.admin && status === 'PENDING_REVIEW') {
      buttons.push(<Button key="publish" type="primary" onClick={() => open({ kind: 'publish', result })} data-testid={`result-publish-${id}`}>审核公示</Button>);
      buttons.push(<Button key="return" danger onClick={() => open({ kind: 'return', result })} data-testid={`result-return-${id}`}>退回</Button>);
    }
    if (abilities.admin && status === 'PUBLISHED') {
      buttons.push(<Button key="correct" onClick={() => open({ kind: 'correct', result })} data-testid={`result-correct-${id}`}>更正</Button>);
    }
    return buttons;
  };
  // Review and correction are the admin's; entry is any of the department's staff.
  const writes = status === 'PENDING_REVIEW' || status === 'PUBLISHED' ? abilities.admin : abilities.staff;
  return (
    <>
      <ListError error={error} />
      <ResultWorkList page={data?.results} pages={pages} loading={loading} actions={writes ? actions : undefined} testId={`result-list-${status}`} />
    </>
  );
}

function ReferralsTab({ operations, abilities, open }: TabProps) {
  const sentPages = useCursorPages(PAGE_SIZE);
  const receivedPages = useCursorPages(PAGE_SIZE);
  const sent = useQuery(operations.referralsSent, { variables: { first: sentPages.first, after: sentPages.after }, fetchPolicy: 'cache-and-network' });
  const received = useQuery(operations.referralsReceived, { variables: { first: receivedPages.first, after: receivedPages.after }, fetchPolicy: 'cache-and-network' });
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={5} style={{ margin: 0 }}>收到的移送</Typography.Title>
      <ListError error={received.error} />
      <ReferralReceivedList
        page={received.data?.referralsReceived}
        pages={receivedPages}
        loading={received.loading}
        actions={
          abilities.admin
            ? (referral) =>
                referral.state === 'SENT' && [
                  <Button key="accept" type="primary" onClick={() => open({ kind: 'accept', referral })} data-testid={`referral-accept-${referral.id}`}>接收</Button>,
                  <Button key="refuse" danger onClick={() => open({ kind: 'refuse', referral })} data-testid={`referral-refuse-${referral.id}`}>退回</Button>,
                ]
            : undefined
        }
        testId="referral-received-list"
      />
      <Typography.Title level={5} style={{ margin: 0 }}>移送出的线索</Typography.Title>
      <ListError error={sent.error} />
      <ReferralSentList page={sent.data?.referralsSent} pages={sentPages} loading={sent.loading} testId="referral-sent-list" />
    </Flex>
  );
}

function FollowUpsTab({ operations, abilities, open }: TabProps) {
  const pages = useCursorPages(PAGE_SIZE);
  const { data, loading, error } = useQuery(operations.followUps, { variables: { first: pages.first, after: pages.after }, fetchPolicy: 'cache-and-network' });
  return (
    <>
      <ListError error={error} />
      <FollowUpList
        page={data?.followUps}
        pages={pages}
        loading={loading}
        actions={
          abilities.staff
            ? (followUp) => (
                <Button type="primary" onClick={() => open({ kind: 'reinspect', followUp })} data-testid={`follow-up-record-${followUp.id}`}>
                  记录复查
                </Button>
              )
            : undefined
        }
        testId="follow-up-list"
      />
    </>
  );
}

/** The dialogs behind the workbench's buttons; each sends one mutation naming the version it saw. */
function WorkbenchDialogs({ operations, dialog, close }: { operations: WorkbenchOperations; dialog: Dialog | null; close: () => void }) {
  // Every list and count of the workbench: a write moves an item between them, so all are read again.
  const writeOptions = {
    refetchQueries: [operations.summary, operations.results, operations.referralsReceived, operations.referralsSent, operations.followUps],
    awaitRefetchQueries: true,
  };
  const [enter] = useMutation(operations.enterResult, writeOptions);
  const [giveBack] = useMutation(operations.returnResult, writeOptions);
  const [publish] = useMutation(operations.publishResult, writeOptions);
  const [correct] = useMutation(operations.correctResult, writeOptions);
  const [answer] = useMutation(operations.answerReferral, writeOptions);
  const [reinspect] = useMutation(operations.recordReinspection, writeOptions);
  if (!dialog) return null;
  const common = { open: true, onClose: close };
  switch (dialog.kind) {
    case 'enter': {
      const { result } = dialog;
      return (
        <WorkbenchModal<ResultEntryValues>
          {...common}
          title={`录入检查结果：${result.venue.name}`}
          okText="提交审核"
          initialValues={{ resultCodes: [...result.resultCodes], summary: result.summary ?? '' }}
          onSubmit={({ resultCodes, summary }) =>
            // No codes chosen: the server takes those of the submitted inspection record.
            enter({ variables: { input: { inspectionId: result.inspectionId, expectedVersion: result.version, resultCodes: resultCodes?.length ? resultCodes : undefined, summary } } })
          }
          testId="result-enter-form"
        >
          {() => (
            <>
              {result.returnReason && <Alert type="warning" showIcon title={`退回理由：${result.returnReason}`} style={{ marginBottom: 12 }} />}
              <Typography.Paragraph type="secondary">不选择检查结果时，沿用本部门检查记录中提交的结果。</Typography.Paragraph>
              <ResultEntryFields optionalCodes />
            </>
          )}
        </WorkbenchModal>
      );
    }
    case 'return': {
      const { result } = dialog;
      return (
        <WorkbenchModal<{ reason: string }>
          {...common}
          title={`退回检查结果：${result.venue.name}`}
          okText="退回"
          onSubmit={({ reason }) => giveBack({ variables: { input: { inspectionId: result.inspectionId, expectedVersion: result.version, reason } } })}
          testId="result-return-form"
        >
          {() => <ReasonField label="退回理由" testId="result-return-reason" />}
        </WorkbenchModal>
      );
    }
    case 'publish': {
      const { result } = dialog;
      return (
        <WorkbenchModal<object>
          {...common}
          title={`审核公示：${result.venue.name}`}
          okText="公示"
          onSubmit={() => publish({ variables: { input: { inspectionId: result.inspectionId, expectedVersion: result.version } } })}
          testId="result-publish-form"
        >
          {() => (
            <Flex vertical gap={8}>
              <Typography.Text>检查结果说明：{result.summary || '（未填写）'}</Typography.Text>
              <Typography.Text type="secondary">公示后向社会公开，此后只能更正并说明理由。</Typography.Text>
            </Flex>
          )}
        </WorkbenchModal>
      );
    }
    case 'correct': {
      const { result } = dialog;
      return (
        <WorkbenchModal<ResultEntryValues>
          {...common}
          title={`更正已公示的结果：${result.venue.name}`}
          okText="更正"
          initialValues={{ resultCodes: [...result.resultCodes], summary: result.summary ?? '' }}
          onSubmit={({ resultCodes, summary, reason }) =>
            correct({ variables: { input: { inspectionId: result.inspectionId, expectedVersion: result.version, resultCodes, summary, reason: reason ?? '' } } })
          }
          testId="result-correct-form"
        >
          {() => <ResultEntryFields withReason />}
        </WorkbenchModal>
      );
    }
    case 'accept':
    case 'refuse': {
      const { referral } = dialog;
      const accept = dialog.kind === 'accept';
      return (
        <WorkbenchModal<{ reason?: string }>
          {...common}
          title={`${accept ? '接收' : '退回'}移送：${referral.venueName}`}
          okText={accept ? '接收' : '退回'}
          onSubmit={({ reason }) =>
            answer({
              variables: {
                input: { referralId: referral.id, expectedVersion: referral.version, decision: accept ? 'ACCEPT' : 'RETURN', reason: accept ? undefined : reason },
              },
            })
          }
          testId={accept ? 'referral-accept-form' : 'referral-refuse-form'}
        >
          {() => (accept ? <Typography.Text>接收后由本部门依法处理。</Typography.Text> : <ReasonField label="退回理由" testId="referral-refuse-reason" />)}
        </WorkbenchModal>
      );
    }
    case 'reinspect': {
      const { followUp } = dialog;
      return (
        <WorkbenchModal<ReinspectionValues>
          {...common}
          title={`记录复查：${followUp.venueName}`}
          okText="办结"
          onSubmit={(values) => reinspect({ variables: { input: { followUpId: followUp.id, expectedVersion: followUp.version, ...values } } })}
          testId="reinspection-form"
        >
          {() => (
            <>
              <Typography.Paragraph type="secondary">责令内容：{followUp.orderContent}</Typography.Paragraph>
              <ReinspectionFields orderedOn={followUp.orderedOn} />
            </>
          )}
        </WorkbenchModal>
      );
    }
  }
}

function TabLabel({ text, count, reminder, testId }: { text: string; count?: number; reminder?: number; testId: string }) {
  return (
    <span data-testid={testId}>
      {text}
      {count ? `（${count}）` : ''}
      {!!reminder && <Badge count={reminder} size="small" offset={[4, -8]} title={`${reminder} 项 3 个工作日内到期或已超期`} data-testid={`${testId}-badge`} />}
    </span>
  );
}

/** Props of {@link DepartmentWorkbench}. */
export interface DepartmentWorkbenchProps extends WorkbenchProps {
  /** The department whose staff may act here (the `me.department` value, e.g. `CULTURE`). */
  department: string;
  operations: WorkbenchOperations;
  testId: string;
}

/**
 * A department's workbench (工作台): results by state with their publication deadlines, referrals sent
 * and received, follow-ups due. Each remote renders it with its own operations; the shell renders the
 * remote inside its ApolloProvider and error boundary. `readOnly` (the joint office) hides every button.
 */
export function DepartmentWorkbench({ readOnly, department, operations, testId }: DepartmentWorkbenchProps) {
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const summary = useQuery(operations.summary, { fetchPolicy: 'cache-and-network' });
  const me = summary.data?.me;
  const staff = !readOnly && me?.department === department;
  const abilities: Abilities = { staff, admin: staff && me?.role === 'DEPARTMENT_ADMIN' };
  const counts = summary.data;
  const tab = { operations, abilities, open: setDialog };
  const resultTab = (status: ResultStatus, count?: number) => ({
    key: status,
    label: <TabLabel text={RESULT_STATUS_LABELS[status]} count={count} testId={`workbench-tab-${status}`} />,
    children: <ResultsTab status={status} {...tab} />,
  });
  return (
    <div data-testid={testId} data-read-only={readOnly ? 'true' : 'false'}>
      <ListError error={summary.error} />
      {readOnly && <Alert type="info" showIcon title="只读查看：本页不能办理业务" style={{ marginBottom: 12 }} data-testid="workbench-read-only" />}
      <WorkbenchSections
        items={[
          resultTab('PENDING_ENTRY', counts?.pendingEntry.totalCount),
          resultTab('PENDING_REVIEW', counts?.pendingReview.totalCount),
          resultTab('RETURNED', counts?.returned.totalCount),
          resultTab('PUBLISHED'),
          {
            key: 'referrals',
            label: <TabLabel text="移送" count={counts?.received.totalCount} testId="workbench-tab-referrals" />,
            children: <ReferralsTab {...tab} />,
          },
          {
            key: 'follow-ups',
            label: <TabLabel text="跟踪复查" reminder={counts?.followUpsDue.totalCount} testId="workbench-tab-follow-ups" />,
            children: <FollowUpsTab {...tab} />,
          },
        ]}
      />
      <WorkbenchDialogs operations={operations} dialog={dialog} close={() => setDialog(null)} />
    </div>
  );
}
