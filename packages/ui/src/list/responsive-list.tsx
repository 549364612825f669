import type { HTMLAttributes, Key, ReactNode } from 'react';
import { Card, Empty, Flex, Skeleton, Table, type TableColumnsType } from 'antd';
import { useIsPhone } from '../theme/use-is-phone';

/** Props of {@link ResponsiveList}. */
export interface ResponsiveListProps<T> {
  items: readonly T[];
  rowKey: (item: T) => Key;
  /** Table columns for wide screens. */
  columns: TableColumnsType<T>;
  /** One card per item on a phone. */
  renderCard: (item: T) => ReactNode;
  /** `data-testid` of each row or card, so tests find items the same way at every size. */
  itemTestId?: (item: T) => string;
  loading?: boolean;
  emptyText?: string;
  /** Minimum table width; narrower screens scroll the table sideways. */
  scrollX?: number;
  testId?: string;
}

/** The attributes antd puts on a table row; `data-*` keys are valid there but not in React's type. */
function rowAttributes(testId: string): HTMLAttributes<HTMLElement> {
  return { 'data-testid': testId } as HTMLAttributes<HTMLElement>;
}

/**
 * A table on wide screens and a column of cards on a phone, from the same data: admin tables with
 * many columns are unreadable at 360 px even when scrolled.
 */
export function ResponsiveList<T extends object>(props: ResponsiveListProps<T>) {
  const isPhone = useIsPhone();
  const emptyText = props.emptyText ?? '暂无数据';

  if (!isPhone) {
    return (
      <Table<T>
        dataSource={props.items as T[]}
        columns={props.columns}
        rowKey={props.rowKey}
        loading={props.loading}
        pagination={false}
        // An empty table scrolls nothing worth reading, and a scroll region with nothing to focus in it
        // cannot be reached by keyboard (WCAG 2.1.1): scroll only when there are rows.
        scroll={props.items.length ? { x: props.scrollX ?? 'max-content' } : undefined}
        locale={{ emptyText }}
        onRow={props.itemTestId ? (item) => rowAttributes(props.itemTestId!(item)) : undefined}
        data-testid={props.testId}
      />
    );
  }
  if (props.loading && props.items.length === 0) {
    return (
      <div data-testid={props.testId}>
        <Skeleton active />
      </div>
    );
  }
  if (props.items.length === 0) {
    return <Empty description={emptyText} data-testid={props.testId} />;
  }
  return (
    <Flex vertical gap={12} data-testid={props.testId}>
      {props.items.map((item) => (
        <Card key={props.rowKey(item)} size="small" data-testid={props.itemTestId?.(item)}>
          {props.renderCard(item)}
        </Card>
      ))}
    </Flex>
  );
}
