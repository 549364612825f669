import { useQuery } from '@apollo/client/react';
import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { CardHeading, CursorPager, departmentName, formatDate, REINSPECTION_OUTCOME_LABELS, RESULT_STATUS_LABELS, ResponsiveList, ResultCodeTags, useCursorPages, type DepartmentCode } from '@dr/ui';
import { DashboardFollowUpsDocument, DashboardResultsDocument, type DashboardFollowUpsQuery, type DashboardResultsQuery } from '../../generated/graphql';
import { usePageFrame } from '../../layout/page-frame';
import { LoadError } from '../page-states';
import { readFilter } from './dashboard-links';
import { ExportButton } from './export-button';

/** A row of any department's list (the three answers differ only in their type names). */
type ResultRow = Omit<NonNullable<DashboardResultsQuery['culture']>['nodes'][number], '__typename' | 'venue'> & { venue: { name: string; uscc: string; street: string } };
type FollowUpRow = Omit<NonNullable<DashboardFollowUpsQuery['culture']>['nodes'][number], '__typename'>;
interface Page<Row> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  nodes: Row[];
}

const DEPARTMENTS: Record<string, DepartmentCode> = { culture: 'CULTURE', market: 'MARKET', fire: 'FIRE' };
const RESULT_KEYS = { strings: ['planId', 'status', 'street'], booleans: ['entered', 'problemFound', 'overdue', 'referralOverdue'], numbers: ['resultCode'] };
const FOLLOW_UP_KEYS = { strings: ['planId', 'state', 'outcome'], booleans: ['overdue'] };

/** What the list is filtered by, in words (the figure's own name on the dashboard). */
function describe(filter: Record<string, string | number | boolean | null>): string[] {
  const words: string[] = [];
  if (filter.street) words.push(`街道：${filter.street}`);
  if (filter.status) words.push(`状态：${RESULT_STATUS_LABELS[filter.status as keyof typeof RESULT_STATUS_LABELS] ?? (filter.status === 'OPEN' ? '待复查' : '')}`);
  if (filter.state) words.push(filter.state === 'OPEN' ? '待复查' : '已办结');
  if (filter.entered) words.push('已录入');
  if (filter.resultCode) words.push(`结果代码 ${filter.resultCode}`);
  if (filter.problemFound) words.push('发现问题');
  if (filter.outcome) words.push(REINSPECTION_OUTCOME_LABELS[filter.outcome as keyof typeof REINSPECTION_OUTCOME_LABELS] ?? '');
  if (filter.overdue) words.push('已超期');
  if (filter.referralOverdue) words.push('超期未移送');
  return words.filter(Boolean);
}

function ResultList({ department, filter }: { department: DepartmentCode; filter: Record<string, string | number | boolean | null> }) {
  const pages = useCursorPages(20);
  const { data, previousData, loading, error, refetch } = useQuery(DashboardResultsDocument, {
    variables: { ...filter, culture: department === 'CULTURE', market: department === 'MARKET', fire: department === 'FIRE', first: pages.first, after: pages.after } as never,
    notifyOnNetworkStatusChange: true,
  });
  const answer = data ?? previousData;
  const connection: Page<ResultRow> | undefined = answer?.culture ?? answer?.market ?? answer?.fire ?? undefined;
  if (error && !connection) return <LoadError what="检查结果" error={error} onRetry={() => void refetch()} />;
  const statusTag = (row: ResultRow) => <Tag color={row.status === 'PUBLISHED' ? 'green' : 'blue'}>{RESULT_STATUS_LABELS[row.status]}</Tag>;
  return (
    <>
      {connection && <Typography.Paragraph data-testid="drill-down-count">共 {connection.totalCount} 条</Typography.Paragraph>}
      <ResponsiveList<ResultRow>
        items={connection?.nodes ?? []}
        rowKey={(row) => row.inspectionId}
        itemTestId={(row) => `drill-down-item-${row.inspectionId}`}
        loading={loading}
        emptyText="没有符合条件的检查结果"
        testId="drill-down-list"
        columns={[
          { title: '检查对象', key: 'venue', render: (_: unknown, row) => <Link to={`/inspections/${row.inspectionId}`}>{row.venue.name}</Link> },
          { title: '街道', key: 'street', render: (_: unknown, row) => row.venue.street },
          { title: '检查日期', key: 'date', render: (_: unknown, row) => formatDate(row.inspectedOn) },
          { title: '公示期限', key: 'deadline', render: (_: unknown, row) => (row.publicationDeadline ? formatDate(row.publicationDeadline) : '—') },
          { title: '结果代码', key: 'codes', render: (_: unknown, row) => <ResultCodeTags codes={row.resultCodes} /> },
          { title: '状态', key: 'status', render: (_: unknown, row) => (row.overdue ? <Tag color="red">已超期</Tag> : statusTag(row)) },
        ]}
        renderCard={(row) => (
          <Flex vertical gap={8}>
            <Flex justify="space-between" align="start" gap={8}>
              <Link to={`/inspections/${row.inspectionId}`}>{row.venue.name}</Link>
              {row.overdue ? <Tag color="red">已超期</Tag> : statusTag(row)}
            </Flex>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'street', label: '街道', children: row.venue.street },
                { key: 'date', label: '检查日期', children: formatDate(row.inspectedOn) },
                { key: 'deadline', label: '公示期限', children: row.publicationDeadline ? formatDate(row.publicationDeadline) : '—' },
              ]}
            />
          </Flex>
        )}
      />
      {connection && <CursorPager pages={pages} totalCount={connection.totalCount} pageInfo={connection.pageInfo} loading={loading} />}
    </>
  );
}

function FollowUpList({ department, filter }: { department: DepartmentCode; filter: Record<string, string | number | boolean | null> }) {
  const pages = useCursorPages(20);
  const { data, previousData, loading, error, refetch } = useQuery(DashboardFollowUpsDocument, {
    variables: { ...filter, culture: department === 'CULTURE', market: department === 'MARKET', fire: department === 'FIRE', first: pages.first, after: pages.after } as never,
    notifyOnNetworkStatusChange: true,
  });
  const answer = data ?? previousData;
  const connection: Page<FollowUpRow> | undefined = answer?.culture ?? answer?.market ?? answer?.fire ?? undefined;
  if (error && !connection) return <LoadError what="复查任务" error={error} onRetry={() => void refetch()} />;
  const stateTag = (row: FollowUpRow) =>
    row.overdue ? <Tag color="red">已超期</Tag> : row.state === 'OPEN' ? <Tag color="blue">待复查</Tag> : <Tag color="green">{row.outcome ? REINSPECTION_OUTCOME_LABELS[row.outcome] : '已办结'}</Tag>;
  return (
    <>
      {connection && <Typography.Paragraph data-testid="drill-down-count">共 {connection.totalCount} 条</Typography.Paragraph>}
      <ResponsiveList<FollowUpRow>
        items={connection?.nodes ?? []}
        rowKey={(row) => row.id}
        itemTestId={(row) => `drill-down-item-${row.id}`}
        loading={loading}
        emptyText="没有符合条件的复查任务"
        testId="drill-down-list"
        columns={[
          { title: '检查对象', key: 'venue', render: (_: unknown, row) => <Link to={`/inspections/${row.inspectionId}`}>{row.venueName}</Link> },
          { title: '责令内容', key: 'order', render: (_: unknown, row) => row.orderContent },
          { title: '应复查日期', key: 'due', render: (_: unknown, row) => (row.dueOn ? formatDate(row.dueOn) : '—') },
          { title: '状态', key: 'state', render: (_: unknown, row) => stateTag(row) },
        ]}
        renderCard={(row) => (
          <Flex vertical gap={8}>
            <Flex justify="space-between" align="start" gap={8}>
              <Link to={`/inspections/${row.inspectionId}`}>{row.venueName}</Link>
              {stateTag(row)}
            </Flex>
            <Typography.Text>{row.orderContent}</Typography.Text>
            <Typography.Text type="secondary">应复查日期：{row.dueOn ? formatDate(row.dueOn) : '—'}</Typography.Text>
          </Flex>
        )}
      />
      {connection && <CursorPager pages={pages} totalCount={connection.totalCount} pageInfo={connection.pageInfo} loading={loading} />}
    </>
  );
}

/**
 * The list behind a dashboard figure: a department's results or follow-ups, filtered exactly as the figure
 * was counted (the filters are in the address, so a figure's list can be bookmarked and sent on), paged, and
 * exported to XLSX by the department's streaming route.
 */
export function DrillDownPage() {
  const { department: slug = '', list = '' } = useParams();
  const [params] = useSearchParams();
  const department = DEPARTMENTS[slug];
  const results = list === 'results';
  const title = results ? '检查结果清单' : '复查任务清单';
  usePageFrame(title, [{ title: '进度看板', to: '/' }, { title }]);
  if (!department || (list !== 'results' && list !== 'follow-ups')) {
    return <Typography.Paragraph>没有这个清单。</Typography.Paragraph>;
  }
  const filter = readFilter(params, results ? RESULT_KEYS : FOLLOW_UP_KEYS);
  const words = describe(filter);
  return (
    <Card
      title={<CardHeading>{`${departmentName(department)}${title}`}</CardHeading>}
      data-testid="drill-down-page"
      extra={<ExportButton path={`/files/${slug}/progress/${list}.xlsx?${params.toString()}`} fileName={`${departmentName(department)}${title}`} />}
    >
      {words.length > 0 && (
        <Flex gap={6} wrap style={{ marginBottom: 12 }} data-testid="drill-down-filter">
          {words.map((word) => (
            <Tag key={word}>{word}</Tag>
          ))}
        </Flex>
      )}
      {results ? <ResultList department={department} filter={filter} /> : <FollowUpList department={department} filter={filter} />}
      <Link to="/">返回进度看板</Link>
    </Card>
  );
}
