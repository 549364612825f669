import { useQuery } from '@apollo/client/react';
import { Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { CardHeading, CursorPager, departmentName, INSPECTION_STATUS, ResponsiveList, riskClassColor, riskClassLabel, useCursorPages, type DepartmentCode } from '@dr/ui';
import { DrawInspectionsDocument, type DrawDetailQuery, type DrawInspectionsQuery } from '../../generated/graphql';
import { describeStratumRule } from '../../draw/draw-parameters';
import type { DrawNames } from '../../draw/use-draw-names';
import { LoadError } from '../page-states';

type Draw = NonNullable<DrawDetailQuery['draw']>;
type Outcome = NonNullable<Draw['outcome']>;
type InspectionRow = NonNullable<DrawInspectionsQuery['draw']>['inspections']['nodes'][number];

function StrataTable({ draw, outcome }: { draw: Draw; outcome: Outcome }) {
  const rows = outcome.selections.map((selection, index) => ({ ...selection, rule: draw.parameters.strata[index] }));
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="riskClass"
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '信用风险分类', dataIndex: 'riskClass', render: (value: string) => <Tag color={riskClassColor(value)}>{riskClassLabel(value)}</Tag> },
        { title: '抽取规则', key: 'rule', render: (_: unknown, row) => (row.rule ? describeStratumRule(row.rule) : '—') },
        { title: '符合条件', dataIndex: 'eligible', align: 'right', render: (value: number) => `${value} 家` },
        { title: '抽中', dataIndex: 'drawn', align: 'right', render: (value: number) => <Typography.Text strong>{value} 家</Typography.Text> },
      ]}
      data-testid="draw-strata-summary"
    />
  );
}

function WorkloadTable({ outcome, names }: { outcome: Outcome; names: DrawNames }) {
  const officer = (id: string) => names.officers.get(id)?.name ?? `执法人员 ${id}`;
  const venue = (id: string) => names.venues.get(id)?.name ?? `检查对象 ${id}`;
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="department"
      dataSource={outcome.workload}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '部门', dataIndex: 'department', render: (value: DepartmentCode) => departmentName(value) },
        { title: '可参加人员', dataIndex: 'officers', align: 'right', render: (value: number) => `${value} 人` },
        { title: '每人检查组数', key: 'spread', render: (_: unknown, row) => (row.min === row.max ? `均为 ${row.min} 组` : `${row.min}–${row.max} 组`) },
        {
          title: '说明',
          key: 'explanation',
          render: (_: unknown, row) =>
            row.explanation.length === 0 ? (
              <Typography.Text type="secondary">{row.max - row.min <= 1 ? '任务量相差不超过 1 组' : '—'}</Typography.Text>
            ) : (
              <Flex vertical gap={2}>
                <Typography.Text>因回避申报，任务量相差超过 1 组：</Typography.Text>
                {row.explanation.map((item) => (
                  <Typography.Text key={`${item.officerId}-${item.venueId}`} type="secondary">
                    {officer(item.officerId)} 申报回避 {venue(item.venueId)}
                  </Typography.Text>
                ))}
              </Flex>
            ),
        },
      ]}
      data-testid="draw-workload"
    />
  );
}

/** The inspections the draw created, a page at a time, each linking to its page. */
function DrawInspections({ drawId }: { drawId: string }) {
  const pages = useCursorPages(10);
  const { data, previousData, loading, error, refetch } = useQuery(DrawInspectionsDocument, {
    variables: { id: drawId, first: pages.first, after: pages.after },
    notifyOnNetworkStatusChange: true,
  });
  const connection = (data ?? previousData)?.draw?.inspections;
  if (error && !connection) return <LoadError what="检查任务" error={error} onRetry={() => void refetch()} />;
  const members = (row: InspectionRow) => row.team.members.map((member) => `${member.name}（${departmentName(member.department)}）`).join('、');
  const status = (row: InspectionRow) => <Tag color={INSPECTION_STATUS[row.status].color}>{INSPECTION_STATUS[row.status].label}</Tag>;
  return (
    <>
      <ResponsiveList<InspectionRow>
        items={connection?.nodes ?? []}
        rowKey={(row) => row.id}
        itemTestId={(row) => `draw-inspection-${row.id}`}
        loading={loading}
        emptyText="本次抽取未生成检查任务"
        testId="draw-inspections"
        columns={[
          {
            title: '检查对象',
            key: 'venue',
            width: 220,
            render: (_: unknown, row) => (
              <Link to={`/inspections/${row.id}`} data-testid="inspection-open">
                {row.venue.name}
              </Link>
            ),
          },
          { title: '街道', key: 'street', width: 120, render: (_: unknown, row) => row.venue.street },
          { title: '风险分类', key: 'risk', width: 110, render: (_: unknown, row) => <Tag color={riskClassColor(row.venue.riskClass)}>{riskClassLabel(row.venue.riskClass)}</Tag> },
          { title: '组长', key: 'leader', width: 110, render: (_: unknown, row) => row.team.leader.name },
          { title: '组员', key: 'members', width: 360, render: (_: unknown, row) => members(row) },
          { title: '状态', key: 'status', width: 90, render: (_: unknown, row) => status(row) },
        ]}
        renderCard={(row) => (
          <Flex vertical gap={6}>
            <Flex justify="space-between" gap={8}>
              <Link to={`/inspections/${row.id}`} data-testid="inspection-open">
                {row.venue.name}
              </Link>
              {status(row)}
            </Flex>
            <Typography.Text type="secondary">
              {row.venue.street}　组长：{row.team.leader.name}
            </Typography.Text>
            <Typography.Text type="secondary">组员：{members(row)}</Typography.Text>
          </Flex>
        )}
      />
      {connection && <CursorPager pages={pages} totalCount={connection.totalCount} pageInfo={connection.pageInfo} loading={loading} />}
    </>
  );
}

/** Props of {@link DrawSummary}. */
export interface DrawSummaryProps {
  draw: Draw;
  names: DrawNames;
}

/**
 * After the display: per stratum how many were eligible and drawn, what was excluded and why, how
 * evenly each department's officers were loaded (with the conflicts that explain any gap), and the
 * inspections created.
 */
export function DrawSummary({ draw, names }: DrawSummaryProps) {
  const outcome = draw.outcome;
  if (!outcome) return null;
  const { excluded } = outcome;
  return (
    <Flex vertical gap={16} data-testid="draw-summary">
      <Card size="small" title={<CardHeading>抽取结果汇总</CardHeading>}>
        <Flex vertical gap={12}>
          <StrataTable draw={draw} outcome={outcome} />
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 2, md: 4 }}
            title="未参加抽取的检查对象"
            items={[
              { key: 'filtered', label: '不在定向街道', children: `${excluded.filteredOut} 家` },
              { key: 'notOperating', label: '非营业状态', children: `${excluded.notOperating} 家` },
              { key: 'recent', label: '近期已检查且未发现问题', children: `${excluded.recentlyInspected} 家` },
              { key: 'otherClass', label: '不属于所抽分层', children: `${excluded.otherClass} 家` },
            ]}
            data-testid="draw-exclusions"
          />
        </Flex>
      </Card>
      <Card size="small" title={<CardHeading>各部门执法人员任务量</CardHeading>}>
        <WorkloadTable outcome={outcome} names={names} />
      </Card>
      <Card size="small" title={<CardHeading>{`生成的检查任务（${draw.drawnCount ?? 0} 项）`}</CardHeading>}>
        <DrawInspections drawId={draw.id} />
      </Card>
    </Flex>
  );
}
