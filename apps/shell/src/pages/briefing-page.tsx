import { lazy, Suspense, useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useParams } from 'react-router-dom';
import { Alert, Skeleton } from 'antd';
import { departmentName, RemoteBoundary } from '@dr/ui';
import { PlanDetailDocument } from '../generated/graphql';
import { usePageFrame } from '../layout/page-frame';
import { DEPARTMENT_REMOTES, loadBriefing } from '../remotes/department-remotes';
import { usePermissions } from '../session/use-permissions';

/**
 * 专项简报 (R-REP-1): a department's staff see their department's briefings for the plan, and its admin
 * files new ones, in the department's own remote (`./Briefing`), isolated like a tab.
 */
export function BriefingPage() {
  const { planId = '' } = useParams();
  const permissions = usePermissions();
  const { data } = useQuery(PlanDetailDocument, { variables: { id: planId } });
  const plan = data?.plan;
  usePageFrame('专项简报', [{ title: '抽查计划', to: '/' }, { title: plan?.documentNumber ?? '计划详情', to: `/plans/${planId}` }, { title: '专项简报' }]);
  const remote = DEPARTMENT_REMOTES.find((item) => item.department === permissions.department);
  const [attempt, setAttempt] = useState(0);
  const Briefing = useMemo(() => (remote ? lazy(async () => ({ default: await loadBriefing(remote, attempt > 0) })) : null), [remote, attempt]);
  if (!permissions.known) return <Skeleton active />;
  if (!remote || !Briefing) return <Alert type="info" showIcon message="专项简报由各部门报送；联席办请在“报表”页面下载专项简报汇编。" />;
  return (
    <div data-testid="briefing-page">
      <RemoteBoundary title={`${departmentName(remote.department)}专项简报暂时无法加载`} onRetry={() => setAttempt((count) => count + 1)} testId={`${remote.key}-briefing-fallback`}>
        <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
          <Briefing planId={planId} canSubmit={permissions.mayImportInspectors} />
        </Suspense>
      </RemoteBoundary>
    </div>
  );
}
