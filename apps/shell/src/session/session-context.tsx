import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { BrowserSession } from '@dr/graphql-client';
import type { SessionStore } from './session-store';

const SessionContext = createContext<SessionStore | null>(null);

/** Props of {@link SessionProvider}. */
export interface SessionProviderProps {
  store: SessionStore;
  children: ReactNode;
}

/** Makes the session store available to the pages. */
export function SessionProvider({ store, children }: SessionProviderProps) {
  return <SessionContext.Provider value={store}>{children}</SessionContext.Provider>;
}

/** The current session (re-rendering on sign-in and sign-out) and the store's actions. */
export function useSession(): { session: BrowserSession | null; signOut: () => void; forget: () => void } {
  const store = useContext(SessionContext);
  if (!store) throw new Error('useSession needs a SessionProvider');
  const session = useSyncExternalStore(store.subscribe, store.getSession);
  return { session, signOut: store.signOut, forget: store.forget };
}
