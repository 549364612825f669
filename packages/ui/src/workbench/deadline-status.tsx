import { Flex, Tag, Typography } from 'antd';
import ClockCircleOutlined from '@ant-design/icons/es/icons/ClockCircleOutlined';
import ExclamationCircleOutlined from '@ant-design/icons/es/icons/ExclamationCircleOutlined';
import { formatDate } from '../format/date-format';
import { deadlineText, deadlineUrgency } from './deadline-urgency';

/** Props of {@link DeadlineStatus}. */
export interface DeadlineStatusProps {
  /** `YYYY-MM-DD`, or null when the holiday calendar of that year is not loaded yet. */
  deadline: string | null | undefined;
  overdue: boolean;
  workingDaysLeft?: number | null;
  testId?: string;
}

/**
 * A deadline with what it means today: overdue in red with the words 已超期, a 即将到期 tag within the
 * reminder window, otherwise the working days left. `data-urgency` lets tests read the state.
 */
export function DeadlineStatus({ deadline, overdue, workingDaysLeft, testId }: DeadlineStatusProps) {
  const urgency = deadlineUrgency({ overdue, workingDaysLeft });
  const text = deadlineText({ overdue, workingDaysLeft });
  return (
    <Flex gap={6} wrap align="center" data-testid={testId} data-urgency={urgency}>
      <span>{deadline ? formatDate(deadline) : '期限待定'}</span>
      {urgency === 'OVERDUE' && (
        <Typography.Text type="danger" strong>
          <ExclamationCircleOutlined /> {text}
        </Typography.Text>
      )}
      {urgency === 'DUE_SOON' && (
        <Tag color="orange" icon={<ClockCircleOutlined />} style={{ marginInlineEnd: 0 }} data-testid={testId && `${testId}-reminder`}>
          即将到期 · {text}
        </Tag>
      )}
      {urgency === 'ON_TIME' && <Typography.Text type="secondary">{text}</Typography.Text>}
    </Flex>
  );
}
