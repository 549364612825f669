import { GatewayFileError, isApiErrorCode } from './graphql-error';
import { gatewayOrigin } from './gateway-files';

/**
 * The browser's session (ADR 0019). The tokens live in httpOnly cookies the gateway sets; the page
 * keeps only what it may know: who is signed in, until when, and the CSRF token it repeats in the
 * `x-csrf-token` header. Kept in localStorage (`dr.session`) so a reload, another tab and the
 * department remotes (which may load their own copy of this module) all see the same session.
 */
export const SESSION_STORAGE_KEY = 'dr.session';
export const CSRF_HEADER = 'x-csrf-token';

/** Who is signed in, as the gateway reported at login or refresh. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  department: string | null;
  /** Created or reset by an administrator: only the change-password page works until it is changed. */
  mustChangePassword: boolean;
}

export interface BrowserSession {
  user: SessionUser;
  /** When the access cookie ends, on this device's clock (ms since 1970). */
  accessUntil: number;
  /** When the login ends at the latest, on this device's clock. */
  sessionUntil: number;
  csrfToken: string;
}

const CHANGED = 'dr-session-changed';
/** Refresh this long before the access cookie ends, so a request never arrives with an expired one. */
const REFRESH_MARGIN_MS = 60_000;

let memory: BrowserSession | null = null;

/** The signed-in session, or null. */
export function readSession(): BrowserSession | null {
  try {
    const raw = window.localStorage.getItem(SESSION_STORAGE_KEY);
    return raw ? (JSON.parse(raw) as BrowserSession) : null;
  } catch {
    // Without storage the session lives as long as the tab.
    return memory;
  }
}

function writeSession(session: BrowserSession | null): void {
  memory = session;
  try {
    if (session) window.localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    else window.localStorage.removeItem(SESSION_STORAGE_KEY);
  } catch {
    // Kept in memory only.
  }
  window.dispatchEvent(new Event(CHANGED));
}

/** Calls `listener` when the session changes in this tab or another. */
export function subscribeSession(listener: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === SESSION_STORAGE_KEY) listener();
  };
  window.addEventListener(CHANGED, listener);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(CHANGED, listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** Forgets the session on this device (the cookies are the gateway's to clear: see {@link logout}). */
export function forgetSession(): void {
  if (readSession()) writeSession(null);
}

/** The header that proves a cookie-authenticated request comes from this page. */
export function csrfHeaders(): Record<string, string> {
  const session = readSession();
  return session ? { [CSRF_HEADER]: session.csrfToken } : {};
}

interface SessionAnswer {
  user: SessionUser;
  expiresInSeconds: number;
  refreshExpiresInSeconds: number;
  csrfToken: string;
}

async function post(gatewayUrl: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  try {
    return await fetch(`${gatewayOrigin(gatewayUrl)}${path}`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  } catch {
    throw new GatewayFileError(0, null, '');
  }
}

async function failure(response: Response): Promise<GatewayFileError> {
  try {
    const body = (await response.json()) as { errors?: { message?: string; extensions?: { code?: unknown } }[] };
    const first = body.errors?.[0];
    const code = first?.extensions?.code;
    return new GatewayFileError(response.status, isApiErrorCode(code) ? code : null, first?.message ?? '');
  } catch {
    return new GatewayFileError(response.status, null, '');
  }
}

function remember(answer: SessionAnswer): BrowserSession {
  const now = Date.now();
  const session = { user: answer.user, accessUntil: now + answer.expiresInSeconds * 1000, sessionUntil: now + answer.refreshExpiresInSeconds * 1000, csrfToken: answer.csrfToken };
  writeSession(session);
  return session;
}

/**
 * Signs in: the gateway sets the cookies and answers who signed in. A refusal throws a
 * `GatewayFileError` with the server's code (UNAUTHENTICATED, TOO_MANY_ATTEMPTS) and Chinese message.
 */
export async function login(gatewayUrl: string, username: string, password: string): Promise<BrowserSession> {
  const response = await post(gatewayUrl, '/auth/login', { username, password });
  if (!response.ok) throw await failure(response);
  return remember((await response.json()) as SessionAnswer);
}

/** One refresh at a time across tabs and module copies: two with the same refresh token would end the session (reuse). */
function exclusively<T>(run: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request('dr.session-refresh', run) as Promise<T>) : run();
}

/**
 * Exchanges the refresh cookie for new cookies. Resolves to the new session, or null when the login
 * has ended (then the session is forgotten). Without a network it throws (status 0) and keeps the session.
 */
export async function refresh(gatewayUrl: string): Promise<BrowserSession | null> {
  return exclusively(async () => {
    const response = await post(gatewayUrl, '/auth/refresh', {}, csrfHeaders());
    if (response.ok) return remember((await response.json()) as SessionAnswer);
    if (response.status === 401 || response.status === 403) {
      forgetSession();
      return null;
    }
    throw await failure(response);
  });
}

/**
 * Before a request: when the access cookie ends within a minute, refreshes first (transparent refresh).
 * Offline, nothing happens: the request fails as offline and the outbox tries again later.
 */
export async function ensureFreshSession(gatewayUrl: string): Promise<void> {
  const session = readSession();
  if (!session || session.accessUntil - Date.now() > REFRESH_MARGIN_MS) return;
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
  try {
    await exclusively(async () => {
      // Another tab or copy may have refreshed while this one waited for the lock.
      const current = readSession();
      if (!current || current.accessUntil - Date.now() > REFRESH_MARGIN_MS) return;
      const response = await post(gatewayUrl, '/auth/refresh', {}, csrfHeaders());
      if (response.ok) remember((await response.json()) as SessionAnswer);
      else if (response.status === 401 || response.status === 403) forgetSession();
    });
  } catch {
    // No network: the request that follows reports it.
  }
}

/** Ends the session on the server (every server refuses it within seconds) and forgets it here. */
export async function logout(gatewayUrl: string): Promise<void> {
  try {
    await post(gatewayUrl, '/auth/logout', {}, csrfHeaders());
  } finally {
    forgetSession();
  }
}
