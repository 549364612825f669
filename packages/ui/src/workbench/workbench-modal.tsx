import { useState, type ReactNode } from 'react';
import { Alert, Form, Modal, type FormInstance } from 'antd';
import { describeGraphQLError } from '@dr/graphql-client';

/** Chinese names of the workbench inputs a BAD_USER_INPUT may point at. */
const FIELD_LABELS: Record<string, string> = {
  'input.summary': '检查结果说明',
  'input.resultCodes': '检查结果代码',
  'input.reason': '理由',
  'input.expectedVersion': '版本',
  'input.reinspectedOn': '复查日期',
  'input.opinion': '复查意见',
  'input.outcome': '复查结论',
};

/** Props of {@link WorkbenchModal}. */
export interface WorkbenchModalProps<V> {
  open: boolean;
  title: string;
  okText: string;
  /** Sends the form's values; a thrown error stays in the dialog, worded by its code. */
  onSubmit: (values: V) => Promise<unknown>;
  onClose: () => void;
  initialValues?: Partial<V>;
  children: (form: FormInstance<V>) => ReactNode;
  testId: string;
}

/**
 * One dialog of the workbench (enter, return, correct, answer, re-inspect): a form whose submit waits
 * for the server, keeps the dialog open on refusal with the reason in Chinese, and closes on success.
 */
export function WorkbenchModal<V extends object>({ open, title, okText, onSubmit, onClose, initialValues, children, testId }: WorkbenchModalProps<V>) {
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: V) => {
    setSaving(true);
    setError(null);
    try {
      await onSubmit(values);
      onClose();
    } catch (failure) {
      setError(describeGraphQLError(failure, { fieldLabels: FIELD_LABELS, texts: { FORBIDDEN: '无权限执行此操作' } }));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      width={560}
      okButtonProps={{ 'data-testid': `${testId}-ok` } as Record<string, string>}
      data-testid={testId}
    >
      <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={submit} preserve={false}>
        {children(form)}
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid={`${testId}-error`} />}
    </Modal>
  );
}
