import { useCallback, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Flex, Result, Skeleton, Spin, Steps, Typography } from 'antd';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { DRAW_STATUS, formatDateRange, todayInChina, useIsPhone } from '@dr/ui';
import { DrawDetailDocument, PlanDetailDocument, type DrawDetailQuery } from '../../generated/graphql';
import { defaultParameterValues, parameterValuesOf, type DrawParameterValues } from '../../draw/draw-parameters';
import { useDrawNames } from '../../draw/use-draw-names';
import { useDrawReceipt, type ReceiptStage } from '../../draw/use-draw-receipt';
import { usePageFrame } from '../../layout/page-frame';
import { usePermissions } from '../../session/use-permissions';
import { LoadError } from '../page-states';
import { DrawAnimation } from './draw-animation';
import { DrawCommitStep } from './draw-commit-step';
import { DrawCommitmentCard } from './draw-commitment-card';
import { DrawParametersStep } from './draw-parameters-step';
import { DrawReceiptStep } from './draw-receipt-step';
import { DrawRevealStep } from './draw-reveal-step';
import { DrawSummary } from './draw-summary';
import { DRAW_STEPS, STEP, type DrawWizardRouteState } from './draw-wizard-state';
import { RedrawModal } from './redraw-modal';

type Draw = NonNullable<DrawDetailQuery['draw']>;

const STAGE_TEXT: Record<ReceiptStage, string> = {
  idle: '正在获取抽取凭证…',
  fetch: '正在获取抽取凭证…',
  parse: '正在读取抽取凭证…',
  compute: '正在按公开算法重新计算抽取过程…',
  done: '',
  failed: '',
};

/** Steps 4 and 5 of a completed draw: the display with the summary, and the receipt. */
function CompletedDraw({ draw, live, view, onView }: { draw: Draw; live: boolean; view: 'result' | 'receipt'; onView: (view: 'result' | 'receipt') => void }) {
  const receipt = useDrawReceipt(draw.receiptPath);
  const names = useDrawNames(draw.id, true);
  const [played, setPlayed] = useState(false);
  const finish = useCallback(() => setPlayed(true), []);
  // A draw revealed just now shows its summary after the display; one looked up later at once.
  const displayed = !live || played;

  if (view === 'receipt') return <DrawReceiptStep draw={draw} receipt={receipt} names={names} />;
  const error = receipt.error ?? names.error;
  return (
    <Flex vertical gap={16} data-testid="draw-result-step">
      {live && <Alert type="success" showIcon title={`抽取完成：抽中 ${draw.drawnCount ?? 0} 家检查对象，已生成检查任务`} data-testid="draw-completed" />}
      {error && <Alert type="error" showIcon title={error} action={<Button onClick={receipt.retry}>重试</Button>} />}
      {!error && (!receipt.replay || names.loading) && (
        <Flex vertical align="center" gap={8} style={{ padding: 32 }}>
          <Spin size="large" />
          <Typography.Text type="secondary">{STAGE_TEXT[receipt.stage] || '正在读取检查对象与执法人员名称…'}</Typography.Text>
        </Flex>
      )}
      {receipt.replay && !names.loading && <DrawAnimation replay={receipt.replay} names={names} animate={live && !played} onFinished={finish} />}
      {displayed && <DrawSummary draw={draw} names={names} />}
      <Flex justify="end">
        <Button type="primary" onClick={() => onView('receipt')} data-testid="draw-to-receipt">
          下一步：抽取凭证
        </Button>
      </Flex>
    </Flex>
  );
}

/** Props of {@link DrawWizard}. */
interface DrawWizardProps {
  planId: string;
  /** `new`, or the draw to resume or review. */
  drawId: string;
  /** For a new draw that replaces another (重新抽取). */
  supersedesId: string | null;
}

function DrawWizard({ planId, drawId, supersedesId }: DrawWizardProps) {
  const isNew = drawId === 'new';
  const navigate = useNavigate();
  const location = useLocation();
  const isPhone = useIsPhone();
  const permissions = usePermissions();
  const routeState = location.state as DrawWizardRouteState | null;
  const redrawReason = routeState?.redrawReason;

  const planQuery = useQuery(PlanDetailDocument, { variables: { id: planId } });
  const drawQuery = useQuery(DrawDetailDocument, { variables: { id: drawId }, skip: isNew });
  const supersededQuery = useQuery(DrawDetailDocument, { variables: { id: supersedesId ?? '' }, skip: !supersedesId });

  const [parameters, setParameters] = useState<DrawParameterValues | null>(null);
  const [partiesStep, setPartiesStep] = useState(false);
  const committedHere = !!routeState?.justCommitted;
  const [revealing, setRevealing] = useState(false);
  const [revealedHere, setRevealedHere] = useState(false);
  const [view, setView] = useState<'result' | 'receipt'>('result');
  const [redrawing, setRedrawing] = useState<Draw | null>(null);

  const plan = planQuery.data?.plan;
  const draw = drawQuery.data?.draw ?? null;
  const superseded = supersededQuery.data?.draw ?? null;
  const batch = draw?.batch ?? parameters?.batch ?? superseded?.batch;
  usePageFrame(batch ? `抽取 ${batch}` : '双随机抽取', [
    { title: '双随机抽取', to: '/draws' },
    { title: plan ? `${plan.documentNumber} 抽取记录` : '抽取记录', to: `/plans/${planId}/draws` },
    { title: batch ?? '新的抽取' },
  ]);

  const loadError = planQuery.error ?? drawQuery.error ?? supersededQuery.error;
  if (loadError && !plan) return <LoadError what="抽取" error={loadError} onRetry={() => void Promise.all([planQuery.refetch(), drawQuery.refetch()])} />;
  const loading = !plan || (isNew && !permissions.known) || (!isNew && drawQuery.loading && !draw) || (!!supersedesId && supersededQuery.loading && !superseded);
  if (loading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (!isNew && !draw) {
    return <Result status="404" title="未找到该抽取" extra={<Link to={`/plans/${planId}/draws`}>返回抽取记录</Link>} data-testid="draw-not-found" />;
  }
  if (isNew && permissions.known && !permissions.office) {
    return <Result status="403" title="只有联席办管理员可以发起抽取" subTitle="部门人员可以查看抽取记录和抽取结果。" extra={<Link to={`/plans/${planId}/draws`}>查看抽取记录</Link>} data-testid="draw-forbidden" />;
  }

  let current: number = STEP.parameters;
  if (isNew) current = partiesStep ? STEP.commitment : STEP.parameters;
  else if (draw?.status === 'COMMITTED') current = committedHere && !revealing ? STEP.commitment : STEP.reveal;
  else if (draw?.status === 'COMPLETED') current = view === 'receipt' ? STEP.receipt : STEP.result;
  else current = STEP.reveal;
  const completed = draw?.status === 'COMPLETED';

  const initial = parameters ?? (superseded ? { ...parameterValuesOf(superseded.parameters), redrawReason } : defaultParameterValues(plan, todayInChina()));

  const content = () => {
    if (isNew && !partiesStep) {
      return (
        <DrawParametersStep
          plan={plan}
          initial={initial}
          redraw={!!supersedesId}
          onNext={(values) => {
            setParameters(values);
            setPartiesStep(true);
          }}
        />
      );
    }
    if (isNew && parameters) {
      return (
        <DrawCommitStep
          plan={plan}
          parameters={parameters}
          supersedesId={supersedesId}
          onBack={() => setPartiesStep(false)}
          onCommitted={(committed) => {
            // The secrets stay with the parties, not in this page: from here on the URL names the draw.
            const state: DrawWizardRouteState = { justCommitted: true };
            navigate(`/plans/${planId}/draws/${committed.id}`, { replace: true, state });
          }}
        />
      );
    }
    if (!draw) return null;
    if (draw.status === 'COMMITTED' && current === STEP.commitment) {
      return (
        <Flex vertical gap={16}>
          <Alert type="success" showIcon title="承诺已公布" description="名录快照、抽取参数和各方种子承诺已固定。请各参与方保管好本方种子，在揭示环节当场输入。" data-testid="draw-committed" />
          <DrawCommitmentCard draw={draw} />
          <Flex justify="end">
            <Button type="primary" onClick={() => setRevealing(true)} data-testid="draw-to-reveal">
              下一步：揭示种子
            </Button>
          </Flex>
        </Flex>
      );
    }
    if (draw.status === 'COMMITTED') {
      return (
        <Flex vertical gap={16}>
          <DrawCommitmentCard draw={draw} />
          {permissions.office ? (
            <DrawRevealStep draw={draw} onRevealed={() => setRevealedHere(true)} />
          ) : (
            <Alert type="info" showIcon title="等待联席办组织各参与方揭示种子" />
          )}
        </Flex>
      );
    }
    if (draw.status === 'FAILED') {
      return (
        <Flex vertical gap={16}>
          <Result
            status="error"
            title="本次抽取未能完成"
            subTitle={draw.failureMessage}
            extra={
              permissions.office && (
                <Button type="primary" onClick={() => setRedrawing(draw)} data-testid="draw-redraw">
                  重新抽取
                </Button>
              )
            }
            data-testid="draw-failed"
          />
          <Typography.Paragraph type="secondary">
            抽取失败时不放宽任何规则：请核实名录（如请假、执法证有效期、回避申报）或调整参数后重新抽取；本次记录保留备查。
          </Typography.Paragraph>
          <DrawCommitmentCard draw={draw} />
        </Flex>
      );
    }
    return <CompletedDraw draw={draw} live={revealedHere} view={view} onView={setView} />;
  };

  const status = draw ? DRAW_STATUS[draw.status] : null;
  return (
    <Flex vertical gap={16} data-testid="draw-wizard">
      <Card
        title={batch ? `双随机抽取：${batch}` : '双随机抽取：新的批次'}
        extra={status && <Typography.Text data-testid="draw-wizard-status">{status.label}</Typography.Text>}
      >
        <Typography.Paragraph type="secondary">
          {plan.documentNumber}　检查时间窗口：{formatDateRange(plan.windowStart, plan.windowEnd)}
        </Typography.Paragraph>
        {(draw?.supersedes ?? superseded) && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`重新抽取：取代批次“${(draw?.supersedes ?? superseded)?.batch}”的抽取`}
            description={draw?.redrawReason ?? redrawReason ?? undefined}
          />
        )}
        <Steps
          size="small"
          current={current}
          status={draw?.status === 'FAILED' ? 'error' : 'process'}
          onChange={(step) => completed && setView(step === STEP.receipt ? 'receipt' : 'result')}
          items={DRAW_STEPS.map((title, index) => ({ title, disabled: !completed || index < STEP.result }))}
          // Five short titles fit a phone's width side by side; stacked they would fill the screen.
          responsive={false}
          titlePlacement={isPhone ? 'vertical' : 'horizontal'}
          data-testid="draw-steps"
        />
      </Card>
      {content()}
      <RedrawModal
        draw={redrawing}
        onCancel={() => setRedrawing(null)}
        onConfirm={(reason) => {
          if (!redrawing) return;
          const state: DrawWizardRouteState = { redrawReason: reason };
          setRedrawing(null);
          navigate(`/plans/${planId}/draws/new?supersedes=${redrawing.id}`, { state });
        }}
      />
    </Flex>
  );
}

/**
 * The double-random draw as a wizard (R-DRAW-1..3): 参数 → 承诺 → 揭示 → 结果 → 凭证. `new` in the URL
 * starts a batch (`?supersedes=` draws a batch again); once committed the URL names the draw, so a
 * committed draw can be resumed at 揭示 and a completed one reviewed. Only the joint office runs draws;
 * department staff may look at them.
 */
export function DrawWizardPage() {
  const { planId = '', drawId = 'new' } = useParams();
  const [searchParams] = useSearchParams();
  const supersedesId = drawId === 'new' ? searchParams.get('supersedes') : null;
  // A fresh wizard for every draw (and every redraw), never one left over from the previous URL.
  return <DrawWizard key={`${drawId}:${supersedesId ?? ''}`} planId={planId} drawId={drawId} supersedesId={supersedesId} />;
}
