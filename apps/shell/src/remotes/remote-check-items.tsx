import { lazy, Suspense, useMemo, useState } from 'react';
import { Skeleton } from 'antd';
import { departmentName, RemoteBoundary } from '@dr/ui';
import { loadCheckItems, type DepartmentRemote } from './department-remotes';

/** Props of {@link RemoteCheckItems}. */
export interface RemoteCheckItemsProps {
  remote: DepartmentRemote;
  planId: string;
  readOnly: boolean;
}

/** One department's 检查事项 of a plan: its remote's `./CheckItems`, isolated like a tab, with 重试. */
export function RemoteCheckItems({ remote, planId, readOnly }: RemoteCheckItemsProps) {
  const [attempt, setAttempt] = useState(0);
  const CheckItems = useMemo(() => lazy(async () => ({ default: await loadCheckItems(remote, attempt > 0) })), [remote, attempt]);
  return (
    <div data-testid={`remote-check-items-${remote.key}`}>
      <RemoteBoundary title={`${departmentName(remote.department)}检查事项暂时无法加载`} onRetry={() => setAttempt((count) => count + 1)} testId={`${remote.key}-check-items-fallback`}>
        <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
          <CheckItems planId={planId} readOnly={readOnly} />
        </Suspense>
      </RemoteBoundary>
    </div>
  );
}
