import { Segmented, Skeleton } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { departmentName } from '@dr/ui';
import { usePageFrame } from '../layout/page-frame';
import { DEPARTMENT_REMOTES } from '../remotes/department-remotes';
import { RemoteWorkbench } from '../remotes/remote-workbench';
import { usePermissions } from '../session/use-permissions';

/**
 * 工作台: department staff work their own department's results, referrals and follow-ups; the joint
 * office switches between every department's workbench and only reads (the departments refuse its
 * writes anyway). Each workbench comes from its department's remote at run time.
 */
export function WorkbenchPage() {
  usePageFrame('工作台', [{ title: '工作台' }]);
  const permissions = usePermissions();
  const [params, setParams] = useSearchParams();
  if (!permissions.known) return <Skeleton active />;
  const own = DEPARTMENT_REMOTES.find((remote) => remote.department === permissions.department);
  const chosen = DEPARTMENT_REMOTES.find((remote) => remote.key === params.get('department'));
  // Staff always see their own department; others (the office) pick one, the lead department first.
  const remote = own ?? chosen ?? DEPARTMENT_REMOTES[0];
  return (
    <div data-testid="workbench-page">
      {!own && (
        <Segmented
          block
          value={remote.key}
          onChange={(key) => setParams({ department: String(key) }, { replace: true })}
          options={DEPARTMENT_REMOTES.map((item) => ({ value: item.key, label: <span data-testid={`workbench-switch-${item.key}`}>{departmentName(item.department)}</span> }))}
          style={{ marginBottom: 16 }}
          data-testid="workbench-switcher"
        />
      )}
      <RemoteWorkbench key={remote.key} remote={remote} readOnly={!own} />
    </div>
  );
}
