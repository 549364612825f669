import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useSession } from './session-context';

/** Where the login page sends the user back to after signing in. */
export interface LoginRedirectState {
  from?: string;
  /** A sentence for the login page, e.g. after a password change. */
  notice?: string;
}

/** The page an account created or reset by an administrator must pass first (R-ACC-4). */
export const CHANGE_PASSWORD_PATH = '/change-password';

/**
 * Renders its children for a signed-in user and sends everyone else to /login; an account that must
 * change its password goes to the change-password page (the servers refuse everything else anyway).
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (!session) {
    const state: LoginRedirectState = { from: `${location.pathname}${location.search}` };
    return <Navigate to="/login" replace state={state} />;
  }
  if (session.user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  return children;
}
