import { startPlatform, type Platform } from '@dr/platform-runner';

// Issue "Trust", item 4: the browser's session lives in httpOnly cookies set by the gateway; requests
// that use the cookie need the CSRF token; Bearer callers are unchanged.
describe('cookie sessions through the gateway', () => {
  let platform: Platform;
  let origin: string;

  beforeAll(async () => {
    platform = await startPlatform({ env: { REVOCATION_POLL_MS: '500' } });
    origin = new URL(platform.urls.gateway).origin;
  });
  afterAll(() => platform?.close());

  /** A tiny cookie jar: what a browser would keep from `set-cookie`. */
  class Browser {
    jar = new Map<string, string>();
    lastSetCookies: string[] = [];
    async fetch(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
      const response = await fetch(`${origin}${path}`, {
        method: init.method ?? 'POST',
        headers: { 'content-type': 'application/json', cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '), ...init.headers },
        body: init.method === 'GET' ? undefined : JSON.stringify(init.body ?? {}),
      });
      this.lastSetCookies = response.headers.getSetCookie();
      for (const line of this.lastSetCookies) {
        const [pair] = line.split(';');
        const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
        if (/max-age=0/i.test(line) || value === '') this.jar.delete(name);
        else this.jar.set(name, value);
      }
      return { status: response.status, body: (await response.json()) as any };
    }
    graphql(query: string, csrf: string | null = this.jar.get('dr_csrf') ?? null) {
      return this.fetch('/graphql', { body: { query }, headers: csrf ? { 'x-csrf-token': csrf } : {} });
    }
  }

  it('login sets httpOnly SameSite cookies and hands the page no token', async () => {
    const browser = new Browser();
    const { status, body } = await browser.fetch('/auth/login', { body: { username: 'culture-admin', password: 'Demo@2022' } });
    expect(status).toBe(200);
    expect(body).toEqual({ user: expect.objectContaining({ username: 'culture-admin', role: 'DEPARTMENT_ADMIN' }), expiresAt: expect.any(String), refreshExpiresAt: expect.any(String), expiresInSeconds: expect.any(Number), refreshExpiresInSeconds: expect.any(Number), csrfToken: browser.jar.get('dr_csrf') });
    expect(JSON.stringify(body)).not.toContain(browser.jar.get('dr_at')!);
    const cookie = (name: string) => browser.lastSetCookies.find((line) => line.startsWith(`${name}=`))!;
    expect(cookie('dr_at')).toMatch(/HttpOnly/);
    expect(cookie('dr_at')).toMatch(/SameSite=Strict/);
    expect(cookie('dr_rt')).toMatch(/Path=\/auth/);
    expect(cookie('dr_rt')).toMatch(/HttpOnly/);
    expect(cookie('dr_csrf')).not.toMatch(/HttpOnly/);
  });

  it('a request with the cookie but without the matching CSRF header is refused; with it, it works', async () => {
    const browser = new Browser();
    await browser.fetch('/auth/login', { body: { username: 'office', password: 'Demo@2022' } });
    const forged = await browser.graphql('{ me { username } }', null);
    expect(forged.status).toBe(403);
    expect(forged.body.errors[0]).toMatchObject({ message: '页面校验已失效，请刷新页面后重试', extensions: { code: 'FORBIDDEN', reason: 'CSRF' } });
    expect((await browser.graphql('{ me { username } }', 'not-the-token')).status).toBe(403);
    expect((await browser.graphql('{ me { username } }')).body.data).toEqual({ me: { username: 'office' } });
    // Refresh and logout need it too.
    expect((await browser.fetch('/auth/refresh')).status).toBe(403);
    expect((await browser.fetch('/auth/logout')).status).toBe(403);
  });

  it('refresh rotates the cookies; logout clears the cookies and the old access token is refused within seconds', async () => {
    const browser = new Browser();
    await browser.fetch('/auth/login', { body: { username: 'market-admin', password: 'Demo@2022' } });
    const before = browser.jar.get('dr_rt')!;
    const csrf = browser.jar.get('dr_csrf')!;
    const refreshed = await browser.fetch('/auth/refresh', { headers: { 'x-csrf-token': csrf } });
    expect(refreshed.status).toBe(200);
    // The refresh token rotated (the access token may be byte-identical within the same second).
    expect(browser.jar.get('dr_rt')).not.toBe(before);
    expect(browser.jar.get('dr_at')).toEqual(expect.any(String));
    expect((await browser.graphql('{ me { username } }')).body.data).toEqual({ me: { username: 'market-admin' } });
    const access = browser.jar.get('dr_at')!;
    expect((await browser.fetch('/auth/logout', { headers: { 'x-csrf-token': csrf } })).body).toEqual({ loggedOut: true });
    expect(browser.jar.size).toBe(0);
    const started = Date.now();
    for (;;) {
      const response = await fetch(platform.urls.gateway, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${access}` }, body: JSON.stringify({ query: '{ me { username } }' }) });
      const result = (await response.json()) as { errors?: { extensions: { code: string } }[] };
      if (result.errors?.[0]?.extensions.code === 'UNAUTHENTICATED') break;
      expect(Date.now() - started).toBeLessThan(5000);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  it('a wrong password is refused with the usual code, and a cross-site form (not JSON) is not accepted', async () => {
    const browser = new Browser();
    const wrong = await browser.fetch('/auth/login', { body: { username: 'office', password: 'nope-nope-nope' } });
    expect(wrong).toMatchObject({ status: 401, body: { errors: [{ message: '用户名或密码错误', extensions: { code: 'UNAUTHENTICATED' } }] } });
    expect(browser.jar.size).toBe(0);
    const form = await fetch(`${origin}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=office&password=Demo%402022' });
    expect(form.status).toBe(415);
    expect(form.headers.getSetCookie()).toEqual([]);
  });

  it('lets the shell origin send cookies (credentialed CORS), and no one else', async () => {
    const allowed = await fetch(`${origin}/graphql`, { method: 'OPTIONS', headers: { origin: `http://localhost:${platform.ports.shell}`, 'access-control-request-headers': 'x-csrf-token' } });
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('x-csrf-token');
    const other = await fetch(`${origin}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-credentials')).toBeNull();
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
