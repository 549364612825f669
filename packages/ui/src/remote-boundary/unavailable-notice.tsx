import { Button, Result } from 'antd';
import ReloadOutlined from '@ant-design/icons/es/icons/ReloadOutlined';

/** Props of {@link UnavailableNotice}. */
export interface UnavailableNoticeProps {
  /** What is unavailable, e.g. `文广旅模块暂时无法加载`. */
  title: string;
  description?: string;
  onRetry: () => void;
  retrying?: boolean;
  /** `data-testid` of the notice; its retry button gets `${testId}-retry`. */
  testId?: string;
}

/**
 * The Chinese "temporarily unavailable" notice with a 重试 button, shown where one part of the page
 * failed while the rest keeps working.
 */
export function UnavailableNotice(props: UnavailableNoticeProps) {
  const testId = props.testId ?? 'unavailable';
  return (
    <Result
      status="warning"
      title={props.title}
      subTitle={props.description ?? '其他部门的检查内容不受影响，可稍后重试。'}
      extra={
        <Button type="primary" icon={<ReloadOutlined />} loading={props.retrying} onClick={props.onRetry} data-testid={`${testId}-retry`}>
          重试
        </Button>
      }
      data-testid={testId}
    />
  );
}
