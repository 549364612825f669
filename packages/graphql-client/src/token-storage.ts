/** localStorage key of the bearer token returned by the `login` mutation. */
export const TOKEN_STORAGE_KEY = 'dr.token';

/**
 * Reads the stored bearer token.
 * @returns the token, or null when none is stored or storage is unavailable (private mode, disabled).
 */
export function readToken(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * Stores the bearer token for later page loads.
 * @param token - the `LoginPayload.token` of a successful login
 */
export function storeToken(token: string): void {
  try {
    window.localStorage.setItem(TOKEN_STORAGE_KEY, token);
  } catch {
    // Without storage the session simply ends with the tab; the in-memory token still works.
  }
}

/** Forgets the bearer token (logout, or the gateway said UNAUTHENTICATED). */
export function clearToken(): void {
  try {
    window.localStorage.removeItem(TOKEN_STORAGE_KEY);
  } catch {
    // Nothing was stored.
  }
}
