import { useEffect, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { Navigate, useNavigate } from 'react-router-dom';
import { PASSWORD_POLICY, PASSWORD_PROBLEM_MESSAGES, passwordProblem } from '@dr/domain';
import { describeGraphQLError, fieldErrorOf, logout } from '@dr/graphql-client';
import { BRAND_COLORS, CardHeading } from '@dr/ui';
import { ChangePasswordDocument } from '../generated/graphql';
import { useGatewayUrl } from '../config/runtime-config-context';
import { SYSTEM_NAME } from '../layout/page-frame';
import type { LoginRedirectState } from '../session/require-auth';
import { useSession } from '../session/session-context';

interface ChangePasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** The password rule in one sentence (R-ACC-1), shown above the form. */
export const PASSWORD_RULE_TEXT = `密码长度 ${PASSWORD_POLICY.minLength}–${PASSWORD_POLICY.maxLength} 位，须包含大写字母、小写字母、数字、特殊符号中的至少三类，不能包含用户名，不能使用常见的简单密码。`;

/**
 * 修改密码: forced at the first login of an account an administrator created or reset (R-ACC-4), and
 * open to everyone from the menu. A changed password ends every session of the account, this one too,
 * so the page then sends the user to the login page.
 */
export function ChangePasswordPage() {
  const navigate = useNavigate();
  const gatewayUrl = useGatewayUrl();
  const { session } = useSession();
  const [form] = Form.useForm<ChangePasswordForm>();
  const [change, { loading }] = useMutation(ChangePasswordDocument);
  const [errorText, setErrorText] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  useEffect(() => {
    document.title = `修改密码 - ${SYSTEM_NAME}`;
  }, []);

  if (!session && !done) return <Navigate to="/login" replace />;
  const username = session?.user.username ?? '';
  const forced = session?.user.mustChangePassword ?? false;

  const submit = async (values: ChangePasswordForm) => {
    setErrorText(null);
    try {
      await change({ variables: { currentPassword: values.currentPassword, newPassword: values.newPassword } });
      setDone(true);
      await logout(gatewayUrl);
      const state: LoginRedirectState = { notice: '密码已修改，请使用新密码重新登录' };
      navigate('/login', { replace: true, state });
    } catch (error) {
      const field = fieldErrorOf(error);
      if (field && (field.field === 'currentPassword' || field.field === 'newPassword')) form.setFields([{ name: field.field, errors: [field.message] }]);
      else setErrorText(describeGraphQLError(error));
    }
  };

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: BRAND_COLORS.header }}>
      <Typography.Title level={1} style={{ color: '#ffffff', fontSize: 22, textAlign: 'center', marginBottom: 24 }}>
        {SYSTEM_NAME}
      </Typography.Title>
      <Card title={<CardHeading>修改密码</CardHeading>} style={{ width: '100%', maxWidth: 440 }} data-testid="change-password-card">
        {forced && <Alert type="warning" showIcon title="为保障账号安全，首次登录或密码被重置后须先修改密码" style={{ marginBottom: 16 }} data-testid="change-password-forced" />}
        <Typography.Paragraph type="secondary">{PASSWORD_RULE_TEXT}</Typography.Paragraph>
        <Form<ChangePasswordForm> form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="change-password-form">
          <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoComplete="current-password" autoFocus data-testid="change-password-current" />
          </Form.Item>
          <Form.Item
            label="新密码"
            name="newPassword"
            rules={[
              { required: true, message: '请输入新密码' },
              {
                validator: async (_, value: string) => {
                  const problem = value ? passwordProblem(value, username) : null;
                  if (problem) throw new Error(PASSWORD_PROBLEM_MESSAGES[problem]);
                },
              },
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="change-password-new" />
          </Form.Item>
          <Form.Item
            label="确认新密码"
            name="confirmPassword"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: async (_, value: string) => {
                  if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="change-password-confirm" />
          </Form.Item>
          {errorText && <Alert type="error" showIcon title={errorText} style={{ marginBottom: 16 }} data-testid="change-password-error" />}
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={loading} data-testid="change-password-submit">
              确定修改
            </Button>
            {!forced && <Button onClick={() => navigate(-1)}>返回</Button>}
          </Flex>
        </Form>
      </Card>
    </Flex>
  );
}
