import { useEffect, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { CardHeading, CursorPager, departmentName, formatDate, formatDateRange, ResponsiveList, useCursorPages } from '@dr/ui';
import { PlanListDocument, type PlanListQuery } from '../generated/graphql';
import { LoadError } from './page-states';

/** One plan of the list. */
export type PlanRow = PlanListQuery['plans']['nodes'][number];

/** Props of {@link PlanListCard}. */
export interface PlanListCardProps {
  title: string;
  testId: string;
  /** Test id of each row or card. */
  itemTestId: (plan: PlanRow) => string;
  /** A sentence above the list. */
  intro?: ReactNode;
  /** What one can do with a plan: an 操作 column in the table, full-width buttons on a phone card. */
  actions: (plan: PlanRow, block: boolean) => ReactNode;
  /** Width of the 操作 column; without it the table has none (the title links to the plan). */
  actionsWidth?: number;
  /** Told the plans of the first page once loaded (newest first): the home page copies the latest. */
  onLoaded?: (plans: readonly PlanRow[]) => void;
}

/** Every joint inspection plan, newest first as the server orders them, a page at a time. */
export function PlanListCard({ title, testId, itemTestId, intro, actions, actionsWidth, onLoaded }: PlanListCardProps) {
  const pages = useCursorPages(20);
  const { data, previousData, loading, error, refetch } = useQuery(PlanListDocument, {
    variables: { first: pages.first, after: pages.after },
    notifyOnNetworkStatusChange: true,
  });
  const plans = (data ?? previousData)?.plans;
  const firstPage = !pages.after ? data?.plans.nodes : undefined;
  useEffect(() => {
    if (firstPage) onLoaded?.(firstPage);
  }, [firstPage, onLoaded]);

  if (error && !plans) return <LoadError what="抽查计划" error={error} onRetry={() => void refetch()} />;

  return (
    <Card title={<CardHeading>{title}</CardHeading>} data-testid={testId}>
      {intro}
      <ResponsiveList<PlanRow>
        items={plans?.nodes ?? []}
        rowKey={(plan) => plan.id}
        itemTestId={itemTestId}
        loading={loading}
        emptyText="暂无抽查计划"
        columns={[
          { title: '文号', dataIndex: 'documentNumber', width: 200 },
          {
            title: '计划名称',
            dataIndex: 'title',
            width: 360,
            render: (planTitle: string, plan) => (
              <Link to={`/plans/${plan.id}`} data-testid="plan-open">
                {planTitle}
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
          ...(actionsWidth ? [{ title: '操作', key: 'actions', width: actionsWidth, render: (_: unknown, plan: PlanRow) => actions(plan, false) }] : []),
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
            {actions(plan, true)}
          </Flex>
        )}
      />
      {plans && <CursorPager pages={pages} totalCount={plans.totalCount} pageInfo={plans.pageInfo} loading={loading} />}
    </Card>
  );
}
