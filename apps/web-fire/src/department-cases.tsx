import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, List, Typography } from 'antd';
import { fetchGatewayFile } from '@dr/graphql-client';
import { FireOrderNoticesDocument } from './generated/graphql';

/** What the shell hands the module: where the gateway is (the PDFs go with the session cookie; a token only for callers outside the browser). */
export interface DepartmentCasesProps {
  gatewayUrl: string;
  token?: string | null;
}

/**
 * Fire's 责令改正通知书 list with a PDF download for each, exposed as `./DepartmentCases` (ADR 0014).
 * One column of cards, so it reads on a 360 px phone.
 */
export function DepartmentCases({ gatewayUrl, token }: DepartmentCasesProps) {
  const { data, loading, error, fetchMore } = useQuery(FireOrderNoticesDocument);
  const [downloadFailed, setDownloadFailed] = useState(false);
  const page = data?.fireOrderNotices;

  async function open(path: string, name: string) {
    setDownloadFailed(false);
    try {
      const blob = await (await fetchGatewayFile({ gatewayUrl, path, token })).blob();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `${name}.pdf`;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch {
      setDownloadFailed(true);
    }
  }

  return (
    <Card title="责令改正通知书" data-testid="fire-order-notices" style={{ maxWidth: 960 }}>
      {error && <Alert type="error" showIcon message="通知书列表暂时无法读取，请稍后重试" />}
      {downloadFailed && <Alert type="error" showIcon message="下载失败，请稍后重试" style={{ marginBottom: 12 }} />}
      <List
        loading={loading}
        dataSource={page?.nodes ?? []}
        locale={{ emptyText: '暂无通知书：检查签字后，限期改正的责令会在这里生成通知书' }}
        renderItem={(notice) => (
          <List.Item
            actions={[
              <Button key="pdf" type="link" onClick={() => open(notice.pdfUrl, `${notice.documentNumber}-${notice.venueName}`)}>
                下载 PDF
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={`${notice.documentNumber}　${notice.venueName}`}
              description={
                <>
                  <Typography.Paragraph style={{ marginBottom: 4 }}>{notice.itemTitle ? `${notice.itemTitle}：${notice.orderContent}` : notice.orderContent}</Typography.Paragraph>
                  <Typography.Text type="secondary">改正期限 {notice.rectificationDeadline}　出具日期 {notice.issuedOn}</Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
      {page?.pageInfo.hasNextPage && (
        <Button block onClick={() => fetchMore({ variables: { after: page.pageInfo.endCursor }, updateQuery: (previous, { fetchMoreResult }) => ({ fireOrderNotices: { ...fetchMoreResult.fireOrderNotices, nodes: [...previous.fireOrderNotices.nodes, ...fetchMoreResult.fireOrderNotices.nodes] } }) })}>
          加载更多
        </Button>
      )}
    </Card>
  );
}
