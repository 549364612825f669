import { Readable } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CLIENT_ADDRESS_HEADER, sendJson, type HttpRoute } from '@dr/subgraph-kit';
import { authorizationOf } from './cookie-session';
import { isDepartment, type Department } from '@dr/domain';

const FORWARDED_REQUEST_HEADERS = ['content-type', 'content-length', 'x-request-id', 'x-file-name', 'idempotency-key'];
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'content-length', 'content-disposition', 'cache-control'];

/**
 * `/files/{department}/*` goes to that department's subgraph (its evidence), every other `/files/*` to
 * the office (receipts, exports, imports, record forms, signatures): files are what GraphQL carries
 * badly. Streams both ways; the subgraph checks the token. The caller's address goes along as for
 * GraphQL (`x-client-address`), so the subgraph's audit trail names the browser, not the gateway.
 */
export function fileProxyRoutes(subgraphUrls: Record<'office' | Department, string>, timeoutMs: number, clientAddress: (request: IncomingMessage) => string): HttpRoute[] {
  const originOf = (path: string) => {
    const owner = /^\/files\/([a-z]+)\//.exec(path)?.[1];
    return new URL(isDepartment(owner) ? subgraphUrls[owner] : subgraphUrls.office).origin;
  };
  const forward = async (request: IncomingMessage, response: ServerResponse, _match: RegExpExecArray, url: URL) => {
    const origin = originOf(url.pathname);
    const headers: Record<string, string> = {};
    let authorization: string | null;
    try {
      // The browser's session cookie becomes the Bearer header the subgraph checks.
      authorization = authorizationOf(request);
    } catch (error) {
      request.resume();
      sendJson(response, 403, { errors: [{ message: (error as Error).message, extensions: { code: 'FORBIDDEN', reason: 'CSRF' } }] });
      return;
    }
    if (authorization) headers.authorization = authorization;
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    headers[CLIENT_ADDRESS_HEADER] = clientAddress(request);
    const hasBody = request.method === 'POST';
    const upstream = await fetch(`${origin}${url.pathname}${url.search}`, {
      method: request.method,
      headers,
      body: hasBody ? (Readable.toWeb(request) as ReadableStream) : undefined,
      duplex: hasBody ? 'half' : undefined,
      signal: AbortSignal.timeout(timeoutMs * 30),
    } as RequestInit);
    response.statusCode = upstream.status;
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = upstream.headers.get(name);
      if (value) response.setHeader(name, value);
    }
    if (!upstream.body) {
      response.end();
      return;
    }
    Readable.fromWeb(upstream.body as import('node:stream/web').ReadableStream).pipe(response);
  };
  return [
    { method: 'GET', pattern: /^\/files\//, handle: forward },
    { method: 'POST', pattern: /^\/files\//, handle: forward },
  ];
}
