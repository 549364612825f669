import { Empty, Flex, List, Typography } from 'antd';
import type { AmendmentData } from '@dr/graphql-client';
import { formatDateTime } from '../format/date-format';

/**
 * 更正记录: each amendment after submission with its reason, who and when, and every field's value
 * before and after (the submitted original is kept by the server).
 */
export function AmendmentList({ amendments }: { amendments: readonly AmendmentData[] }) {
  if (amendments.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无更正" style={{ margin: 0 }} data-testid="amendments" />;
  return (
    <List
      size="small"
      dataSource={[...amendments].sort((a, b) => b.version - a.version)}
      data-testid="amendments"
      renderItem={(amendment) => (
        <List.Item style={{ display: 'block', paddingInline: 0 }} data-testid={`amendment-${amendment.version}`}>
          <Flex vertical gap={2}>
            <Typography.Text strong>
              第 {amendment.version} 版 · {amendment.amendedBy ?? '—'} · {formatDateTime(amendment.amendedAt)}
            </Typography.Text>
            <Typography.Text>更正理由：{amendment.reason}</Typography.Text>
            {amendment.changes.map((change, index) => (
              <Typography.Text key={`${change.field}-${index}`} type="secondary">
                {change.label}：{change.before ?? '（空）'} → <Typography.Text>{change.after ?? '（空）'}</Typography.Text>
              </Typography.Text>
            ))}
          </Flex>
        </List.Item>
      )}
    />
  );
}
