import type { ReactNode } from 'react';
import { Card } from 'antd';
import { CardHeading, CursorPager, ResponsiveList, type CursorPages, type ResponsiveListProps } from '@dr/ui';
import { DirectoryToolbar } from './directory-toolbar';

/** Props of {@link DirectoryCard}. */
export interface DirectoryCardProps<T> {
  title: string;
  testId: string;
  filters: ReactNode;
  actions: ReactNode;
  /** The page of records on screen, as the list shows it (table or phone cards). */
  list: ResponsiveListProps<T>;
  pages: CursorPages;
  /** The connection's count and paging, once loaded. */
  connection: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor?: string | null } } | undefined;
  /** The directory's drawers and dialogs (edit form, import wizard). */
  children: ReactNode;
}

/** One directory of 一单两库: toolbar, the records a page at a time, and its forms. */
export function DirectoryCard<T extends object>({ title, testId, filters, actions, list, pages, connection, children }: DirectoryCardProps<T>) {
  return (
    <Card title={<CardHeading>{title}</CardHeading>} data-testid={testId}>
      <DirectoryToolbar filters={filters} actions={actions} />
      <ResponsiveList<T> {...list} />
      {connection && <CursorPager pages={pages} totalCount={connection.totalCount} pageInfo={connection.pageInfo} loading={list.loading} />}
      {children}
    </Card>
  );
}
