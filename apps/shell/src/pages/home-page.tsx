import { useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { Button, Flex, Tag } from 'antd';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import CopyOutlined from '@ant-design/icons/es/icons/CopyOutlined';
import { useNavigate } from 'react-router-dom';
import { usePageFrame } from '../layout/page-frame';
import { usePermissions } from '../session/use-permissions';
import { PlanForFormDocument, type PlanFormFieldsFragment } from '../generated/graphql';
import { PlanListCard, type PlanRow } from './plan-list-card';
import { PlanFormDrawer, type PlanFormMode } from './plan-form-drawer';
import { WorkbenchReminder } from './workbench-reminder';
import { PlanDashboard } from './dashboard/plan-dashboard';

/**
 * The home page: the dashboard (进度看板) for the office and department admins, then every joint
 * inspection plan, newest first as the server orders them. The office sets up a plan here (新建计划),
 * starts from the latest one (复制上年计划), or edits a plan until its first draw.
 */
export function HomePage() {
  usePageFrame('抽查计划', [{ title: '抽查计划' }]);
  const navigate = useNavigate();
  const client = useApolloClient();
  const { department, office, departmentAdmin } = usePermissions();
  const [mode, setMode] = useState<PlanFormMode | null>(null);
  const [latest, setLatest] = useState<PlanRow | null>(null);

  const load = async (plan: PlanRow): Promise<PlanFormFieldsFragment | null> =>
    (await client.query({ query: PlanForFormDocument, variables: { id: plan.id }, fetchPolicy: 'network-only' })).data?.plan ?? null;
  const open = async (plan: PlanRow | null, kind: 'copy' | 'edit') => {
    const full = plan && (await load(plan));
    if (!full) return;
    setMode(kind === 'copy' ? { kind, from: full } : { kind, plan: full });
  };

  return (
    <>
      {department && <WorkbenchReminder department={department} />}
      {/* 进度看板: the office sees every department, a department admin the own one. */}
      {(office || departmentAdmin) && <PlanDashboard departments={office ? ['CULTURE', 'MARKET', 'FIRE'] : [department!]} />}
      <PlanListCard
        title="部门联合抽查计划"
        testId="plan-list"
        itemTestId={(plan) => `plan-item-${plan.id}`}
        onLoaded={(plans) => setLatest(plans[0] ?? null)}
        intro={
          office && (
            <Flex gap={8} wrap style={{ marginBottom: 16 }}>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setMode({ kind: 'create' })} data-testid="plan-create">
                新建计划
              </Button>
              <Button icon={<CopyOutlined />} disabled={!latest} onClick={() => void open(latest, 'copy')} data-testid="plan-copy">
                复制上年计划
              </Button>
            </Flex>
          )
        }
        actionsWidth={office ? 120 : undefined}
        actions={(plan, block) => (
          <Flex vertical={block} gap={8}>
            {block && (
              <Button type="primary" block onClick={() => navigate(`/plans/${plan.id}`)} data-testid="plan-open">
                查看计划
              </Button>
            )}
            {office &&
              (plan.editable ? (
                <Button block={block} onClick={() => void open(plan, 'edit')} data-testid="plan-edit">
                  修改
                </Button>
              ) : (
                <Tag>已抽取，不可修改</Tag>
              ))}
          </Flex>
        )}
      />
      <PlanFormDrawer
        mode={mode}
        onClose={() => setMode(null)}
        onSaved={(plan) => {
          setMode(null);
          void client.refetchQueries({ include: ['PlanList'] });
          navigate(`/plans/${plan.id}`);
        }}
      />
    </>
  );
}
