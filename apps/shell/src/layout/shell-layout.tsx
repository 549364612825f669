import { Outlet, Link, useLocation, useNavigate } from 'react-router-dom';
import { AppLayout, departmentName, ROLE_NAMES } from '@dr/ui';
import DatabaseOutlined from '@ant-design/icons/es/icons/DatabaseOutlined';
import InteractionOutlined from '@ant-design/icons/es/icons/InteractionOutlined';
import ProfileOutlined from '@ant-design/icons/es/icons/ProfileOutlined';
import CalendarOutlined from '@ant-design/icons/es/icons/CalendarOutlined';
import SafetyCertificateOutlined from '@ant-design/icons/es/icons/SafetyCertificateOutlined';
import ScheduleOutlined from '@ant-design/icons/es/icons/ScheduleOutlined';
import SettingOutlined from '@ant-design/icons/es/icons/SettingOutlined';
import { useSession } from '../session/session-context';
import { useCurrentUser } from '../session/use-current-user';
import { PageFrameProvider, SHORT_SYSTEM_NAME, SYSTEM_NAME, usePageFrameState } from './page-frame';

/** Key of the 名录库 sub-menu. */
const DIRECTORIES_MENU = 'directories';
/** Key of the 系统管理 sub-menu (账号管理 and 审计日志 for administrators, 修改密码 for everyone). */
const SYSTEM_MENU = 'system';
/** 审计日志: the office and department admins only (the servers refuse everyone else). */
const AUDIT_PATH = '/settings/audit';

const MENU_ITEMS = [
  { key: '/', icon: <ProfileOutlined />, label: '抽查计划' },
  { key: '/workbench', icon: <ScheduleOutlined />, label: '工作台' },
  {
    key: DIRECTORIES_MENU,
    icon: <DatabaseOutlined />,
    label: '名录库',
    children: [
      { key: '/directories/venues', label: '检查对象名录' },
      { key: '/directories/inspectors', label: '执法人员名录' },
    ],
  },
  { key: '/draws', icon: <InteractionOutlined />, label: '抽取' },
  { key: '/settings/calendar', icon: <CalendarOutlined />, label: '节假日安排' },
  { key: '/public/verify', icon: <SafetyCertificateOutlined />, label: '抽取结果验证' },
];

/** 系统管理: 账号管理 and 审计日志 only for the office and department admins. */
function systemMenu(admin: boolean) {
  return {
    key: SYSTEM_MENU,
    icon: <SettingOutlined />,
    label: '系统管理',
    children: [
      ...(admin ? [{ key: '/settings/accounts', label: '账号管理' }, { key: AUDIT_PATH, label: '审计日志' }] : []),
      { key: '/change-password', label: '修改密码' },
    ],
  };
}

/** The menu entry a path belongs to: a plan's draws sit under 抽取, its other pages under 抽查计划. */
function menuKeyOf(pathname: string): string | null {
  if (pathname.startsWith('/directories/') || pathname === '/settings/calendar' || pathname === '/settings/accounts' || pathname === AUDIT_PATH || pathname === '/change-password' || pathname === '/workbench') return pathname;
  if (pathname === '/draws' || /^\/plans\/[^/]+\/draws(\/|$)/.test(pathname)) return '/draws';
  if (pathname === '/' || /^\/(plans|inspections)\//.test(pathname)) return '/';
  return null;
}

/** The signed-in frame around every page: top bar with the user, left menu, breadcrumb. */
export function ShellLayout() {
  const navigate = useNavigate();
  const location = useLocation();
  const { signOut } = useSession();
  const user = useCurrentUser();
  const [frame, setFrame] = usePageFrameState();
  const selected = menuKeyOf(location.pathname);

  return (
    <AppLayout
      systemName={SYSTEM_NAME}
      shortSystemName={SHORT_SYSTEM_NAME}
      menuItems={[...MENU_ITEMS, systemMenu(user?.role === 'OFFICE_ADMIN' || user?.role === 'DEPARTMENT_ADMIN')]}
      selectedMenuKeys={selected ? [selected] : []}
      openMenuKeys={[DIRECTORIES_MENU, SYSTEM_MENU]}
      onNavigate={(key) => navigate(key)}
      pageTitle={frame.title}
      pageKey={location.pathname}
      breadcrumb={frame.crumbs.map((crumb) => ({ title: crumb.to ? <Link to={crumb.to}>{crumb.title}</Link> : crumb.title }))}
      user={
        user && {
          name: user.displayName,
          roleLabel: ROLE_NAMES[user.role],
          departmentLabel: user.department ? departmentName(user.department) : null,
        }
      }
      onLogout={signOut}
    >
      <PageFrameProvider setFrame={setFrame}>
        <Outlet />
      </PageFrameProvider>
    </AppLayout>
  );
}
