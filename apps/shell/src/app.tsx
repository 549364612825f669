import { useState } from 'react';
import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { Flex, Spin } from 'antd';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { AppThemeProvider } from '@dr/ui';
import type { RuntimeConfig } from './config/runtime-config';
import { RuntimeConfigProvider } from './config/runtime-config-context';
import { ShellLayout } from './layout/shell-layout';
import { RequireAuth } from './session/require-auth';
import { SessionProvider } from './session/session-context';
import type { SessionStore } from './session/session-store';

function PageLoading() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

/** Routes of the shell; every page is its own chunk, loaded when first visited. */
function createAppRouter() {
  return createBrowserRouter([
    {
      path: '/login',
      lazy: () => import('./pages/login-page').then((page) => ({ Component: page.LoginPage })),
      hydrateFallbackElement: <PageLoading />,
    },
    {
      // Public on purpose (R-DRAW-3): anyone may recompute a draw without an account.
      path: '/public/verify',
      lazy: () => import('./pages/public/verify-page').then((page) => ({ Component: page.VerifyPage })),
      hydrateFallbackElement: <PageLoading />,
    },
    {
      // 一公开 (R-PUB-1): published results are for everyone, without an account.
      path: '/public/results',
      lazy: () => import('./pages/public/public-results-page').then((page) => ({ Component: page.PublicResultsPage })),
      hydrateFallbackElement: <PageLoading />,
    },
    {
      path: '/public/results/venue/:uscc',
      lazy: () => import('./pages/public/public-venue-page').then((page) => ({ Component: page.PublicVenuePage })),
      hydrateFallbackElement: <PageLoading />,
    },
    {
      // Outside the frame: forced at the first login of an account someone else created or reset (R-ACC-4).
      path: '/change-password',
      lazy: () => import('./pages/change-password-page').then((page) => ({ Component: page.ChangePasswordPage })),
      hydrateFallbackElement: <PageLoading />,
    },
    {
      path: '/',
      element: (
        <RequireAuth>
          <ShellLayout />
        </RequireAuth>
      ),
      hydrateFallbackElement: <PageLoading />,
      children: [
        { index: true, lazy: () => import('./pages/home-page').then((page) => ({ Component: page.HomePage })) },
        { path: 'plans/:planId', lazy: () => import('./pages/plan-page').then((page) => ({ Component: page.PlanPage })) },
        { path: 'draws', lazy: () => import('./pages/draws/draw-home-page').then((page) => ({ Component: page.DrawHomePage })) },
        { path: 'plans/:planId/briefing', lazy: () => import('./pages/briefing-page').then((page) => ({ Component: page.BriefingPage })) },
        { path: 'plans/:planId/reports', lazy: () => import('./pages/reports/plan-reports-page').then((page) => ({ Component: page.PlanReportsPage })) },
        { path: 'plans/:planId/draws', lazy: () => import('./pages/draws/plan-draws-page').then((page) => ({ Component: page.PlanDrawsPage })) },
        {
          // `new` starts a draw; after the commit the URL names the draw and the wizard goes on.
          path: 'plans/:planId/draws/:drawId',
          lazy: () => import('./pages/draws/draw-wizard-page').then((page) => ({ Component: page.DrawWizardPage })),
        },
        { path: 'dashboard/:department/:list', lazy: () => import('./pages/dashboard/drill-down-page').then((page) => ({ Component: page.DrillDownPage })) },
        { path: 'workbench', lazy: () => import('./pages/workbench-page').then((page) => ({ Component: page.WorkbenchPage })) },
        {
          path: 'directories/venues',
          lazy: () => import('./pages/directories/venue-directory-page').then((page) => ({ Component: page.VenueDirectoryPage })),
        },
        {
          path: 'directories/inspectors',
          lazy: () => import('./pages/directories/inspector-directory-page').then((page) => ({ Component: page.InspectorDirectoryPage })),
        },
        { path: 'settings/accounts', lazy: () => import('./pages/settings/accounts-page').then((page) => ({ Component: page.AccountsPage })) },
        { path: 'settings/calendar', lazy: () => import('./pages/settings/calendar-page').then((page) => ({ Component: page.CalendarPage })) },
        { path: 'settings/audit', lazy: () => import('./pages/settings/audit-trail-page').then((page) => ({ Component: page.AuditTrailPage })) },
        {
          path: 'inspections/:inspectionId',
          lazy: () => import('./pages/inspection-page').then((page) => ({ Component: page.InspectionPage })),
        },
        {
          // R-VISIT-3: the officers and the venue sign the record form on a team member's phone.
          path: 'inspections/:inspectionId/sign',
          lazy: () => import('./visit/sign-page').then((page) => ({ Component: page.SignPage })),
        },
        { path: '*', lazy: () => import('./pages/not-found-page').then((page) => ({ Component: page.NotFoundPage })) },
      ],
    },
  ]);
}

/** Props of {@link App}. */
export interface AppProps {
  client: ApolloClient;
  session: SessionStore;
  config: RuntimeConfig;
}

/** The shell: theme and locale, runtime configuration, session, the Apollo Client every remote shares, and the routes. */
export function App({ client, session, config }: AppProps) {
  const [router] = useState(createAppRouter);
  return (
    <AppThemeProvider>
      <RuntimeConfigProvider config={config}>
        <SessionProvider store={session}>
          <ApolloProvider client={client}>
            <RouterProvider router={router} />
          </ApolloProvider>
        </SessionProvider>
      </RuntimeConfigProvider>
    </AppThemeProvider>
  );
}
