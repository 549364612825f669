import type { ReactNode } from 'react';
import { Alert, Button, Drawer, Flex } from 'antd';
import { useIsPhone } from '@dr/ui';

/** Props of {@link FormDrawer}. */
export interface FormDrawerProps {
  open: boolean;
  title: string;
  onClose: () => void;
  /** 保存: submits the form inside. */
  onSubmit: () => void;
  saving: boolean;
  /** A failed save that belongs to no single field. */
  error: string | null;
  /** `data-testid` of the drawer; its 保存 is `${testId}-submit`, its error `${testId}-error`. */
  testId: string;
  /** Width on wide screens; a phone gets the whole screen. */
  width?: number;
  children: ReactNode;
}

/** A side drawer holding one record's form, with 取消 / 保存 at its foot and the save error on top. */
export function FormDrawer({ open, title, onClose, onSubmit, saving, error, testId, width = 560, children }: FormDrawerProps) {
  const isPhone = useIsPhone();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={isPhone ? '100%' : width}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={onSubmit} data-testid={`${testId}-submit`}>
            保存
          </Button>
        </Flex>
      }
      data-testid={testId}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid={`${testId}-error`} />}
      {children}
    </Drawer>
  );
}
