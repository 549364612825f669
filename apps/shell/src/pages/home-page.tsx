import { useQuery } from '@apollo/client/react';
import { Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { CursorPager, departmentName, formatDate, formatDateRange, ResponsiveList, useCursorPages } from '@dr/ui';
import { PlanListDocument, type PlanListQuery } from '../generated/graphql';
import { usePageFrame } from '../layout/page-frame';
import { LoadError } from './page-states';

type PlanRow = PlanListQuery['plans']['nodes'][number];

/** The joint office's home: every joint inspection plan, newest first as the server orders them. */
export function HomePage() {
  usePageFrame('抽查计划', [{ title: '抽查计划' }]);
  const navigate = useNavigate();
  const pages = useCursorPages(20);
  const { data, previousData, loading, error, refetch } = useQuery(PlanListDocument, {
    variables: { first: pages.first, after: pages.after },
    notifyOnNetworkStatusChange: true,
  });
  const plans = (data ?? previousData)?.plans;

  if (error && !plans) return <LoadError what="抽查计划" error={error} onRetry={() => void refetch()} />;

  return (
    <Card title="部门联合抽查计划" data-testid="plan-list">
      <ResponsiveList<PlanRow>
        items={plans?.nodes ?? []}
        rowKey={(plan) => plan.id}
        itemTestId={(plan) => `plan-item-${plan.id}`}
        loading={loading}
        emptyText="暂无抽查计划"
        columns={[
          { title: '文号', dataIndex: 'documentNumber', width: 200 },
          {
            title: '计划名称',
            dataIndex: 'title',
            width: 360,
            render: (title: string, plan) => (
              <Link to={`/plans/${plan.id}`} data-testid="plan-open">
                {title}
              </Link>
            ),
          },
          { title: '印发日期', dataIndex: 'issueDate', width: 140, render: (value: string) => formatDate(value) },
          {
            title: '检查时间',
            key: 'window',
            width: 260,
            render: (_: unknown, plan) => formatDateRange(plan.windowStart, plan.windowEnd),
          },
          {
            title: '牵头部门',
            dataIndex: 'leadDepartment',
            width: 110,
            render: (value: PlanRow['leadDepartment']) => <Tag color="blue">{departmentName(value)}</Tag>,
          },
        ]}
        renderCard={(plan) => (
          <Flex vertical gap={8}>
            <Typography.Text strong>{plan.title}</Typography.Text>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'number', label: '文号', children: plan.documentNumber },
                { key: 'window', label: '检查时间', children: formatDateRange(plan.windowStart, plan.windowEnd) },
                { key: 'lead', label: '牵头部门', children: departmentName(plan.leadDepartment) },
              ]}
            />
            <Button type="primary" block onClick={() => navigate(`/plans/${plan.id}`)} data-testid="plan-open">
              查看计划
            </Button>
          </Flex>
        )}
      />
      {plans && <CursorPager pages={pages} totalCount={plans.totalCount} pageInfo={plans.pageInfo} loading={loading} />}
    </Card>
  );
}
