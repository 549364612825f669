import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
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

/** The current token (re-rendering on sign-in and sign-out) and the store's actions. */
export function useSession(): { token: string | null; signIn: (token: string) => void; signOut: () => void } {
  const store = useContext(SessionContext);
  if (!store) throw new Error('useSession needs a SessionProvider');
  const token = useSyncExternalStore(store.subscribe, store.getToken);
  return { token, signIn: store.signIn, signOut: store.signOut };
}
