import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { createStaticServer, sendJson } from '../src/index.js';

describe('createStaticServer', () => {
  let dir: string;
  let sut: ReturnType<typeof createStaticServer>;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'web-server-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>shell</title>');
    const script = `console.log(${JSON.stringify('x'.repeat(2000))});`;
    writeFileSync(join(dir, 'main.0123abcd.js'), script);
    writeFileSync(join(dir, 'main.0123abcd.js.br'), brotliCompressSync(script));
    writeFileSync(join(dir, 'mf-manifest.json'), '{"id":"web_culture"}');
    sut = createStaticServer({
      dir,
      spa: true,
      cors: true,
      extraRoutes: { '/config.json': (_req, res) => sendJson(res, 200, { gatewayUrl: 'http://gw/graphql' }) },
    });
    await new Promise<void>((resolve) => sut.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(sut.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => sut.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers /health with status ok', async () => {
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('lets another origin read a remote manifest (CORS) and revalidate it on every load', async () => {
    const res = await fetch(`${base}/mf-manifest.json`, { headers: { Origin: 'http://localhost:3000' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves extra routes before files', async () => {
    const res = await fetch(`${base}/config.json`);
    expect(await res.json()).toEqual({ gatewayUrl: 'http://gw/graphql' });
  });

  it('falls back to index.html for client-side routes but not for missing assets', async () => {
    const page = await fetch(`${base}/inspections/abc`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>shell</title>');
    const asset = await fetch(`${base}/missing.0123abcd.js`);
    expect(asset.status).toBe(404);
  });

  it('sends the precompressed twin of a hashed asset with a long cache lifetime', async () => {
    const res = await fetch(`${base}/main.0123abcd.js`, { headers: { 'Accept-Encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(await res.text()).toContain('console.log');
  });

  it('answers a CORS preflight without a body', async () => {
    const res = await fetch(`${base}/mf-manifest.json`, { method: 'OPTIONS' });
    expect(res.status).toBe(204);
  });
});
