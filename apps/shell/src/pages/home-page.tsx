import { Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { usePageFrame } from '../layout/page-frame';
import { usePermissions } from '../session/use-permissions';
import { PlanListCard } from './plan-list-card';
import { WorkbenchReminder } from './workbench-reminder';
import { PlanDashboard } from './dashboard/plan-dashboard';

/** The home page: the dashboard for the office and department admins, then every plan, newest first as the server orders them. */
export function HomePage() {
  usePageFrame('抽查计划', [{ title: '抽查计划' }]);
  const navigate = useNavigate();
  const { department, office, departmentAdmin } = usePermissions();
  return (
    <>
      {department && <WorkbenchReminder department={department} />}
      {/* 进度看板: the office sees every department, a department admin the own one. */}
      {(office || departmentAdmin) && <PlanDashboard departments={office ? ['CULTURE', 'MARKET', 'FIRE'] : [department!]} />}
      <PlanListCard
        title="部门联合抽查计划"
        testId="plan-list"
        itemTestId={(plan) => `plan-item-${plan.id}`}
        actions={(plan, block) =>
          block && (
            <Button type="primary" block onClick={() => navigate(`/plans/${plan.id}`)} data-testid="plan-open">
              查看计划
            </Button>
          )
        }
      />
    </>
  );
}
