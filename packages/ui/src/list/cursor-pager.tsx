import { Button, Flex, Select, Typography } from 'antd';
import { useIsPhone } from '../theme/use-is-phone';
import type { CursorPages } from './use-cursor-pages';

/** Props of {@link CursorPager}. */
export interface CursorPagerProps {
  pages: CursorPages;
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  loading?: boolean;
  pageSizes?: number[];
}

/**
 * Pager for cursor-paginated lists (`first`/`after`): the server gives no random access, so the
 * pager moves one page at a time and shows where the user is.
 */
export function CursorPager({ pages, totalCount, pageInfo, loading, pageSizes = [10, 20, 50] }: CursorPagerProps) {
  const isPhone = useIsPhone();
  const pageCount = Math.max(1, Math.ceil(totalCount / pages.first));
  return (
    <Flex align="center" justify="end" gap={8} wrap style={{ marginTop: 16 }} data-testid="cursor-pager">
      <Typography.Text type="secondary" style={isPhone ? { flex: 1 } : undefined} data-testid="cursor-pager-status">
        共 {totalCount} 条，第 {pages.page}/{pageCount} 页
      </Typography.Text>
      <Button onClick={pages.previous} disabled={pages.page <= 1 || loading} data-testid="cursor-pager-previous">
        上一页
      </Button>
      <Button onClick={() => pages.next(pageInfo.endCursor)} disabled={!pageInfo.hasNextPage || loading} data-testid="cursor-pager-next">
        下一页
      </Button>
      {!isPhone && (
        <Select
          value={pages.first}
          onChange={pages.changePageSize}
          options={pageSizes.map((size) => ({ value: size, label: `${size} 条/页` }))}
          style={{ width: 112 }}
          aria-label="每页条数"
        />
      )}
    </Flex>
  );
}
