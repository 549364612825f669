import { lazy, Suspense, useMemo, useState } from 'react';
import { Skeleton } from 'antd';
import { departmentName, RemoteBoundary } from '@dr/ui';
import { loadWorkbench, type DepartmentRemote } from './department-remotes';

/** Props of {@link RemoteWorkbench}. */
export interface RemoteWorkbenchProps {
  remote: DepartmentRemote;
  readOnly: boolean;
}

/**
 * One department's workbench: its remote's `./Workbench`, loaded at run time and isolated by an error
 * boundary whose 重试 loads the remote afresh (as {@link RemoteInspectionTab} does for a tab).
 */
export function RemoteWorkbench({ remote, readOnly }: RemoteWorkbenchProps) {
  const [attempt, setAttempt] = useState(0);
  const Workbench = useMemo(() => lazy(async () => ({ default: await loadWorkbench(remote, attempt > 0) })), [remote, attempt]);
  return (
    <div data-testid={`remote-workbench-${remote.key}`}>
      <RemoteBoundary
        title={`${departmentName(remote.department)}工作台暂时无法加载`}
        onRetry={() => setAttempt((count) => count + 1)}
        testId={`${remote.key}-workbench-fallback`}
      >
        <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
          <Workbench readOnly={readOnly} />
        </Suspense>
      </RemoteBoundary>
    </div>
  );
}
