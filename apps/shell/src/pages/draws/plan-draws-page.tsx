import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { CursorPager, DRAW_STATUS, formatDateRange, formatDateTime, ResponsiveList, useCursorPages } from '@dr/ui';
import { PlanDetailDocument, PlanDrawsDocument, type PlanDrawsQuery } from '../../generated/graphql';
import { HashText } from '../../components/hash-text';
import { usePageFrame } from '../../layout/page-frame';
import { usePermissions } from '../../session/use-permissions';
import { DetailPageBody, LoadError } from '../page-states';
import { RedrawModal } from './redraw-modal';
import type { DrawWizardRouteState } from './draw-wizard-state';

type DrawRow = PlanDrawsQuery['draws']['nodes'][number];

/** What the wizard needs to know when it is opened for a redraw. */
function redrawTarget(planId: string, draw: DrawRow, reason: string): { to: string; state: DrawWizardRouteState } {
  return { to: `/plans/${planId}/draws/new?supersedes=${draw.id}`, state: { redrawReason: reason } };
}

/** Status, and whether a later draw replaced this one. */
function StatusTags({ draw, supersededBy }: { draw: DrawRow; supersededBy: DrawRow | undefined }) {
  const status = DRAW_STATUS[draw.status];
  return (
    <Flex gap={4} wrap>
      <Tag color={status.color} data-testid="draw-status">
        {status.label}
      </Tag>
      {supersededBy && (
        <Tag color="default" data-testid="draw-superseded">
          已被重新抽取取代
        </Tag>
      )}
      {draw.supersedesId && <Tag color="purple">重新抽取</Tag>}
    </Flex>
  );
}

/** What happened: the failure naming the venue and department, or the reason of a redraw. */
function DrawNote({ draw }: { draw: DrawRow }) {
  if (draw.failureMessage) {
    return (
      <Typography.Text type="danger" data-testid="draw-failure">
        {draw.failureMessage}
      </Typography.Text>
    );
  }
  if (draw.redrawReason) {
    return <Typography.Text type="secondary">重新抽取理由：{draw.redrawReason}</Typography.Text>;
  }
  return null;
}

/**
 * Every draw of a plan, newest first, failed and superseded ones included: the record of who drew
 * what and why a batch was drawn again. The joint office starts, resumes and redraws from here.
 */
export function PlanDrawsPage() {
  const { planId = '' } = useParams();
  const navigate = useNavigate();
  const permissions = usePermissions();
  const pages = useCursorPages(20);
  const plan = useQuery(PlanDetailDocument, { variables: { id: planId } });
  const { data, previousData, loading, error, refetch } = useQuery(PlanDrawsDocument, {
    variables: { planId, first: pages.first, after: pages.after },
    notifyOnNetworkStatusChange: true,
    fetchPolicy: 'cache-and-network',
  });
  const [redrawing, setRedrawing] = useState<DrawRow | null>(null);
  const draws = (data ?? previousData)?.draws;
  const planRecord = plan.data?.plan;
  usePageFrame(`${planRecord?.documentNumber ?? '抽查计划'} 抽取记录`, [
    { title: '双随机抽取', to: '/draws' },
    { title: planRecord?.documentNumber ?? '抽查计划', to: `/plans/${planId}` },
    { title: '抽取记录' },
  ]);

  const supersededBy = (draw: DrawRow) => draws?.nodes.find((other) => other.supersedesId === draw.id);
  const openDraw = (draw: DrawRow) => navigate(`/plans/${planId}/draws/${draw.id}`);

  const rowActions = (draw: DrawRow, block: boolean) => {
    const standing = !supersededBy(draw);
    return (
      <Flex gap={block ? 8 : 0} vertical wrap align={block ? 'stretch' : 'start'}>
        <Button type={block ? 'default' : 'link'} block={block} onClick={() => openDraw(draw)} data-testid="draw-open">
          {permissions.office && draw.status === 'COMMITTED' && standing ? '继续揭示' : '查看'}
        </Button>
        {permissions.office && standing && (
          <Button type={block ? 'default' : 'link'} block={block} onClick={() => setRedrawing(draw)} data-testid="draw-redraw">
            重新抽取
          </Button>
        )}
      </Flex>
    );
  };

  return (
    <DetailPageBody what="抽查计划" record={planRecord} loading={plan.loading} error={plan.error} onRetry={() => void plan.refetch()} testId="plan-draws-page">
      <Card
        title="抽取记录"
        extra={
          permissions.office && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/plans/${planId}/draws/new`)} data-testid="draw-start">
              开始抽取
            </Button>
          )
        }
      >
        {planRecord && (
          <Typography.Paragraph>
            <Link to={`/plans/${planId}`}>{planRecord.documentNumber}</Link>　检查时间窗口：{formatDateRange(planRecord.windowStart, planRecord.windowEnd)}
          </Typography.Paragraph>
        )}
        {error && !draws ? (
          <LoadError what="抽取记录" error={error} onRetry={() => void refetch()} />
        ) : (
          <ResponsiveList<DrawRow>
            items={draws?.nodes ?? []}
            rowKey={(draw) => draw.id}
            itemTestId={(draw) => `draw-item-${draw.id}`}
            loading={loading}
            emptyText="该计划尚未抽取"
            testId="draw-list"
            columns={[
              {
                title: '批次',
                key: 'batch',
                width: 330,
                render: (_: unknown, draw) => (
                  <Flex vertical gap={4}>
                    <Typography.Text strong>{draw.batch}</Typography.Text>
                    <DrawNote draw={draw} />
                  </Flex>
                ),
              },
              { title: '状态', key: 'status', width: 150, render: (_: unknown, draw) => <StatusTags draw={draw} supersededBy={supersededBy(draw)} /> },
              { title: '承诺', key: 'commitment', width: 180, render: (_: unknown, draw) => <HashText value={draw.commitment} short={12} /> },
              { title: '抽中', dataIndex: 'drawnCount', width: 70, render: (value: number | null) => (value == null ? '—' : `${value} 家`) },
              { title: '公布承诺时间', dataIndex: 'createdAt', width: 150, render: (value: string) => formatDateTime(value) },
              // Pinned right: at 1366 px a long commitment or note scrolls the table, never the actions away.
              { title: '操作', key: 'actions', width: 110, fixed: 'right', render: (_: unknown, draw) => rowActions(draw, false) },
            ]}
            renderCard={(draw) => (
              <Flex vertical gap={8}>
                <Flex justify="space-between" align="start" gap={8}>
                  <Typography.Text strong>{draw.batch}</Typography.Text>
                  <StatusTags draw={draw} supersededBy={supersededBy(draw)} />
                </Flex>
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'commitment', label: '承诺', children: <HashText value={draw.commitment} short={12} /> },
                    { key: 'snapshot', label: '名录快照', children: `${draw.venueCount} 家 / ${draw.inspectorCount} 人` },
                    { key: 'drawn', label: '抽中', children: draw.drawnCount == null ? '—' : `${draw.drawnCount} 家` },
                    { key: 'created', label: '公布承诺', children: formatDateTime(draw.createdAt) },
                    ...(draw.failureMessage || draw.redrawReason ? [{ key: 'note', label: '说明', children: <DrawNote draw={draw} /> }] : []),
                  ]}
                />
                {rowActions(draw, true)}
              </Flex>
            )}
          />
        )}
        {draws && <CursorPager pages={pages} totalCount={draws.totalCount} pageInfo={draws.pageInfo} loading={loading} />}
      </Card>
      <RedrawModal
        draw={redrawing}
        onCancel={() => setRedrawing(null)}
        onConfirm={(reason) => {
          if (!redrawing) return;
          const target = redrawTarget(planId, redrawing, reason);
          setRedrawing(null);
          navigate(target.to, { state: target.state });
        }}
      />
    </DetailPageBody>
  );
}
