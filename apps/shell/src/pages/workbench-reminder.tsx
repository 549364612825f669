import { useQuery } from '@apollo/client/react';
import { Badge, Button, Card, Flex, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { DepartmentCode } from '@dr/ui';
import { WorkbenchRemindersDocument, type WorkbenchRemindersQuery } from '../generated/graphql';

/** Adds up the counts the query returned (only the asked department's fields are present). */
function waiting(data: WorkbenchRemindersQuery | undefined): number {
  if (!data) return 0;
  return Object.values(data).reduce((sum, field) => sum + (field && typeof field === 'object' && 'totalCount' in field ? field.totalCount : 0), 0);
}

/**
 * The home page's badge for department staff: the number of workbench items waiting for their
 * department, linking to 工作台. The office has no own workbench, so it sees none.
 */
export function WorkbenchReminder({ department }: { department: DepartmentCode }) {
  const navigate = useNavigate();
  const { data } = useQuery(WorkbenchRemindersDocument, {
    variables: { culture: department === 'CULTURE', market: department === 'MARKET', fire: department === 'FIRE' },
    fetchPolicy: 'cache-and-network',
  });
  const count = waiting(data);
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="workbench-reminder">
      <Flex align="center" justify="space-between" gap={12} wrap>
        <Flex align="center" gap={12}>
          <Badge count={count} showZero overflowCount={999} data-testid="workbench-reminder-count" />
          <Typography.Text>{count > 0 ? '项工作待办理（待录入、待审核、退回、待答复的移送和近期复查）' : '暂无待办工作'}</Typography.Text>
        </Flex>
        <Button type="primary" onClick={() => navigate('/workbench')} data-testid="workbench-reminder-open">
          打开工作台
        </Button>
      </Flex>
    </Card>
  );
}
