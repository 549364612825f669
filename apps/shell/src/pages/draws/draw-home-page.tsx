import { Button, Flex, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { usePageFrame } from '../../layout/page-frame';
import { usePermissions } from '../../session/use-permissions';
import { PlanListCard } from '../plan-list-card';

/** 抽取: draws belong to a plan; this page leads to each plan's draws and, for the joint office, a new one. */
export function DrawHomePage() {
  usePageFrame('双随机抽取', [{ title: '双随机抽取' }]);
  const navigate = useNavigate();
  const permissions = usePermissions();
  return (
    <PlanListCard
      title="双随机抽取"
      testId="draw-home"
      itemTestId={(plan) => `draw-plan-${plan.id}`}
      intro={
        <Typography.Paragraph type="secondary">
          随机抽取检查对象、随机选派执法检查人员。各参与方先公布种子承诺，再当场公开种子，抽取结果由公开的算法确定，任何人均可凭抽取凭证重新计算验证。
        </Typography.Paragraph>
      }
      actionsWidth={220}
      actions={(plan, block) => (
        <Flex gap={8} vertical={block}>
          <Button block={block} onClick={() => navigate(`/plans/${plan.id}/draws`)} data-testid="plan-draws-open">
            抽取记录
          </Button>
          {permissions.office && (
            <Button type="primary" block={block} onClick={() => navigate(`/plans/${plan.id}/draws/new`)} data-testid="draw-start">
              开始抽取
            </Button>
          )}
        </Flex>
      )}
    />
  );
}
