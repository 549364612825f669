import { clearToken, readToken, storeToken } from '@dr/graphql-client';

/** The bearer token of the signed-in user, readable outside React (the Apollo link) and inside it. */
export interface SessionStore {
  getToken: () => string | null;
  signIn: (token: string) => void;
  signOut: () => void;
  subscribe: (listener: () => void) => () => void;
}

/** A session store backed by localStorage (`dr.token`), so a reload keeps the user signed in. */
export function createSessionStore(): SessionStore {
  let token = readToken();
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((listener) => listener());
  return {
    getToken: () => token,
    signIn(next) {
      storeToken(next);
      token = next;
      emit();
    },
    signOut() {
      if (token === null) return;
      clearToken();
      token = null;
      emit();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
