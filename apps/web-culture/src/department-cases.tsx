import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Input, List, Space, Tag, Typography } from 'antd';
import { CultureAdvancePenaltyCaseDocument, CultureFilePenaltyCaseDocument, CulturePenaltyCasesDocument } from './generated/graphql';

const STAGES = { AWAITING_FILING: '待立案', FILED: '立案', INVESTIGATING: '调查', DECIDED: '处罚决定', CLOSED: '结案' } as const;
const NEXT = { FILED: 'INVESTIGATING', INVESTIGATING: 'DECIDED', DECIDED: 'CLOSED' } as const;

/** Today in China time, YYYY-MM-DD. */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * Culture's penalty cases (from results “发现问题待后续处理”): filed with a 立案号 and moved forward by the
 * culture admin; exposed as `./DepartmentCases` (ADR 0014). One column, so it reads on a 360 px phone.
 */
export function DepartmentCases() {
  const { data, loading, error } = useQuery(CulturePenaltyCasesDocument);
  const [file] = useMutation(CultureFilePenaltyCaseDocument);
  const [advance] = useMutation(CultureAdvancePenaltyCaseDocument);
  const [numbers, setNumbers] = useState<Record<string, string>>({});
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
    <Card title="行政处罚案件" data-testid="culture-penalty-cases" style={{ maxWidth: 960 }}>
      {error && <Alert type="error" showIcon message="案件列表暂时无法读取，请稍后重试" />}
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      <List
        loading={loading}
        dataSource={data?.culturePenaltyCases.nodes ?? []}
        locale={{ emptyText: '暂无案件：检查结果为“发现问题待后续处理”并公示后，会在这里移交' }}
        renderItem={(item) => (
          <List.Item>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text strong>
                {item.venueName} <Tag>{STAGES[item.state]}</Tag>
              </Typography.Text>
              <Typography.Text type="secondary">
                移交日期 {item.handedOffOn}
                {item.caseNumber && `　立案号 ${item.caseNumber}（${item.filedOn}）`}　当前阶段自 {item.stateOn}
              </Typography.Text>
              {item.state === 'AWAITING_FILING' && (
                <Space wrap>
                  <Input placeholder="立案号" aria-label="立案号" value={numbers[item.id] ?? ''} onChange={(event) => setNumbers({ ...numbers, [item.id]: event.target.value })} style={{ width: 200 }} />
                  <Button type="primary" onClick={() => run(() => file({ variables: { input: { id: item.id, expectedVersion: item.version, caseNumber: numbers[item.id] ?? '', filedOn: today() } } }))}>
                    立案
                  </Button>
                </Space>
              )}
              {item.state in NEXT && (
                <Button onClick={() => run(() => advance({ variables: { input: { id: item.id, expectedVersion: item.version, to: NEXT[item.state as keyof typeof NEXT], on: today() } } }))}>
                  进入“{STAGES[NEXT[item.state as keyof typeof NEXT]]}”
                </Button>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
