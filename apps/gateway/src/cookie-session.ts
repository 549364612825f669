import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseCookies, serialize as serializeCookie, type SerializeOptions } from 'cookie';
import { AppError, CLIENT_ADDRESS_HEADER, readBody, sameSecret, sendJson, type HttpRoute, type Logger } from '@dr/subgraph-kit';

/**
 * Cookie sessions for the browser (ADR 0019): the browser never holds a token. `POST /auth/login`
 * and `POST /auth/refresh` ask the office and put the access and refresh tokens into httpOnly,
 * SameSite=Strict cookies; `POST /auth/logout` ends the session and clears them. A request that
 * authenticates with the cookie must carry the CSRF token (double submit: the `dr_csrf` cookie, which
 * the page may read, repeated in the `x-csrf-token` header). API clients, the CLI and the tests keep
 * sending `Authorization: Bearer`, which needs no CSRF token (a browser never adds it by itself).
 */
export const ACCESS_COOKIE = 'dr_at';
export const REFRESH_COOKIE = 'dr_rt';
export const CSRF_COOKIE = 'dr_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SESSION_FIELDS = 'token expiresAt refreshToken refreshExpiresAt user { id username displayName role department mustChangePassword }';

interface SessionPayload {
  token: string;
  expiresAt: string;
  refreshToken: string;
  refreshExpiresAt: string;
  user: Record<string, unknown>;
}

interface GraphQLAnswer {
  data?: Record<string, SessionPayload | boolean | null> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const cookiesOf = (request: IncomingMessage) => parseCookies(request.headers.cookie ?? '');

/**
 * The bearer header a request authenticates with: its own `Authorization`, else the access cookie,
 * which counts only with the matching CSRF header. Null when the request has neither (anonymous).
 */
export function authorizationOf(request: IncomingMessage): string | null {
  if (request.headers.authorization) return request.headers.authorization;
  const cookies = cookiesOf(request);
  const access = cookies[ACCESS_COOKIE];
  if (!access) return null;
  const header = request.headers[CSRF_HEADER];
  const csrf = cookies[CSRF_COOKIE];
  if (typeof header !== 'string' || !csrf || !sameSecret(header, csrf)) {
    throw new AppError('FORBIDDEN', '页面校验已失效，请刷新页面后重试', { reason: 'CSRF', http: { status: 403 } });
  }
  return `Bearer ${access}`;
}

export interface CookieSessionOptions {
  officeUrl: string;
  /** Secure cookies (HTTPS only): on in production. */
  secure: boolean;
  clientAddress: (request: IncomingMessage) => string;
  timeoutMs: number;
  logger: Logger;
}

/** The routes `/auth/login`, `/auth/refresh`, `/auth/logout` and `GET /auth/csrf`. */
export function cookieSessionRoutes(options: CookieSessionOptions): HttpRoute[] {
  const base: SerializeOptions = { httpOnly: true, sameSite: 'strict', secure: options.secure, path: '/' };
  const until = (iso: string) => Math.max(0, Math.floor((Date.parse(iso) - Date.now()) / 1000));

  async function askOffice(request: IncomingMessage, query: string, variables: Record<string, unknown>, authorization?: string): Promise<GraphQLAnswer> {
    const response = await fetch(options.officeUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [CLIENT_ADDRESS_HEADER]: options.clientAddress(request),
        ...(authorization ? { authorization } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    return (await response.json()) as GraphQLAnswer;
  }

  function setSessionCookies(response: ServerResponse, session: SessionPayload, csrf: string): void {
    response.setHeader('set-cookie', [
      serializeCookie(ACCESS_COOKIE, session.token, { ...base, maxAge: until(session.expiresAt) }),
      // Sent only to /auth, where it is exchanged; never with an ordinary request.
      serializeCookie(REFRESH_COOKIE, session.refreshToken, { ...base, path: '/auth', maxAge: until(session.refreshExpiresAt) }),
      serializeCookie(CSRF_COOKIE, csrf, { ...base, httpOnly: false, maxAge: until(session.refreshExpiresAt) }),
    ]);
  }

  function clearSessionCookies(response: ServerResponse): void {
    response.setHeader('set-cookie', [
      serializeCookie(ACCESS_COOKIE, '', { ...base, maxAge: 0 }),
      serializeCookie(REFRESH_COOKIE, '', { ...base, path: '/auth', maxAge: 0 }),
      serializeCookie(CSRF_COOKIE, '', { ...base, httpOnly: false, maxAge: 0 }),
    ]);
  }

  /** What the page learns: who, until when, and the CSRF token; never a token. */
  const view = (session: SessionPayload, csrfToken: string) => ({
    user: session.user,
    expiresAt: session.expiresAt,
    refreshExpiresAt: session.refreshExpiresAt,
    // Relative, so the page times its refresh by its own clock, whatever the difference to the server's.
    expiresInSeconds: until(session.expiresAt),
    refreshExpiresInSeconds: until(session.refreshExpiresAt),
    csrfToken,
  });

  function refuse(response: ServerResponse, answer: GraphQLAnswer): void {
    const code = answer.errors?.[0]?.extensions?.code;
    const status = code === 'UNAUTHENTICATED' ? 401 : code === 'TOO_MANY_ATTEMPTS' ? 429 : code === 'BAD_USER_INPUT' ? 400 : 502;
    sendJson(response, status, { errors: answer.errors ?? [{ message: '登录服务暂不可用，请稍后重试', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }] });
  }

  /** JSON bodies only: a cross-site form cannot send them, and fetch from another origin needs CORS, which is refused. */
  async function jsonBody(request: IncomingMessage, response: ServerResponse): Promise<Record<string, unknown> | null> {
    const raw = (await readBody(request, 16 * 1024)).toString('utf8');
    if (!request.headers['content-type']?.startsWith('application/json')) {
      sendJson(response, 415, { errors: [{ message: '请求格式有误', extensions: { code: 'BAD_REQUEST' } }] });
      return null;
    }
    try {
      const parsed: unknown = raw ? JSON.parse(raw) : {};
      if (parsed && typeof parsed === 'object') return parsed as Record<string, unknown>;
    } catch {
      // answered below
    }
    sendJson(response, 400, { errors: [{ message: '请求体不是有效的 JSON', extensions: { code: 'BAD_REQUEST' } }] });
    return null;
  }

  /** Refresh and logout come from the page that holds the CSRF token, never from another site. */
  function csrfMatches(request: IncomingMessage, response: ServerResponse): boolean {
    const header = request.headers[CSRF_HEADER];
    const csrf = cookiesOf(request)[CSRF_COOKIE];
    if (typeof header === 'string' && csrf && sameSecret(header, csrf)) return true;
    sendJson(response, 403, { errors: [{ message: '页面校验已失效，请刷新页面后重试', extensions: { code: 'FORBIDDEN', reason: 'CSRF' } }] });
    return false;
  }

  return [
    {
      method: 'POST',
      pattern: /^\/auth\/login$/,
      async handle(request, response) {
        const body = await jsonBody(request, response);
        if (!body) return;
        const answer = await askOffice(request, `mutation Login($input: LoginInput!) { login(input: $input) { ${SESSION_FIELDS} } }`, {
          input: { username: String(body.username ?? ''), password: String(body.password ?? '') },
        });
        const session = answer.data?.login as SessionPayload | undefined;
        if (!session) return refuse(response, answer);
        const csrf = randomBytes(32).toString('base64url');
        setSessionCookies(response, session, csrf);
        sendJson(response, 200, view(session, csrf));
      },
    },
    {
      method: 'POST',
      pattern: /^\/auth\/refresh$/,
      async handle(request, response) {
        if (!(await jsonBody(request, response)) || !csrfMatches(request, response)) return;
        const refreshToken = cookiesOf(request)[REFRESH_COOKIE];
        const answer = refreshToken
          ? await askOffice(request, `mutation Refresh($t: String!) { refreshSession(refreshToken: $t) { ${SESSION_FIELDS} } }`, { t: refreshToken })
          : { errors: [{ message: '登录已过期，请重新登录', extensions: { code: 'UNAUTHENTICATED' } }] };
        const session = answer.data?.refreshSession as SessionPayload | undefined;
        if (!session) {
          clearSessionCookies(response);
          return refuse(response, answer);
        }
        const csrf = cookiesOf(request)[CSRF_COOKIE]!;
        setSessionCookies(response, session, csrf);
        sendJson(response, 200, view(session, csrf));
      },
    },
    {
      method: 'POST',
      pattern: /^\/auth\/logout$/,
      async handle(request, response) {
        if (!(await jsonBody(request, response)) || !csrfMatches(request, response)) return;
        const cookies = cookiesOf(request);
        let access = cookies[ACCESS_COOKIE];
        // An expired access cookie is gone: a refresh gives the session's id back so it can still be ended.
        if (!access && cookies[REFRESH_COOKIE]) {
          const renewed = await askOffice(request, 'mutation Refresh($t: String!) { refreshSession(refreshToken: $t) { token } }', { t: cookies[REFRESH_COOKIE] });
          access = (renewed.data?.refreshSession as { token?: string } | undefined)?.token;
        }
        if (access) {
          const answer = await askOffice(request, 'mutation { logout }', {}, `Bearer ${access}`);
          if (answer.errors?.length) options.logger.info({ code: answer.errors[0].extensions?.code }, 'logout of a session that had already ended');
        }
        clearSessionCookies(response);
        sendJson(response, 200, { loggedOut: true });
      },
    },
    {
      // For a page on another host than the gateway, which cannot read the cookie itself; CORS keeps other sites out.
      method: 'GET',
      pattern: /^\/auth\/csrf$/,
      async handle(request, response) {
        response.setHeader('cache-control', 'no-store');
        sendJson(response, 200, { csrfToken: cookiesOf(request)[CSRF_COOKIE] ?? null });
      },
    },
  ];
}
