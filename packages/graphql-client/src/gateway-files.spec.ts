import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { fetchGatewayFile, gatewayOrigin, uploadDirectoryFile } from './gateway-files';
import { GatewayFileError } from './graphql-error';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the gateway file routes', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('takes the origin of the GraphQL endpoint', () => {
    expect(gatewayOrigin('http://localhost:4000/graphql')).toBe('http://localhost:4000');
  });

  it('sends the bearer token and resolves paths against the gateway origin', async () => {
    const fetchMock = jest.fn(async (_url: string | URL | Request, _init?: RequestInit) => new Response('xlsx'));
    globalThis.fetch = fetchMock as typeof fetch;
    const response = await fetchGatewayFile({ gatewayUrl: 'http://gw:4000/graphql', path: '/files/exports/venues.xlsx', token: 't0k' });
    await expect(response.text()).resolves.toBe('xlsx');
    const [url, init] = fetchMock.mock.calls[0];
    expect(String(url)).toBe('http://gw:4000/files/exports/venues.xlsx');
    expect(init?.headers).toEqual({ authorization: 'Bearer t0k' });
  });

  it('reads the code and message of a refused upload and returns the import id of an accepted one', async () => {
    const file = new File(['名称,统一社会信用代码'], '检查对象名录.csv', { type: 'text/csv' });
    globalThis.fetch = (async () => json(403, { error: '只有联席办管理员可以导入检查对象名录', code: 'FORBIDDEN' })) as typeof fetch;
    await expect(uploadDirectoryFile({ gatewayUrl: 'http://gw:4000/graphql', kind: 'venues', file })).rejects.toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
      message: '只有联席办管理员可以导入检查对象名录',
    });
    globalThis.fetch = (async () => json(413, { errors: [{ message: '文件超过 50 MB 的上限', extensions: { code: 'BAD_USER_INPUT' } }] })) as typeof fetch;
    await expect(uploadDirectoryFile({ gatewayUrl: 'http://gw:4000/graphql', kind: 'venues', file })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });

    const fetchMock = jest.fn(async (_url: string | URL | Request, _init?: RequestInit) => json(202, { importId: 'imp-1' }));
    globalThis.fetch = fetchMock as typeof fetch;
    await expect(uploadDirectoryFile({ gatewayUrl: 'http://gw:4000/graphql', kind: 'venues', file })).resolves.toBe('imp-1');
    const [url, init] = fetchMock.mock.calls[0];
    expect(String(url)).toBe('http://gw:4000/files/imports?kind=venues');
    expect(init).toMatchObject({ method: 'POST', credentials: 'include', headers: { 'x-file-name': encodeURIComponent('检查对象名录.csv') } });
  });

  it('turns an unreachable gateway into a network error', async () => {
    globalThis.fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    await expect(fetchGatewayFile({ gatewayUrl: 'http://gw:4000/graphql', path: '/files/draws/x/receipt.json' })).rejects.toBeInstanceOf(GatewayFileError);
  });
});
