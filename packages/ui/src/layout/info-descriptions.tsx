import { Descriptions, type DescriptionsProps } from 'antd';
import { useIsPhone } from '../theme/use-is-phone';

/** Props of {@link InfoDescriptions}. */
export interface InfoDescriptionsProps {
  items: NonNullable<DescriptionsProps['items']>;
  testId?: string;
}

/**
 * A register of particulars (文号, 印发单位, …): a bordered table of two label/value pairs a row on
 * wide screens; on a phone plain `label：value` lines, since a bordered label column would leave the
 * values a few characters wide.
 */
export function InfoDescriptions({ items, testId }: InfoDescriptionsProps) {
  const isPhone = useIsPhone();
  return (
    <Descriptions
      bordered={!isPhone}
      size={isPhone ? 'small' : 'medium'}
      column={isPhone ? 1 : 2}
      items={items}
      data-testid={testId}
    />
  );
}
