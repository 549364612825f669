import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { Alert, Card, Col, Flex, Row, Select, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { CardHeading, departmentName, formatDate, type DepartmentCode } from '@dr/ui';
import { PlanDashboardDocument, PlanListDocument } from '../../generated/graphql';
import { followUpsLink, inspectionsLink, resultsLink } from './dashboard-links';
import { DEPARTMENT_STAGES, departmentFigures, departmentStageCounts, OFFICE_STAGES, type DepartmentFigures, type OfficeFigures } from './dashboard-figures';

// ECharts is a chunk of its own, loaded after the figures: the home page paints without it.
const EChart = lazy(() => import('./echart'));

const CHART_COLORS = ['#1f5fbf', '#2f9e6a', '#c27c0e', '#7b4fbf'];

function ChartBox({ children, height }: { children: ReactNode; height: number }) {
  return <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height }} />}>{children}</Suspense>;
}

/** A number that opens the list it counts. */
function CountLink({ to, count, testId, label }: { to: string; count: number; testId?: string; label: string }) {
  return (
    <Link to={to} data-testid={testId} aria-label={`${label}：${count}，查看清单`}>
      {count}
    </Link>
  );
}

/** Office stages per street: a stacked-free grouped bar chart and the same figures as a table of links. */
function StreetProgress({ planId, office }: { planId: string; office: OfficeFigures }) {
  const navigate = useNavigate();
  const streets = office.byStreet;
  const option = useMemo(
    () => ({
      color: CHART_COLORS,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: streets.map((row) => row.street), axisLabel: { interval: 0, rotate: streets.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: OFFICE_STAGES.map((stage) => ({ name: stage.label, type: 'bar', data: streets.map((row) => row[stage.key]) })),
    }),
    [streets],
  );
  return (
    <Card title={<CardHeading level={3}>各街道检查进度</CardHeading>} size="small" data-testid="dashboard-streets">
      {streets.length > 0 && (
        <ChartBox height={260}>
          <EChart
            option={option}
            height={260}
            testId="dashboard-streets-chart"
            onClick={({ seriesIndex, dataIndex }) => navigate(inspectionsLink(planId, { stage: OFFICE_STAGES[seriesIndex].stage, street: streets[dataIndex].street }))}
          />
        </ChartBox>
      )}
      <Table
        size="small"
        pagination={false}
        rowKey="street"
        scroll={{ x: 'max-content' }}
        dataSource={[...streets, { street: '合计', ...office.total }]}
        locale={{ emptyText: '本方案暂无检查' }}
        columns={[
          { title: '街道', dataIndex: 'street', key: 'street' },
          ...OFFICE_STAGES.map((stage) => ({
            title: stage.label,
            key: stage.key,
            align: 'right' as const,
            render: (_: unknown, row: { street: string } & Record<(typeof OFFICE_STAGES)[number]['key'], number>) => (
              <CountLink
                to={inspectionsLink(planId, { stage: stage.stage, street: row.street === '合计' ? null : row.street })}
                count={row[stage.key]}
                label={`${row.street}${stage.label}`}
                testId={`dashboard-street-${stage.key}-${row.street}`}
              />
            ),
          })),
        ]}
      />
    </Card>
  );
}

/** The departments' stages after signing, per department. */
function DepartmentProgress({ planId, departments }: { planId: string; departments: { department: DepartmentCode; figures: DepartmentFigures }[] }) {
  const navigate = useNavigate();
  const rows = departments.map(({ department, figures }) => ({ department, counts: departmentStageCounts(figures) }));
  const link = (department: DepartmentCode, index: number) => {
    const stage = DEPARTMENT_STAGES[index];
    return stage.list === 'results' ? resultsLink(department, planId, stage.filter) : followUpsLink(department, planId, stage.filter);
  };
  const option = useMemo(
    () => ({
      color: CHART_COLORS,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: rows.map((row) => departmentName(row.department)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: DEPARTMENT_STAGES.map((stage) => ({ name: stage.label, type: 'bar', data: rows.map((row) => row.counts[stage.key]) })),
    }),
    [rows],
  );
  return (
    <Card title={<CardHeading level={3}>各部门结果进度</CardHeading>} size="small" data-testid="dashboard-departments">
      <ChartBox height={240}>
        <EChart option={option} height={240} testId="dashboard-departments-chart" onClick={({ seriesIndex, dataIndex }) => navigate(link(rows[dataIndex].department, seriesIndex))} />
      </ChartBox>
      <Table
        size="small"
        pagination={false}
        rowKey="department"
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        columns={[
          { title: '部门', key: 'department', render: (_: unknown, row) => departmentName(row.department) },
          ...DEPARTMENT_STAGES.map((stage, index) => ({
            title: stage.label,
            key: stage.key,
            align: 'right' as const,
            render: (_: unknown, row: (typeof rows)[number]) => (
              <CountLink to={link(row.department, index)} count={row.counts[stage.key]} label={`${departmentName(row.department)}${stage.label}`} testId={`dashboard-department-${stage.key}-${row.department}`} />
            ),
          })),
        ]}
      />
    </Card>
  );
}

/** Published results per R-RES-2 code and department. */
function ResultCodes({ planId, departments }: { planId: string; departments: { department: DepartmentCode; figures: DepartmentFigures }[] }) {
  const navigate = useNavigate();
  const codes = departments[0]?.figures.resultCodes.map((row) => ({ code: row.code, label: row.label })) ?? [];
  const count = (figures: DepartmentFigures, code: number) => figures.resultCodes.find((row) => row.code === code)?.count ?? 0;
  const option = useMemo(
    () => ({
      color: CHART_COLORS,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
      yAxis: { type: 'category', inverse: true, data: codes.map((row) => `${row.code} ${row.label}`), axisLabel: { width: 150, overflow: 'truncate' } },
      xAxis: { type: 'value', minInterval: 1 },
      series: departments.map(({ department, figures }) => ({ name: departmentName(department), type: 'bar', stack: 'codes', data: codes.map((row) => count(figures, row.code)) })),
    }),
    [codes, departments],
  );
  return (
    <Card title={<CardHeading level={3}>已公示检查结果代码分布</CardHeading>} size="small" data-testid="dashboard-codes">
      <ChartBox height={320}>
        <EChart
          option={option}
          height={320}
          testId="dashboard-codes-chart"
          onClick={({ seriesIndex, dataIndex }) => navigate(resultsLink(departments[seriesIndex].department, planId, { status: 'PUBLISHED', resultCode: codes[dataIndex].code }))}
        />
      </ChartBox>
      <Table
        size="small"
        pagination={false}
        rowKey="code"
        scroll={{ x: 'max-content' }}
        dataSource={codes}
        columns={[
          { title: '检查结果', key: 'label', render: (_: unknown, row) => `${row.code} ${row.label}` },
          ...departments.map(({ department, figures }) => ({
            title: departmentName(department),
            key: department,
            align: 'right' as const,
            render: (_: unknown, row: (typeof codes)[number]) => (
              <CountLink
                to={resultsLink(department, planId, { status: 'PUBLISHED', resultCode: row.code })}
                count={count(figures, row.code)}
                label={`${departmentName(department)}结果代码${row.code}`}
                testId={`dashboard-code-${row.code}-${department}`}
              />
            ),
          })),
        ]}
      />
    </Card>
  );
}

/** Problems found and rectified, and everything overdue, per department; and the report's own deadline. */
function ProblemsAndOverdue({ planId, office, departments }: { planId: string; office: OfficeFigures; departments: { department: DepartmentCode; figures: DepartmentFigures }[] }) {
  return (
    <Card title={<CardHeading level={3}>问题整改与超期事项</CardHeading>} size="small" data-testid="dashboard-overdue">
      <Flex vertical gap={12}>
        {office.reportOverdue ? (
          <Alert type="error" showIcon data-testid="dashboard-report-overdue" title={`工作总结及汇总表的报送截止日期（${formatDate(office.reportingDeadline)}）已过，请尽快报送`} />
        ) : (
          <Typography.Text data-testid="dashboard-report-deadline">工作总结及汇总表报送截止日期：{formatDate(office.reportingDeadline)}</Typography.Text>
        )}
        <Table
          size="small"
          pagination={false}
          rowKey="department"
          scroll={{ x: 'max-content' }}
          dataSource={departments}
          columns={[
            { title: '部门', key: 'department', render: (_: unknown, row) => departmentName(row.department) },
            { title: '发现问题', key: 'problems', align: 'right', render: (_: unknown, row) => <CountLink to={resultsLink(row.department, planId, { status: 'PUBLISHED', problemFound: true })} count={row.figures.problemsFound} label={`${departmentName(row.department)}发现问题`} testId={`dashboard-problems-${row.department}`} /> },
            { title: '整改到位', key: 'rectified', align: 'right', render: (_: unknown, row) => <CountLink to={followUpsLink(row.department, planId, { outcome: 'RECTIFIED' })} count={row.figures.followUps.rectified} label={`${departmentName(row.department)}整改到位`} testId={`dashboard-rectified-${row.department}`} /> },
            { title: '待复查', key: 'open', align: 'right', render: (_: unknown, row) => <CountLink to={followUpsLink(row.department, planId, { state: 'OPEN' })} count={row.figures.followUps.open} label={`${departmentName(row.department)}待复查`} testId={`dashboard-open-${row.department}`} /> },
            { title: '超期未公示', key: 'publications', align: 'right', render: (_: unknown, row) => <CountLink to={resultsLink(row.department, planId, { overdue: true })} count={row.figures.overdue.publications} label={`${departmentName(row.department)}超期未公示`} testId={`dashboard-overdue-publications-${row.department}`} /> },
            { title: '超期未移送', key: 'referrals', align: 'right', render: (_: unknown, row) => <CountLink to={resultsLink(row.department, planId, { referralOverdue: true })} count={row.figures.overdue.referrals} label={`${departmentName(row.department)}超期未移送`} testId={`dashboard-overdue-referrals-${row.department}`} /> },
            { title: '超期未复查', key: 'followUps', align: 'right', render: (_: unknown, row) => <CountLink to={followUpsLink(row.department, planId, { overdue: true })} count={row.figures.overdue.followUps} label={`${departmentName(row.department)}超期未复查`} testId={`dashboard-overdue-follow-ups-${row.department}`} /> },
          ]}
        />
      </Flex>
    </Card>
  );
}

/**
 * 进度看板: the home page of the joint office (every department) and of a department admin (the own
 * department). Every figure comes from the records through the gateway and opens the list behind it.
 */
export function PlanDashboard({ departments }: { departments: DepartmentCode[] }) {
  const plans = useQuery(PlanListDocument, { variables: { first: 50 } });
  const [chosen, setChosen] = useState<string | null>(null);
  const planId = chosen ?? plans.data?.plans.nodes[0]?.id ?? null;
  const { data, error } = useQuery(PlanDashboardDocument, {
    variables: { planId: planId ?? '', culture: departments.includes('CULTURE'), market: departments.includes('MARKET'), fire: departments.includes('FIRE') },
    skip: !planId,
    fetchPolicy: 'cache-and-network',
  });
  if (plans.data && !planId) return null;
  const office = data?.planProgress;
  const figures = data ? departmentFigures(data) : [];

  return (
    <Card
      title={<CardHeading>进度看板</CardHeading>}
      style={{ marginBottom: 16 }}
      data-testid="dashboard"
      extra={
        <Select
          aria-label="选择抽查计划"
          style={{ minWidth: 200, maxWidth: '100%' }}
          value={planId ?? undefined}
          onChange={setChosen}
          options={plans.data?.plans.nodes.map((plan) => ({ value: plan.id, label: plan.documentNumber })) ?? []}
          data-testid="dashboard-plan"
        />
      }
    >
      {error && !office && <Alert type="error" showIcon title="进度数据暂时无法读取，请稍后刷新" />}
      {!office ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <Row gutter={[12, 12]} data-testid="dashboard-stages">
            {OFFICE_STAGES.map((stage) => (
              <Col key={stage.key} xs={12} md={6}>
                <Link to={inspectionsLink(office.planId, { stage: stage.stage })} data-testid={`dashboard-stage-${stage.key}`} aria-label={`${stage.label}：${office.total[stage.key]}，查看清单`}>
                  <Statistic title={stage.label} value={office.total[stage.key]} />
                </Link>
              </Col>
            ))}
          </Row>
          {figures.length > 0 && <DepartmentProgress planId={office.planId} departments={figures} />}
          <StreetProgress planId={office.planId} office={office} />
          {figures.length > 0 && <ResultCodes planId={office.planId} departments={figures} />}
          <ProblemsAndOverdue planId={office.planId} office={office} departments={figures} />
          {figures.length === 0 && <Tag>各部门的结果进度由部门人员和联席办查看</Tag>}
        </Flex>
      )}
    </Card>
  );
}
