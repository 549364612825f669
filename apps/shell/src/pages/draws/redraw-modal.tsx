import { useEffect } from 'react';
import { Button, Form, Input, Modal, Typography } from 'antd';

/** Props of {@link RedrawModal}. */
export interface RedrawModalProps {
  /** The draw to replace; null when closed. */
  draw: { id: string; batch: string } | null;
  onCancel: () => void;
  /** Called with the reason; the wizard then draws the same batch again. */
  onConfirm: (reason: string) => void;
}

/**
 * 重新抽取 needs a reason: the new draw names the one it replaces and says why, and both stay on
 * record; the replaced draw's scheduled inspections are cancelled when the new one completes.
 */
export function RedrawModal({ draw, onCancel, onConfirm }: RedrawModalProps) {
  const [form] = Form.useForm<{ reason: string }>();
  useEffect(() => {
    if (draw) form.resetFields();
  }, [draw, form]);
  return (
    <Modal
      open={!!draw}
      title={`重新抽取：${draw?.batch ?? ''}`}
      onCancel={onCancel}
      footer={[
        <Button key="cancel" onClick={onCancel}>
          取消
        </Button>,
        <Button key="ok" type="primary" onClick={() => form.submit()} data-testid="redraw-confirm">
          下一步：设置参数
        </Button>,
      ]}
      destroyOnHidden
      data-testid="redraw-modal"
    >
      <Typography.Paragraph type="secondary">
        重新抽取将保留原抽取记录；新的抽取完成后，原抽取生成的待检查任务将被撤销。请说明重新抽取的理由，理由将随抽取记录公开。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values) => onConfirm(values.reason.trim())}>
        <Form.Item label="重新抽取理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写重新抽取的理由' }, { max: 500, message: '理由不超过 500 字' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} placeholder="如：原抽取中一名组长调离，无法参加检查" data-testid="redraw-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
