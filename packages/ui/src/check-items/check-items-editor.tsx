import { useState, type ComponentType } from 'react';
import type { TypedDocumentNode } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, Modal, Skeleton, Tag, Typography, type ButtonProps } from 'antd';
import ArrowUpOutlined from '@ant-design/icons/es/icons/ArrowUpOutlined';
import ArrowDownOutlined from '@ant-design/icons/es/icons/ArrowDownOutlined';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { describeGraphQLError } from '@dr/graphql-client';
import { departmentName, type DepartmentCode } from '../format/domain-labels';

/** One check item as the editor shows it (`<Dept>CheckItem`). */
export interface EditableCheckItem {
  id: string;
  code: string;
  title: string;
  legalBasis: string;
  order: number;
  version: number;
  legalReviewPending: boolean;
  frozen: boolean;
}

interface SaveVariables {
  input: { planId: string; checkItemId?: string | null; title: string; legalBasis: string; legalReviewPending?: boolean | null };
}

/** A department's own operations (its `check-items.graphql`), aliased to these names. */
export interface CheckItemOperations {
  items: TypedDocumentNode<{ items: EditableCheckItem[] }, { planId: string }>;
  save: TypedDocumentNode<{ saved: EditableCheckItem }, SaveVariables>;
  reorder: TypedDocumentNode<{ reordered: EditableCheckItem[] }, { input: { planId: string; checkItemIds: string[] } }>;
}

/** Props the shell passes to every department remote's `./CheckItems`. */
export interface CheckItemsProps {
  planId: string;
  /** True for anyone but the department's admin: no buttons (the server refuses such writes anyway). */
  readOnly: boolean;
}

/** What a department remote's `./CheckItems` module exports. */
export interface CheckItemsModule {
  CheckItems: ComponentType<CheckItemsProps>;
}

/** Props of {@link CheckItemsEditor}. */
export interface CheckItemsEditorProps extends CheckItemsProps {
  department: DepartmentCode;
  operations: CheckItemOperations;
  testId: string;
}

interface ItemFormValues {
  title: string;
  legalBasis: string;
  legalReviewPending: boolean;
}

/**
 * 检查事项 (R-ITEM-4): a department's items of one plan, for its admin to add, reword (each save is a new
 * version) and reorder until the plan's draw freezes them. Items whose legal basis awaits a legal
 * officer carry 待法制审核.
 */
export function CheckItemsEditor({ department, planId, readOnly, operations, testId }: CheckItemsEditorProps) {
  const { message } = App.useApp();
  const { data, loading, error, refetch } = useQuery(operations.items, { variables: { planId }, fetchPolicy: 'cache-and-network' });
  const [save, saving] = useMutation(operations.save);
  const [reorder, reordering] = useMutation(operations.reorder);
  const [editing, setEditing] = useState<EditableCheckItem | 'new' | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [form] = Form.useForm<ItemFormValues>();
  const items = [...(data?.items ?? [])].sort((a, b) => a.order - b.order);
  const frozen = items.some((item) => item.frozen);
  const mayEdit = !readOnly && !frozen;

  if (loading && !data) return <Skeleton active />;
  if (error && !data) return <Alert type="error" showIcon title={describeGraphQLError(error)} action={<Button onClick={() => void refetch()}>重试</Button>} />;

  const open = (item: EditableCheckItem | 'new') => {
    setFormError(null);
    form.setFieldsValue(item === 'new' ? { title: '', legalBasis: '', legalReviewPending: false } : { title: item.title, legalBasis: item.legalBasis, legalReviewPending: item.legalReviewPending });
    setEditing(item);
  };
  const submit = async (values: ItemFormValues) => {
    try {
      await save({ variables: { input: { planId, checkItemId: editing === 'new' ? null : editing?.id, title: values.title.trim(), legalBasis: values.legalBasis.trim(), legalReviewPending: values.legalReviewPending } } });
      message.success(editing === 'new' ? '检查事项已新增' : '已保存为新版本');
      setEditing(null);
      await refetch();
    } catch (saveError) {
      setFormError(describeGraphQLError(saveError, { texts: { FORBIDDEN: '只有本部门管理员可以维护检查事项' } }));
    }
  };
  const move = async (index: number, by: -1 | 1) => {
    const ids = items.map((item) => item.id);
    [ids[index], ids[index + by]] = [ids[index + by], ids[index]];
    try {
      await reorder({ variables: { input: { planId, checkItemIds: ids } } });
      await refetch();
    } catch (moveError) {
      message.error(describeGraphQLError(moveError));
    }
  };

  return (
    <Card
      title={`${departmentName(department)}检查事项`}
      extra={mayEdit && <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid={`${testId}-add`}>新增</Button>}
      data-testid={testId}
    >
      {frozen && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="本计划已抽取，检查事项已锁定；检查记录和记录表均按锁定的版本。如需调整，请在下一计划中修改。" />}
      {items.length === 0 && <Typography.Text type="secondary">本计划暂无本部门检查事项</Typography.Text>}
      <Flex vertical gap={12}>
        {items.map((item, index) => (
          <Card key={item.id} size="small" data-testid={`${testId}-item-${item.code}`}>
            <Flex vertical gap={4}>
              <Flex gap={8} wrap align="center">
                <Typography.Text strong>{index + 1}. {item.title}</Typography.Text>
                <Tag>第 {item.version} 版</Tag>
                {item.legalReviewPending && <Tag color="orange" data-testid="legal-review-pending">待法制审核</Tag>}
              </Flex>
              <Typography.Text type="secondary">检查依据：{item.legalBasis}</Typography.Text>
              {mayEdit && (
                <Flex gap={8} wrap>
                  <Button size="small" onClick={() => open(item)} data-testid={`${testId}-edit-${item.code}`}>编辑</Button>
                  <Button size="small" icon={<ArrowUpOutlined />} aria-label={`上移：${item.title}`} disabled={index === 0 || reordering.loading} onClick={() => void move(index, -1)} data-testid={`${testId}-up-${item.code}`} />
                  <Button size="small" icon={<ArrowDownOutlined />} aria-label={`下移：${item.title}`} disabled={index === items.length - 1 || reordering.loading} onClick={() => void move(index, 1)} />
                </Flex>
              )}
            </Flex>
          </Card>
        ))}
      </Flex>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? '新增检查事项' : '编辑检查事项（保存为新版本）'}
        okText="保存"
        cancelText="取消"
        confirmLoading={saving.loading}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
        okButtonProps={{ 'data-testid': `${testId}-save` } as ButtonProps}
      >
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
        <Form<ItemFormValues> form={form} layout="vertical" onFinish={submit}>
          <Form.Item label="检查内容" name="title" rules={[{ required: true, whitespace: true, message: '请填写检查内容' }, { max: 500, message: '不超过 500 个字符' }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid={`${testId}-title`} />
          </Form.Item>
          <Form.Item label="检查依据" name="legalBasis" rules={[{ required: true, whitespace: true, message: '请填写检查依据' }, { max: 500, message: '不超过 500 个字符' }]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid={`${testId}-basis`} />
          </Form.Item>
          <Form.Item name="legalReviewPending" valuePropName="checked">
            <Checkbox>检查依据待法制审核</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
