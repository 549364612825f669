import type { ReactNode } from 'react';
import { Flex } from 'antd';
import { useIsPhone } from '@dr/ui';

/** Props of {@link DirectoryToolbar}. */
export interface DirectoryToolbarProps {
  /** Search box and filter selects. */
  filters: ReactNode;
  /** 新增 / 导入 / 导出 buttons. */
  actions: ReactNode;
}

/**
 * The bar above a directory table: filters on the left, actions on the right; on a phone both stack
 * and every control takes the full width.
 */
export function DirectoryToolbar({ filters, actions }: DirectoryToolbarProps) {
  const isPhone = useIsPhone();
  return (
    <Flex vertical={isPhone} justify="space-between" align={isPhone ? 'stretch' : 'start'} gap={12} style={{ marginBottom: 16 }}>
      <Flex vertical={isPhone} gap={8} wrap style={{ flex: 1 }} data-testid="directory-filters">
        {filters}
      </Flex>
      <Flex gap={8} wrap justify={isPhone ? 'start' : 'end'} data-testid="directory-actions">
        {actions}
      </Flex>
    </Flex>
  );
}
