import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Breadcrumb, Button, Drawer, Flex, Layout, Menu, Switch, Tag, Typography, type BreadcrumbProps, type MenuProps } from 'antd';
import BankOutlined from '@ant-design/icons/es/icons/BankOutlined';
import LogoutOutlined from '@ant-design/icons/es/icons/LogoutOutlined';
import MenuOutlined from '@ant-design/icons/es/icons/MenuOutlined';
import { useLargeText } from '../theme/large-text';
import { useIsPhone } from '../theme/use-is-phone';
import { keepFocusUncovered, STICKY_BAR_ATTRIBUTE } from './keep-focus-uncovered';

/** The signed-in user as the top bar shows them. */
export interface AppLayoutUser {
  name: string;
  roleLabel: string;
  /** Short department name for department staff; absent for the joint office. */
  departmentLabel?: string | null;
}

/** Props of {@link AppLayout}. */
export interface AppLayoutProps {
  /** Full system name for the top bar on wide screens. */
  systemName: string;
  /** Short name for the top bar on a phone. */
  shortSystemName: string;
  menuItems: NonNullable<MenuProps['items']>;
  selectedMenuKeys: string[];
  /** Sub-menus open when the menu first renders (the one holding the current page). */
  openMenuKeys?: string[];
  /** Called with the key of the menu item chosen. */
  onNavigate: (key: string) => void;
  breadcrumb?: BreadcrumbProps['items'];
  /** The page's own name, shown as its `h1` (the system name in the top bar is not a heading). */
  pageTitle?: string;
  /**
   * Changes when the user has moved to another page (the path, not a tab or filter in the query):
   * focus then goes to the new page's heading, so keyboard and screen-reader users start there.
   */
  pageKey?: string;
  user: AppLayoutUser | null;
  onLogout: () => void;
  children: ReactNode;
}

const headerTextStyle = { color: '#ffffff', margin: 0 } as const;

/** 大字版: a switch in the top bar; the theme scales text and controls, and the choice is remembered. */
function LargeTextSwitch() {
  const { enabled, setEnabled } = useLargeText();
  return (
    <Switch
      checked={enabled}
      onChange={setEnabled}
      checkedChildren="大字版"
      unCheckedChildren="大字版"
      aria-label="大字版"
      style={{ flex: 'none', background: enabled ? undefined : 'rgba(255, 255, 255, 0.3)' }}
      data-testid="large-text-switch"
    />
  );
}

function UserBadge({ user, compact }: { user: AppLayoutUser; compact: boolean }) {
  const role = user.departmentLabel ? `${user.departmentLabel} · ${user.roleLabel}` : user.roleLabel;
  if (compact) {
    return (
      <Flex vertical align="end" style={{ lineHeight: 1.3, maxWidth: 112, minWidth: 0 }} data-testid="current-user">
        <Typography.Text style={{ ...headerTextStyle, fontSize: 13 }} ellipsis>
          {user.name}
        </Typography.Text>
        <Typography.Text style={{ ...headerTextStyle, fontSize: 11, opacity: 0.85 }} ellipsis data-testid="current-user-role">
          {role}
        </Typography.Text>
      </Flex>
    );
  }
  return (
    <Flex align="center" gap={8} data-testid="current-user">
      <Typography.Text style={headerTextStyle}>{user.name}</Typography.Text>
      <Tag color="blue" variant="filled" data-testid="current-user-role" style={{ marginInlineEnd: 0 }}>
        {role}
      </Tag>
    </Flex>
  );
}

/**
 * The page frame of a government admin system: dark-blue top bar with the system name and the
 * user, a left menu and a breadcrumb. Below `md` the menu moves into a drawer opened from the top bar.
 */
export function AppLayout(props: AppLayoutProps) {
  const isPhone = useIsPhone();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { enabled: largeText } = useLargeText();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => keepFocusUncovered(document), []);
  useEffect(() => {
    if (props.pageKey !== undefined) heading.current?.focus();
  }, [props.pageKey]);

  const menu = (
    <Menu
      mode="inline"
      items={props.menuItems}
      selectedKeys={props.selectedMenuKeys}
      defaultOpenKeys={props.openMenuKeys}
      onClick={({ key }) => {
        setDrawerOpen(false);
        props.onNavigate(key);
      }}
      style={{ borderInlineEnd: 'none' }}
      data-testid="main-menu"
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: isPhone ? 6 : 12,
          padding: isPhone ? '0 8px' : '0 16px',
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
        {...{ [STICKY_BAR_ATTRIBUTE]: 'top' }}
      >
        {isPhone && (
          <Button
            type="text"
            aria-label="打开菜单"
            icon={<MenuOutlined style={{ color: '#ffffff', fontSize: 20 }} />}
            onClick={() => setDrawerOpen(true)}
            style={{ width: 40, height: 40 }}
            data-testid="menu-toggle"
          />
        )}
        {!isPhone && <BankOutlined style={{ color: '#ffffff', fontSize: 22 }} />}
        <Typography.Text
          strong
          ellipsis
          style={{ ...headerTextStyle, fontSize: (isPhone ? 15 : 18) + (largeText ? 2 : 0), flex: 1, minWidth: 0 }}
          data-testid="system-name"
        >
          {isPhone ? props.shortSystemName : props.systemName}
        </Typography.Text>
        <LargeTextSwitch />
        {props.user && <UserBadge user={props.user} compact={isPhone} />}
        <Button
          type="text"
          icon={<LogoutOutlined />}
          onClick={props.onLogout}
          aria-label="退出登录"
          style={{ color: '#ffffff', minWidth: 40, height: 40 }}
          data-testid="logout"
        >
          {isPhone ? null : '退出登录'}
        </Button>
      </Layout.Header>
      <Layout>
        {isPhone ? (
          <Drawer
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            placement="left"
            size={260}
            title={props.shortSystemName}
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        ) : (
          <Layout.Sider width={208} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: isPhone ? 12 : 24, minWidth: 0 }}>
          {props.breadcrumb && props.breadcrumb.length > 0 && (
            <Breadcrumb items={props.breadcrumb} style={{ marginBottom: isPhone ? 12 : 16 }} data-testid="breadcrumb" />
          )}
          <Typography.Title
            level={1}
            ref={heading}
            tabIndex={-1}
            style={{ fontSize: isPhone ? '1.3em' : '1.45em', marginTop: 0, marginBottom: isPhone ? 12 : 16, outlineOffset: 4 }}
            data-testid="page-heading"
          >
            {props.pageTitle}
          </Typography.Title>
          {props.children}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
