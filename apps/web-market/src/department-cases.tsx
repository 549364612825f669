import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Input, List, Space, Tag, Typography } from 'antd';
import { MarketAbnormalListingsDocument, MarketConfirmAbnormalListingDocument, MarketWithdrawAbnormalListingDocument } from './generated/graphql';

const STATE_LABELS = { PROPOSED: '待确认', CONFIRMED: '已列入', WITHDRAWN: '已撤回' } as const;

/**
 * Market's 经营异常名录 proposals (from results “无法联系”), confirmed or withdrawn by a market admin;
 * exposed as `./DepartmentCases` (ADR 0014). One column, so it reads on a 360 px phone.
 */
export function DepartmentCases() {
  const { data, loading, error } = useQuery(MarketAbnormalListingsDocument);
  const [confirm] = useMutation(MarketConfirmAbnormalListingDocument);
  const [withdraw] = useMutation(MarketWithdrawAbnormalListingDocument);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>) {
    setFailure(null);
    try {
      await action();
    } catch (thrown) {
      setFailure(thrown instanceof Error ? thrown.message : '操作失败，请稍后重试');
    }
  }

  return (
    <Card title="经营异常名录建议" data-testid="market-abnormal-listings" style={{ maxWidth: 960 }}>
      {error && <Alert type="error" showIcon message="建议列表暂时无法读取，请稍后重试" />}
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      <List
        loading={loading}
        dataSource={data?.marketAbnormalListings.nodes ?? []}
        locale={{ emptyText: '暂无建议：检查结果为“无法联系”并公示后，会在这里生成列入建议' }}
        renderItem={(listing) => (
          <List.Item>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text strong>
                {listing.venueName} <Tag>{STATE_LABELS[listing.state]}</Tag>
              </Typography.Text>
              <Typography.Text type="secondary">统一社会信用代码 {listing.venueUscc}　建议日期 {listing.proposedOn}</Typography.Text>
              <Typography.Text>列入事由：{listing.reason}（{listing.legalBasis}）</Typography.Text>
              {listing.withdrawReason && <Typography.Text>撤回理由：{listing.withdrawReason}</Typography.Text>}
              {listing.state === 'PROPOSED' && (
                <Space wrap>
                  <Button type="primary" onClick={() => run(() => confirm({ variables: { input: { id: listing.id, expectedVersion: listing.version } } }))}>
                    确认列入
                  </Button>
                  <Input placeholder="撤回理由" aria-label="撤回理由" value={reasons[listing.id] ?? ''} onChange={(event) => setReasons({ ...reasons, [listing.id]: event.target.value })} style={{ width: 200 }} />
                  <Button onClick={() => run(() => withdraw({ variables: { input: { id: listing.id, expectedVersion: listing.version, reason: reasons[listing.id] ?? '' } } }))}>撤回</Button>
                </Space>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
