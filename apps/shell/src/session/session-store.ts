import { forgetSession, logout, readSession, subscribeSession, type BrowserSession } from '@dr/graphql-client';

/**
 * The signed-in session, readable outside React (bootstrap) and inside it. The tokens themselves are
 * in the gateway's httpOnly cookies (ADR 0019); this holds who is signed in and until when.
 */
export interface SessionStore {
  getSession: () => BrowserSession | null;
  /** Logs out: the gateway ends the session on every server and clears the cookies. */
  signOut: () => void;
  /** Forgets a session the gateway no longer accepts (UNAUTHENTICATED), without asking it. */
  forget: () => void;
  subscribe: (listener: () => void) => () => void;
}

/** A session store over the browser session of `@dr/graphql-client` (localStorage `dr.session`). */
export function createSessionStore(gatewayUrl: string): SessionStore {
  // useSyncExternalStore needs the same object while nothing changed: cache by the stored text.
  let cachedKey: string | null = null;
  let cached: BrowserSession | null = null;
  const getSession = () => {
    const session = readSession();
    const key = session ? JSON.stringify(session) : null;
    if (key !== cachedKey) {
      cachedKey = key;
      cached = session;
    }
    return cached;
  };
  return {
    getSession,
    signOut: () => void logout(gatewayUrl).catch(() => undefined),
    forget: forgetSession,
    subscribe: subscribeSession,
  };
}
