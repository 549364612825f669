import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { csrfHeaders, ensureFreshSession, login, readSession, SESSION_STORAGE_KEY } from './browser-session';

/** A window with localStorage and events, as much of one as the session module uses. */
function fakeWindow() {
  const store = new Map<string, string>();
  const target = new EventTarget();
  return Object.assign(target, {
    localStorage: {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
      removeItem: (key: string) => void store.delete(key),
    },
  });
}

const answer = (expiresInSeconds: number) => ({
  user: { id: 'u1', username: 'office', displayName: '联席办', role: 'OFFICE_ADMIN', department: null, mustChangePassword: false },
  expiresAt: '2026-01-01T00:10:00Z',
  refreshExpiresAt: '2026-01-01T12:00:00Z',
  expiresInSeconds,
  refreshExpiresInSeconds: 43_200,
  csrfToken: 'csrf-1',
});
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the browser session (cookies, ADR 0019)', () => {
  const realFetch = globalThis.fetch;
  let fetchMock: jest.Mock<typeof fetch>;
  beforeEach(() => {
    (globalThis as { window?: unknown }).window = fakeWindow();
    fetchMock = jest.fn<typeof fetch>();
    globalThis.fetch = fetchMock;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
    delete (globalThis as { window?: unknown }).window;
  });

  it('keeps who and until when, never a token, and sends the CSRF token back', async () => {
    fetchMock.mockResolvedValueOnce(json(200, answer(600)));
    await login('http://gw:4000/graphql', 'office', 'pw');
    const [url, init] = fetchMock.mock.calls[0];
    expect(String(url)).toBe('http://gw:4000/auth/login');
    expect(init).toMatchObject({ method: 'POST', credentials: 'include' });
    expect(readSession()).toMatchObject({ user: { username: 'office' }, csrfToken: 'csrf-1' });
    expect(Object.keys(JSON.parse(window.localStorage.getItem(SESSION_STORAGE_KEY)!))).toEqual(['user', 'accessUntil', 'sessionUntil', 'csrfToken']);
    expect(csrfHeaders()).toEqual({ 'x-csrf-token': 'csrf-1' });
  });

  it('refreshes only when the access cookie is about to end, and forgets a session the gateway refuses', async () => {
    fetchMock.mockResolvedValueOnce(json(200, answer(600)));
    await login('http://gw:4000/graphql', 'office', 'pw');
    await ensureFreshSession('http://gw:4000/graphql');
    expect(fetchMock).toHaveBeenCalledTimes(1);

    fetchMock.mockResolvedValueOnce(json(200, answer(30)));
    await login('http://gw:4000/graphql', 'office', 'pw');
    fetchMock.mockResolvedValueOnce(json(200, answer(600)));
    await ensureFreshSession('http://gw:4000/graphql');
    expect(String(fetchMock.mock.calls[2][0])).toBe('http://gw:4000/auth/refresh');
    expect(fetchMock.mock.calls[2][1]).toMatchObject({ headers: { 'x-csrf-token': 'csrf-1' } });
    expect(readSession()!.accessUntil - Date.now()).toBeGreaterThan(500_000);

    fetchMock.mockResolvedValueOnce(json(200, answer(30)));
    await login('http://gw:4000/graphql', 'office', 'pw');
    fetchMock.mockResolvedValueOnce(json(401, { errors: [{ message: '登录已失效，请重新登录', extensions: { code: 'UNAUTHENTICATED' } }] }));
    await ensureFreshSession('http://gw:4000/graphql');
    expect(readSession()).toBeNull();
  });

  it('keeps the session when the network is gone (the outbox retries later)', async () => {
    fetchMock.mockResolvedValueOnce(json(200, answer(30)));
    await login('http://gw:4000/graphql', 'office', 'pw');
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await ensureFreshSession('http://gw:4000/graphql');
    expect(readSession()).toMatchObject({ user: { id: 'u1' } });
  });
});
