import { useState } from 'react';
import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { Flex, Spin } from 'antd';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { AppThemeProvider } from '@dr/ui';
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
        {
          path: 'inspections/:inspectionId',
          lazy: () => import('./pages/inspection-page').then((page) => ({ Component: page.InspectionPage })),
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
}

/** The shell: theme and locale, session, the Apollo Client every remote shares, and the routes. */
export function App({ client, session }: AppProps) {
  const [router] = useState(createAppRouter);
  return (
    <AppThemeProvider>
      <SessionProvider store={session}>
        <ApolloProvider client={client}>
          <RouterProvider router={router} />
        </ApolloProvider>
      </SessionProvider>
    </AppThemeProvider>
  );
}
