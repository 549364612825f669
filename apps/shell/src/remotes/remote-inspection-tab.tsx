import { lazy, Suspense, useMemo, useState } from 'react';
import { Skeleton } from 'antd';
import { departmentName, RemoteBoundary } from '@dr/ui';
import { loadInspectionTab, type DepartmentRemote } from './department-remotes';

/** Props of {@link RemoteInspectionTab}. */
export interface RemoteInspectionTabProps {
  remote: DepartmentRemote;
  inspectionId: string;
  /** The day of the visit, handed to the remote for its 改正期限 check. */
  visitDay?: string | null;
}

/**
 * One department's tab: its remote's `./InspectionTab`, loaded when first shown, isolated by an
 * error boundary whose 重试 loads the remote afresh.
 */
export function RemoteInspectionTab({ remote, inspectionId, visitDay }: RemoteInspectionTabProps) {
  const [attempt, setAttempt] = useState(0);
  const Tab = useMemo(
    () => lazy(async () => ({ default: await loadInspectionTab(remote, attempt > 0) })),
    [remote, attempt],
  );
  return (
    <div data-testid={`remote-tab-${remote.key}`}>
      <RemoteBoundary
        title={`${departmentName(remote.department)}模块暂时无法加载`}
        onRetry={() => setAttempt((count) => count + 1)}
        testId={`${remote.key}-remote-fallback`}
      >
        <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
          <Tab inspectionId={inspectionId} visitDay={visitDay} />
        </Suspense>
      </RemoteBoundary>
    </div>
  );
}
