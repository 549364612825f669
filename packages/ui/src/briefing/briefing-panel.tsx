import { useState } from 'react';
import type { TypedDocumentNode } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Flex, Form, Input, List, Typography } from 'antd';
import { describeGraphQLError } from '@dr/graphql-client';
import { CardHeading } from '../layout/card-heading';
import { formatDateTime } from '../format/date-format';

/** One issue of a department's 专项简报, as each remote's query aliases it. */
export interface BriefingIssue {
  id: string;
  issue: number;
  highlights: string;
  problems: string;
  suggestions: string;
  createdByName: string;
  createdAt: string;
}

/** A department's own briefing operations (its codegen-checked documents, aliased to these names). */
export interface BriefingOperations {
  briefings: TypedDocumentNode<{ briefings: { totalCount: number; nodes: BriefingIssue[] } }, { planId: string; first: number }>;
  submitBriefing: TypedDocumentNode<{ submitBriefing: BriefingIssue }, { input: { planId: string; highlights: string; problems: string; suggestions: string } }>;
}

/** Props of {@link BriefingPanel}. */
export interface BriefingPanelProps {
  planId: string;
  operations: BriefingOperations;
  /** The department's admin files briefings; its other staff read them. */
  canSubmit: boolean;
  testId: string;
}

interface BriefingValues {
  highlights: string;
  problems: string;
  suggestions: string;
}
const PARTS: { name: keyof BriefingValues; label: string; placeholder: string }[] = [
  { name: 'highlights', label: '工作亮点', placeholder: '如：实现“进一次门、查多项事”，减少对经营者的干扰' },
  { name: 'problems', label: '存在问题', placeholder: '如：部分场所未按规定悬挂许可证' },
  { name: 'suggestions', label: '意见和建议', placeholder: '如：加强日常巡查与宣传' },
];

/**
 * 专项简报 (R-REP-1): the department's admin files an issue (highlights, problems, suggestions); the
 * issues so far are listed newest first. The joint office compiles the latest of each department.
 */
export function BriefingPanel({ planId, operations, canSubmit, testId }: BriefingPanelProps) {
  const [form] = Form.useForm<BriefingValues>();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const { data, error: loadError, refetch } = useQuery(operations.briefings, { variables: { planId, first: 20 } });
  const [submit, { loading }] = useMutation(operations.submitBriefing);

  const send = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      const result = await submit({ variables: { input: { planId, highlights: values.highlights ?? '', problems: values.problems ?? '', suggestions: values.suggestions ?? '' } } });
      message.success(`第 ${result.data?.submitBriefing.issue ?? ''} 期专项简报已报送`);
      form.resetFields();
      await refetch();
    } catch (failure) {
      setError(describeGraphQLError(failure));
    }
  };

  return (
    <Flex vertical gap={16} data-testid={testId}>
      {canSubmit && (
        <Card title={<CardHeading>报送专项简报</CardHeading>}>
          <Form form={form} layout="vertical">
            {PARTS.map((part) => (
              <Form.Item key={part.name} name={part.name} label={part.label}>
                <Input.TextArea rows={4} maxLength={5000} showCount placeholder={part.placeholder} data-testid={`briefing-${part.name}`} />
              </Form.Item>
            ))}
            {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
            <Button type="primary" loading={loading} onClick={() => void send()} data-testid="briefing-submit">
              报送
            </Button>
          </Form>
        </Card>
      )}
      <Card title={<CardHeading>已报送的专项简报</CardHeading>}>
        {loadError ? (
          <Typography.Text type="danger">{describeGraphQLError(loadError)}</Typography.Text>
        ) : (
          <List
            loading={!data}
            dataSource={data?.briefings.nodes ?? []}
            locale={{ emptyText: <Typography.Text>尚未报送专项简报</Typography.Text> }}
            renderItem={(b) => (
              <List.Item data-testid="briefing-issue">
                <Flex vertical gap={4} style={{ width: '100%' }}>
                  <Typography.Text strong>
                    第 {b.issue} 期　{b.createdByName}　{formatDateTime(b.createdAt)}
                  </Typography.Text>
                  {PARTS.map((part) => (
                    <Typography.Paragraph key={part.name} style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
                      <Typography.Text type="secondary">{part.label}：</Typography.Text>
                      {b[part.name] || '（未填写）'}
                    </Typography.Paragraph>
                  ))}
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
    </Flex>
  );
}
