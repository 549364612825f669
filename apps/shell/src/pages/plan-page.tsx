import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Button, Card, Descriptions, Flex, Segmented, Tag, Typography } from 'antd';
import { DEPARTMENT_REMOTES } from '../remotes/department-remotes';
import { RemoteCheckItems } from '../remotes/remote-check-items';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import {
  CardHeading,
  CursorPager,
  departmentName,
  type DepartmentCode,
  formatDate,
  formatDateRange,
  INSPECTION_STATUS,
  InfoDescriptions,
  ResponsiveList,
  useCursorPages,
} from '@dr/ui';
import { PlanDetailDocument, PlanInspectionsDocument, type InspectionSort, type InspectionStage, type InspectionStatus, type PlanDetailQuery, type PlanInspectionsQuery } from '../generated/graphql';
import { DirectorySearch, FilterSelect } from './directories/directory-controls';
import { DirectoryToolbar } from './directories/directory-toolbar';
import { useStreetOptions } from './directories/use-street-options';
import { ExportButton } from './dashboard/export-button';

/** The list's filters as the export route reads them (the sort does not change what is exported). */
const exportQuery = (filters: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => !!entry[1] && entry[0] !== 'sort')).toString();
import { usePageFrame } from '../layout/page-frame';
import { usePermissions } from '../session/use-permissions';
import { DetailPageBody, LoadError } from './page-states';

type Plan = NonNullable<PlanDetailQuery['plan']>;
type InspectionRow = NonNullable<PlanInspectionsQuery['plan']>['inspections']['nodes'][number];

/** R-NOTE-1: an undisclosed visit's date is the team's and the office's; others read why it is blank. */
const visitDate = (row: InspectionRow) => (row.visitHidden ? '检查时间不公开' : formatDate(row.scheduledDate));

/** R-PLAN-1: what the plan states, as a document register shows it. */
function PlanDescriptions({ plan }: { plan: Plan }) {
  return (
    <InfoDescriptions
      testId="plan-descriptions"
      items={[
        { key: 'number', label: '文号', children: plan.documentNumber },
        { key: 'issuer', label: '印发单位', children: plan.issuingOffice },
        { key: 'title', label: '标题', children: plan.title, span: 'filled' },
        { key: 'issued', label: '印发日期', children: formatDate(plan.issueDate) },
        { key: 'window', label: '检查时间窗口', children: formatDateRange(plan.windowStart, plan.windowEnd) },
        { key: 'object', label: '检查对象', children: plan.objectType },
        { key: 'lead', label: '牵头部门', children: departmentName(plan.leadDepartment, 'full') },
        {
          key: 'participants',
          label: '参与部门',
          children: (
            <Flex gap={4} wrap>
              {plan.participatingDepartments.map((department) => (
                <Tag key={department} color="blue">
                  {departmentName(department, 'full')}
                </Tag>
              ))}
            </Flex>
          ),
        },
        { key: 'annual', label: '依据的年度计划', children: plan.annualPlan },
        {
          key: 'reporting',
          label: '报送截止日期',
          children: `${formatDate(plan.reportingDeadline)}前报送${departmentName(plan.reportTo, 'full')}`,
        },
      ]}
    />
  );
}

const SORTS: { value: InspectionSort; label: string }[] = [
  { value: 'DATE', label: '按检查日期排序' },
  { value: 'STREET', label: '按街道排序' },
  { value: 'STATE', label: '按状态排序' },
];
const STAGES: { value: InspectionStage; label: string }[] = [
  { value: 'DRAWN', label: '已抽取' },
  { value: 'SCHEDULED', label: '已安排' },
  { value: 'VISITED', label: '已上门' },
  { value: 'SIGNED', label: '已签字' },
];
const STATUSES = (Object.keys(INSPECTION_STATUS) as InspectionStatus[]).map((value) => ({ value, label: INSPECTION_STATUS[value].label }));

/**
 * The list's sort, filters and search live in the address (a dashboard figure links here with its own),
 * and the server applies them: the list is paged and bounded whatever the plan's size.
 */
function useInspectionFilters(reset: () => void) {
  const [params, setParams] = useSearchParams();
  const read = <T extends string>(key: string) => (params.get(key) ?? undefined) as T | undefined;
  const filters = { sort: read<InspectionSort>('sort'), stage: read<InspectionStage>('stage'), status: read<InspectionStatus>('status'), street: read<string>('street'), search: read<string>('search') };
  const change = (key: keyof typeof filters, value: string | undefined) => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
    reset();
  };
  return [filters, change] as const;
}

/** The plan's inspections, a page at a time from the server, sorted, filtered and searched there. */
function PlanInspections({ planId }: { planId: string }) {
  const navigate = useNavigate();
  const pages = useCursorPages(10);
  const [filters, change] = useInspectionFilters(pages.reset);
  const streets = useStreetOptions(filters.street ? [filters.street] : []);
  const { data, previousData, loading, error, refetch } = useQuery(PlanInspectionsDocument, {
    variables: { id: planId, first: pages.first, after: pages.after, ...filters },
    notifyOnNetworkStatusChange: true,
  });
  const connection = (data ?? previousData)?.plan?.inspections;
  if (error && !connection) return <LoadError what="检查任务" error={error} onRetry={() => void refetch()} />;

  const leaderText = (row: InspectionRow) => `${row.team.leader.name}（${departmentName(row.team.leader.department)}）`;
  const statusTag = (row: InspectionRow) => (
    <Tag color={INSPECTION_STATUS[row.status].color}>{INSPECTION_STATUS[row.status].label}</Tag>
  );

  return (
    <>
      <DirectoryToolbar
        filters={
          <>
            <DirectorySearch placeholder="检查对象名称或信用代码" onSearch={(text) => change('search', text)} width={220} testId="inspections-search" />
            <FilterSelect placeholder="排序" value={filters.sort} onChange={(value) => change('sort', value)} options={SORTS} width={150} testId="inspections-sort" />
            <FilterSelect placeholder="进度" value={filters.stage} onChange={(value) => change('stage', value)} options={STAGES} width={110} testId="inspections-stage" />
            <FilterSelect placeholder="状态" value={filters.status} onChange={(value) => change('status', value)} options={STATUSES} width={110} testId="inspections-status" />
            <FilterSelect placeholder="街道" value={filters.street} onChange={(value) => change('street', value)} options={streets} width={150} testId="inspections-street" />
          </>
        }
        actions={<ExportButton path={`/files/plans/${planId}/inspections.xlsx?${exportQuery(filters)}`} fileName="检查任务" />}
      />
      <ResponsiveList<InspectionRow>
        items={connection?.nodes ?? []}
        rowKey={(row) => row.id}
        itemTestId={(row) => `inspection-item-${row.id}`}
        loading={loading}
        emptyText="该计划暂无检查任务"
        testId="plan-inspections"
        columns={[
          {
            title: '检查对象',
            key: 'venue',
            width: 240,
            render: (_: unknown, row) => (
              <Link to={`/inspections/${row.id}`} data-testid="inspection-open">
                {row.venue.name}
              </Link>
            ),
          },
          { title: '街道', key: 'street', width: 140, render: (_: unknown, row) => row.venue.street },
          { title: '计划检查日期', key: 'date', width: 150, render: (_: unknown, row) => visitDate(row) },
          { title: '检查组组长', key: 'leader', width: 160, render: (_: unknown, row) => leaderText(row) },
          { title: '状态', key: 'status', width: 90, render: (_: unknown, row) => statusTag(row) },
          {
            title: '操作',
            key: 'open',
            width: 90,
            render: (_: unknown, row) => <Link to={`/inspections/${row.id}`}>查看</Link>,
          },
        ]}
        renderCard={(row) => (
          <Flex vertical gap={8}>
            <Flex justify="space-between" align="start" gap={8}>
              <Typography.Text strong>{row.venue.name}</Typography.Text>
              {statusTag(row)}
            </Flex>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'street', label: '街道', children: row.venue.street },
                { key: 'date', label: '计划检查日期', children: visitDate(row) },
                { key: 'leader', label: '检查组组长', children: leaderText(row) },
              ]}
            />
            <Button block onClick={() => navigate(`/inspections/${row.id}`)} data-testid="inspection-open">
              查看检查详情
            </Button>
          </Flex>
        )}
      />
      {connection && <CursorPager pages={pages} totalCount={connection.totalCount} pageInfo={connection.pageInfo} loading={loading} />}
    </>
  );
}

/** One plan: its particulars (R-PLAN-1), the way to its draws, and its inspections. */
export function PlanPage() {
  const { planId = '' } = useParams();
  const navigate = useNavigate();
  const permissions = usePermissions();
  const { data, loading, error, refetch } = useQuery(PlanDetailDocument, { variables: { id: planId } });
  const plan = data?.plan;
  usePageFrame(plan?.documentNumber ?? '抽查计划', [{ title: '抽查计划', to: '/' }, { title: plan?.documentNumber ?? '计划详情' }]);

  return (
    <DetailPageBody what="抽查计划" record={plan} loading={loading} error={error} onRetry={() => void refetch()} testId="plan-page">
      <Card
        title={<CardHeading>计划信息</CardHeading>}
        loading={!plan}
        extra={
          <Flex gap={8} wrap>
            <Button onClick={() => navigate(`/plans/${planId}/draws`)} data-testid="plan-draws">
              抽取记录
            </Button>
            {permissions.department && (
              <Button onClick={() => navigate(`/plans/${planId}/briefing`)} data-testid="plan-briefing">
                专项简报
              </Button>
            )}
            {permissions.office && (
              <Button onClick={() => navigate(`/plans/${planId}/reports`)} data-testid="plan-reports">
                报表
              </Button>
            )}
            {permissions.office && (
              <Button type="primary" onClick={() => navigate(`/plans/${planId}/draws/new`)} data-testid="draw-start">
                开始抽取
              </Button>
            )}
          </Flex>
        }
      >
        {plan && <PlanDescriptions plan={plan} />}
      </Card>
      <Card title={<CardHeading>检查任务</CardHeading>} id="inspections">
        <PlanInspections planId={planId} />
      </Card>
      {plan && <PlanCheckItems planId={planId} departments={plan.participatingDepartments} ownDepartment={permissions.department} departmentAdmin={permissions.departmentAdmin} />}
    </DetailPageBody>
  );
}

/** Props of {@link PlanCheckItems}. */
interface PlanCheckItemsProps {
  planId: string;
  departments: readonly DepartmentCode[];
  ownDepartment: DepartmentCode | null;
  departmentAdmin: boolean;
}

/**
 * 检查事项 (R-ITEM-4): each participating department's items of the plan, from its own remote; the
 * department's admin maintains its own (others read). A department's staff start on their own.
 */
function PlanCheckItems({ planId, departments, ownDepartment, departmentAdmin }: PlanCheckItemsProps) {
  const remotes = DEPARTMENT_REMOTES.filter((remote) => departments.includes(remote.department));
  const [selected, setSelected] = useState<DepartmentCode>(ownDepartment && departments.includes(ownDepartment) ? ownDepartment : remotes[0]?.department);
  const remote = remotes.find((candidate) => candidate.department === selected);
  return (
    <Card title={<CardHeading>检查事项</CardHeading>} data-testid="plan-check-items">
      <Segmented<DepartmentCode>
        value={selected}
        onChange={setSelected}
        options={remotes.map((candidate) => ({ value: candidate.department, label: departmentName(candidate.department) }))}
        style={{ marginBottom: 12 }}
        data-testid="plan-check-items-department"
      />
      {remote && <RemoteCheckItems key={remote.key} remote={remote} planId={planId} readOnly={!(departmentAdmin && ownDepartment === remote.department)} />}
    </Card>
  );
}
