import { Descriptions, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatDate, ResponsiveList } from '@dr/ui';
import type { PublicResultRowFragment } from '../../generated/graphql';

/** The page address of one venue's results, stable for as long as its 统一社会信用代码 is. */
export function publicVenuePath(uscc: string): string {
  return `/public/results/venue/${encodeURIComponent(uscc)}`;
}

const rowKey = (row: PublicResultRowFragment) => `${row.inspectionId}-${row.department}`;

/** The result labels, and under them every correction (更正) with its date and reason. */
function ResultCell({ row }: { row: PublicResultRowFragment }) {
  return (
    <Flex vertical gap={4}>
      <span>
        {row.resultLabels.join('；')}
        {row.corrections.length > 0 && (
          <Tag color="orange" style={{ marginLeft: 8 }} data-testid="public-result-corrected">
            更正
          </Tag>
        )}
      </span>
      {row.corrections.map((correction) => (
        <Typography.Text key={correction.revision} type="secondary" style={{ fontSize: 13 }} data-testid="public-result-correction">
          {formatDate(correction.correctedOn)}更正：{correction.reason}
        </Typography.Text>
      ))}
    </Flex>
  );
}

/** Props of {@link PublicResultList}. */
export interface PublicResultListProps {
  rows: readonly PublicResultRowFragment[];
  loading?: boolean;
  /** Whether the name links to the venue's own page (not on that page itself). */
  linkVenue?: boolean;
  emptyText?: string;
}

/** Published results: a table on a wide screen, one card per result on a phone. */
export function PublicResultList({ rows, loading, linkVenue = true, emptyText = '暂无公示结果' }: PublicResultListProps) {
  const name = (row: PublicResultRowFragment) =>
    linkVenue ? (
      <Link to={publicVenuePath(row.uscc)} data-testid="public-result-venue-link">
        {row.venueName}
      </Link>
    ) : (
      row.venueName
    );
  return (
    <ResponsiveList<PublicResultRowFragment>
      items={rows}
      rowKey={rowKey}
      itemTestId={() => 'public-result'}
      loading={loading}
      emptyText={emptyText}
      testId="public-results"
      columns={[
        { title: '名称', key: 'name', width: 220, render: (_: unknown, row) => name(row) },
        { title: '统一社会信用代码', dataIndex: 'uscc', width: 190 },
        { title: '街道', dataIndex: 'street', width: 110 },
        { title: '检查部门', dataIndex: 'departmentName', width: 190 },
        { title: '检查结果', key: 'result', width: 260, render: (_: unknown, row) => <ResultCell row={row} /> },
        { title: '检查日期', dataIndex: 'inspectedOn', width: 130, render: (value: string) => formatDate(value) },
        { title: '公示日期', dataIndex: 'publishedOn', width: 130, render: (value: string) => formatDate(value) },
      ]}
      renderCard={(row) => (
        <Flex vertical gap={8}>
          <Typography.Text strong>{name(row)}</Typography.Text>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'uscc', label: '统一社会信用代码', children: row.uscc },
              { key: 'street', label: '街道', children: row.street },
              { key: 'department', label: '检查部门', children: row.departmentName },
              { key: 'result', label: '检查结果', children: <ResultCell row={row} /> },
              { key: 'inspected', label: '检查日期', children: formatDate(row.inspectedOn) },
              { key: 'published', label: '公示日期', children: formatDate(row.publishedOn) },
            ]}
          />
        </Flex>
      )}
    />
  );
}
