import { Outlet, Link, useLocation, useNavigate } from 'react-router-dom';
import { AppLayout, departmentName, ROLE_NAMES } from '@dr/ui';
import ProfileOutlined from '@ant-design/icons/es/icons/ProfileOutlined';
import { useSession } from '../session/session-context';
import { useCurrentUser } from '../session/use-current-user';
import { PageFrameProvider, SHORT_SYSTEM_NAME, SYSTEM_NAME, usePageFrameState } from './page-frame';

const MENU_ITEMS = [{ key: '/', icon: <ProfileOutlined />, label: '抽查计划' }];

/** The signed-in frame around every page: top bar with the user, left menu, breadcrumb. */
export function ShellLayout() {
  const navigate = useNavigate();
  const location = useLocation();
  const { signOut } = useSession();
  const user = useCurrentUser();
  const [crumbs, setCrumbs] = usePageFrameState();

  return (
    <AppLayout
      systemName={SYSTEM_NAME}
      shortSystemName={SHORT_SYSTEM_NAME}
      menuItems={MENU_ITEMS}
      // Plans, their inspections and the home page all sit under 抽查计划.
      selectedMenuKeys={location.pathname === '/' || /^\/(plans|inspections)\//.test(location.pathname) ? ['/'] : []}
      onNavigate={(key) => navigate(key)}
      breadcrumb={crumbs.map((crumb) => ({ title: crumb.to ? <Link to={crumb.to}>{crumb.title}</Link> : crumb.title }))}
      user={
        user && {
          name: user.displayName,
          roleLabel: ROLE_NAMES[user.role],
          departmentLabel: user.department ? departmentName(user.department) : null,
        }
      }
      onLogout={signOut}
    >
      <PageFrameProvider setCrumbs={setCrumbs}>
        <Outlet />
      </PageFrameProvider>
    </AppLayout>
  );
}
