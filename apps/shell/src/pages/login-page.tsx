import { useEffect, useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import LockOutlined from '@ant-design/icons/es/icons/LockOutlined';
import UserOutlined from '@ant-design/icons/es/icons/UserOutlined';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { describeGraphQLError, errorKindOf, login, serverMessageOf } from '@dr/graphql-client';
import { CardHeading, BRAND_COLORS } from '@dr/ui';
import { useGatewayUrl } from '../config/runtime-config-context';
import { SYSTEM_NAME } from '../layout/page-frame';
import type { LoginRedirectState } from '../session/require-auth';
import { useSession } from '../session/session-context';

interface LoginForm {
  username: string;
  password: string;
}

/** Sign-in with username and password; the gateway keeps the session in httpOnly cookies (ADR 0019). */
export function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const gatewayUrl = useGatewayUrl();
  const { session } = useSession();
  const [loading, setLoading] = useState(false);
  const [errorText, setErrorText] = useState<string | null>(null);
  const state = location.state as LoginRedirectState | null;
  const from = state?.from ?? '/';

  useEffect(() => {
    document.title = `登录 - ${SYSTEM_NAME}`;
  }, []);
  useEffect(() => {
    if (session) navigate(from, { replace: true });
  }, [session, from, navigate]);

  const submit = async (values: LoginForm) => {
    setErrorText(null);
    setLoading(true);
    try {
      await login(gatewayUrl, values.username.trim(), values.password);
    } catch (error) {
      // At sign-in UNAUTHENTICATED means wrong credentials (or a disabled account), not an expired session.
      setErrorText(errorKindOf(error) === 'UNAUTHENTICATED' ? (serverMessageOf(error, 'UNAUTHENTICATED') ?? '用户名或密码错误') : describeGraphQLError(error));
    } finally {
      setLoading(false);
    }
  };

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: BRAND_COLORS.header }}>
      <Typography.Title level={1} style={{ color: '#ffffff', fontSize: 22, textAlign: 'center', marginBottom: 24 }}>
        {SYSTEM_NAME}
      </Typography.Title>
      <Card title={<CardHeading>用户登录</CardHeading>} style={{ width: '100%', maxWidth: 400 }}>
        <Form<LoginForm> layout="vertical" onFinish={submit} requiredMark={false} size="large" data-testid="login-form">
          <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {state?.notice && !errorText && <Alert type="success" showIcon title={state.notice} style={{ marginBottom: 16 }} data-testid="login-notice" />}
          {errorText && <Alert type="error" showIcon title={errorText} style={{ marginBottom: 16 }} data-testid="login-error" />}
          <Button type="primary" htmlType="submit" block loading={loading} data-testid="login-submit">
            登录
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          演示账号见 README
        </Typography.Paragraph>
      </Card>
      <Link to="/public/verify" style={{ color: '#ffffff', marginTop: 16, padding: '10px 0' }} data-testid="login-verify-link">
        双随机抽取结果公开验证（无需登录）
      </Link>
    </Flex>
  );
}
