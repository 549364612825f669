import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Flex, Form, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { PASSWORD_PROBLEM_MESSAGES, passwordProblem } from '@dr/domain';
import { describeGraphQLError } from '@dr/graphql-client';
import { CardHeading, CursorPager, DEPARTMENT_NAMES, departmentName, formatDateTime, ResponsiveList, ROLE_NAMES, useCursorPages } from '@dr/ui';
import {
  AccountInspectorsDocument,
  AccountsDocument,
  CreateAccountDocument,
  ResetAccountPasswordDocument,
  SetAccountEnabledDocument,
  type AccountRowFragment,
  type Department,
} from '../../generated/graphql';
import { FormDrawer } from '../../components/form-drawer';
import { showServerError } from '../../components/form-server-error';
import { usePageFrame } from '../../layout/page-frame';
import { useCurrentUser } from '../../session/use-current-user';
import { LoadError } from '../page-states';
import { PASSWORD_RULE_TEXT } from '../change-password-page';

const DEPARTMENTS = ['CULTURE', 'MARKET', 'FIRE'] as const;

/** The initial-password field with the policy checked as one types (R-ACC-1); the server checks again. */
function PasswordFields({ username }: { username: () => string }) {
  return (
    <>
      <Form.Item
        name="password"
        label="初始密码"
        extra={`${PASSWORD_RULE_TEXT}对方首次登录时须修改。`}
        rules={[
          { required: true, message: '请设置初始密码' },
          {
            validator: async (_, value: string) => {
              const problem = value ? passwordProblem(value, username()) : null;
              if (problem) throw new Error(PASSWORD_PROBLEM_MESSAGES[problem]);
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="account-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label="确认密码"
        dependencies={['password']}
        rules={[
          { required: true, message: '请再次输入密码' },
          ({ getFieldValue }) => ({
            validator: async (_, value: string) => {
              if (value && value !== getFieldValue('password')) throw new Error('两次输入的密码不一致');
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="account-password-confirm" />
      </Form.Item>
    </>
  );
}

interface NewAccountForm {
  username: string;
  displayName: string;
  department?: Department;
  inspectorId?: string;
  password: string;
  confirmPassword: string;
}

/** 新增账号: the office adds a department admin; a department admin a login for one of its own officers. */
function NewAccountDrawer({ open, onClose, officeView, ownDepartment }: { open: boolean; onClose: () => void; officeView: boolean; ownDepartment: Department | null }) {
  const [form] = Form.useForm<NewAccountForm>();
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [create, { loading }] = useMutation(CreateAccountDocument, { refetchQueries: [AccountsDocument] });
  const { message } = App.useApp();
  const inspectors = useQuery(AccountInspectorsDocument, { skip: officeView || !ownDepartment || !open, variables: { department: ownDepartment ?? 'CULTURE', search: search || null } });

  const submit = async () => {
    setError(null);
    let values: NewAccountForm;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    try {
      await create({
        variables: {
          input: {
            username: values.username.trim(),
            displayName: values.displayName.trim(),
            role: officeView ? 'DEPARTMENT_ADMIN' : 'INSPECTOR',
            department: officeView ? values.department! : ownDepartment,
            inspectorId: officeView ? null : values.inspectorId!,
            password: values.password,
          },
        },
      });
      void message.success('账号已创建，请将初始密码告知本人，首次登录时须修改');
      form.resetFields();
      onClose();
    } catch (failure) {
      setError(showServerError(form, failure, ['username', 'displayName', 'department', 'inspectorId', 'password'], { texts: { FORBIDDEN: '您不能创建此类账号' } }));
    }
  };

  return (
    <FormDrawer open={open} title={officeView ? '新增部门管理员账号' : '新增执法检查人员账号'} onClose={onClose} onSubmit={() => void submit()} saving={loading} error={error} testId="account-new-drawer">
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item name="username" label="用户名" extra="3–50 位小写字母、数字或 . _ -，用于登录" rules={[{ required: true, whitespace: true, message: '请填写用户名' }]}>
          <Input maxLength={50} autoComplete="off" data-testid="account-username" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input maxLength={50} data-testid="account-display-name" />
        </Form.Item>
        {officeView ? (
          <Form.Item name="department" label="所属部门" rules={[{ required: true, message: '请选择部门' }]}>
            <Select options={DEPARTMENTS.map((code) => ({ value: code, label: departmentName(code) }))} data-testid="account-department" />
          </Form.Item>
        ) : (
          <Form.Item name="inspectorId" label="对应的执法检查人员" extra="每名执法检查人员只能有一个登录账号" rules={[{ required: true, message: '请选择执法检查人员' }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: setSearch }}
              loading={inspectors.loading}
              options={(inspectors.data?.inspectors.nodes ?? []).map((inspector) => ({ value: inspector.id, label: `${inspector.name}（执法证号 ${inspector.certificateNumber}）` }))}
              data-testid="account-inspector"
            />
          </Form.Item>
        )}
        <PasswordFields username={() => form.getFieldValue('username') ?? ''} />
      </Form>
    </FormDrawer>
  );
}

/** 重置密码: a new initial password, all the account's logins end, and it must be changed at the next login. */
function ResetPasswordDrawer({ account, onClose }: { account: AccountRowFragment | null; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string; confirmPassword: string }>();
  const [error, setError] = useState<string | null>(null);
  const [reset, { loading }] = useMutation(ResetAccountPasswordDocument);
  const { message } = App.useApp();
  const submit = async () => {
    setError(null);
    let values: { password: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    try {
      await reset({ variables: { id: account!.id, password: values.password } });
      void message.success('密码已重置，该账号已下线，下次登录时须修改密码');
      form.resetFields();
      onClose();
    } catch (failure) {
      setError(showServerError(form, failure, ['password']));
    }
  };
  return (
    <FormDrawer open={!!account} title={`重置密码：${account?.displayName ?? ''}（${account?.username ?? ''}）`} onClose={onClose} onSubmit={() => void submit()} saving={loading} error={error} testId="account-reset-drawer">
      <Form form={form} layout="vertical" requiredMark>
        <PasswordFields username={() => account?.username ?? ''} />
      </Form>
    </FormDrawer>
  );
}

/**
 * 账号管理: the joint office sees every account and adds department admins; a department admin sees its
 * own department's accounts and adds its officers' logins. 停用 ends every login of the account at once.
 */
export function AccountsPage() {
  usePageFrame('账号管理', [{ title: '系统管理' }, { title: '账号管理' }]);
  const me = useCurrentUser();
  const officeView = me?.role === 'OFFICE_ADMIN';
  const pages = useCursorPages(20);
  const [text, setText] = useState('');
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<AccountRowFragment | null>(null);
  const { message } = App.useApp();
  const { data, previousData, loading, error, refetch } = useQuery(AccountsDocument, {
    variables: { first: pages.first, after: pages.after, text: text || null },
    notifyOnNetworkStatusChange: true,
  });
  const [setEnabled] = useMutation(SetAccountEnabledDocument);
  const accounts = (data ?? previousData)?.accounts;

  if (me && me.role === 'INSPECTOR') return <Typography.Paragraph>只有联席办和部门管理员可以管理账号。</Typography.Paragraph>;
  if (error && !accounts) return <LoadError what="账号" error={error} onRetry={() => void refetch()} />;

  const toggle = async (account: AccountRowFragment) => {
    try {
      await setEnabled({ variables: { id: account.id, enabled: !!account.disabledAt } });
      void message.success(account.disabledAt ? '账号已启用' : '账号已停用，其所有登录已失效');
    } catch (failure) {
      void message.error(describeGraphQLError(failure));
    }
  };
  const mayManage = (account: AccountRowFragment) => account.id !== me?.id && (officeView || account.role === 'INSPECTOR');
  const actions = (account: AccountRowFragment) =>
    mayManage(account) ? (
      <Space wrap>
        <Popconfirm
          title={account.disabledAt ? `启用 ${account.displayName} 的账号？` : `停用 ${account.displayName} 的账号？停用后其所有登录立即失效。`}
          okText={account.disabledAt ? '启用' : '停用'}
          cancelText="取消"
          onConfirm={() => toggle(account)}
        >
          <Button size="small" danger={!account.disabledAt} data-testid="account-toggle">
            {account.disabledAt ? '启用' : '停用'}
          </Button>
        </Popconfirm>
        <Button size="small" onClick={() => setResetting(account)} data-testid="account-reset">
          重置密码
        </Button>
      </Space>
    ) : null;

  return (
    <Card
      title={<CardHeading>账号管理</CardHeading>}
      extra={
        <Button type="primary" onClick={() => setAdding(true)} disabled={!me} data-testid="account-new">
          新增账号
        </Button>
      }
      data-testid="accounts-card"
    >
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder="用户名或姓名" maxLength={50} style={{ maxWidth: 280 }} onSearch={(value) => { setText(value.trim()); pages.reset(); }} data-testid="account-search" />
        <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
          {officeView ? '联席办创建各部门管理员账号；执法检查人员账号由本部门管理员创建。' : `本部门（${me?.department ? DEPARTMENT_NAMES[me.department as keyof typeof DEPARTMENT_NAMES] ?? '' : ''}）执法检查人员的登录账号。`}
        </Typography.Text>
      </Flex>
      <ResponsiveList<AccountRowFragment>
        items={accounts?.nodes ?? []}
        rowKey={(account) => account.id}
        itemTestId={() => 'account-row'}
        loading={loading}
        emptyText="暂无账号"
        columns={[
          { title: '用户名', dataIndex: 'username', width: 160 },
          { title: '姓名', dataIndex: 'displayName', width: 160 },
          { title: '角色', dataIndex: 'role', width: 130, render: (role: AccountRowFragment['role']) => ROLE_NAMES[role] },
          { title: '所属部门', dataIndex: 'department', width: 170, render: (department: AccountRowFragment['department']) => (department ? departmentName(department) : '联席办') },
          {
            title: '状态',
            key: 'status',
            width: 150,
            render: (_: unknown, account: AccountRowFragment) => (
              <Space size={4} wrap>
                {account.disabledAt ? <Tag color="default">已停用</Tag> : <Tag color="green">正常</Tag>}
                {account.mustChangePassword && <Tag color="orange">待修改密码</Tag>}
              </Space>
            ),
          },
          { title: '创建时间', dataIndex: 'createdAt', width: 170, render: (value: string) => formatDateTime(value) },
          { title: '操作', key: 'actions', width: 180, render: (_: unknown, account: AccountRowFragment) => actions(account) },
        ]}
        renderCard={(account) => (
          <Flex vertical gap={8}>
            <Typography.Text strong>
              {account.displayName}（{account.username}）
            </Typography.Text>
            <Typography.Text type="secondary">
              {ROLE_NAMES[account.role]} · {account.department ? departmentName(account.department) : '联席办'} · {account.disabledAt ? '已停用' : '正常'}
            </Typography.Text>
            {actions(account)}
          </Flex>
        )}
      />
      {accounts && <CursorPager pages={pages} totalCount={accounts.totalCount} pageInfo={accounts.pageInfo} loading={loading} />}
      <NewAccountDrawer open={adding} onClose={() => setAdding(false)} officeView={officeView} ownDepartment={(me?.department as Department | null) ?? null} />
      <ResetPasswordDrawer account={resetting} onClose={() => setResetting(null)} />
    </Card>
  );
}
