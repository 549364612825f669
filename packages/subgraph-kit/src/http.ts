import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Logger } from 'pino';
import { requestSignal, withRequestSignal } from './request-signal';
import { runInAuditScope } from './audit/audit-scope';
import { clientAddressOf } from './auth';

// A GraphQL request carries at most a venue's stamp photo (≤ 2 MB, base64) besides its fields.
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** A plain HTTP route beside `/graphql` (file downloads and uploads, which GraphQL carries badly). */
export interface HttpRoute {
  method: 'GET' | 'POST';
  pattern: RegExp;
  handle(request: IncomingMessage, response: ServerResponse, match: RegExpExecArray, url: URL): Promise<void>;
}

export interface HttpAppOptions<Context extends BaseContext> {
  service: string;
  logger: Logger;
  apollo: ApolloServer<Context>;
  /**
   * Builds the request context (may throw a GraphQLError, e.g. UNAUTHENTICATED). `signal` aborts
   * when the caller disconnects or the time budget runs out.
   */
  context: (request: IncomingMessage, requestId: string, signal: AbortSignal) => Promise<Context>;
  /** How long one GraphQL request may run before `signal` aborts. */
  timeBudgetMs: number;
  /** Readiness checks for `/health`; a throwing check makes the answer 503. */
  health: () => Promise<Record<string, string>>;
  metrics?: () => string;
  /**
   * Who may read `/metrics`: callers sending `Authorization: Bearer <token>`; with no token, everyone
   * in development and nobody in production (404).
   */
  metricsAccess: { token?: string; production: boolean };
  /** Browser origins allowed to call (the gateway serves the shell); none for subgraphs. */
  corsOrigins?: string[];
  routes?: HttpRoute[];
}

export interface HttpApp {
  server: Server;
  listen(port: number, host: string): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
}

/** A request body over the route's limit. */
export class PayloadTooLarge extends Error {
  constructor(readonly limitBytes: number) {
    super(`payload over ${limitBytes} bytes`);
  }
}

/** The whole body, refused as soon as it passes `limitBytes` (a declared Content-Length is checked first). */
export async function readBody(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  if (Number(request.headers['content-length'] ?? 0) > limitBytes) throw new PayloadTooLarge(limitBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw new PayloadTooLarge(limitBytes);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

/** Whether `/metrics` answers this caller: see `HttpAppOptions.metricsAccess`. */
function metricsAccess(authorization: string | undefined, access: HttpAppOptions<BaseContext>['metricsAccess']): 'open' | 'refused' | 'hidden' {
  if (!access.token) return access.production ? 'hidden' : 'open';
  const given = Buffer.from(/^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? '');
  const expected = Buffer.from(access.token);
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'open' : 'refused';
}

function applyCors(request: IncomingMessage, response: ServerResponse, origins: string[] | undefined): void {
  const origin = request.headers.origin;
  if (!origin || !origins?.length) return;
  if (origins.includes('*') || origins.includes(origin)) {
    response.setHeader('access-control-allow-origin', origin);
    response.setHeader('vary', 'origin');
    response.setHeader('access-control-allow-headers', 'content-type, authorization, apollo-require-preflight, x-request-id, x-file-name, idempotency-key, x-csrf-token');
    // Cookies (the browser's session, ADR 0019) only for origins named one by one, never for `*`.
    if (origins.includes(origin)) response.setHeader('access-control-allow-credentials', 'true');
    response.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    response.setHeader('access-control-max-age', '600');
  }
}

/**
 * A plain Node HTTP server around Apollo Server: `/graphql`, `/health`, `/metrics`. Written on
 * `executeHTTPGraphQLRequest` (Apollo's integration API) so that every server, subgraph or gateway,
 * has the same routes, limits and logging without a web framework.
 */
export function createHttpApp<Context extends BaseContext>(options: HttpAppOptions<Context>): HttpApp {
  const { logger, apollo } = options;

  async function handleGraphql(request: IncomingMessage, response: ServerResponse, requestId: string, url: URL): Promise<void> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const raw = request.method === 'POST' ? (await readBody(request, MAX_BODY_BYTES)).toString('utf8') : '';
    let body: unknown = undefined;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        sendJson(response, 400, { errors: [{ message: '请求体不是有效的 JSON', extensions: { code: 'BAD_REQUEST' } }] });
        return;
      }
    }
    const signal = requestSignal(response, options.timeBudgetMs);
    const result = await withRequestSignal(signal, () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
        context: () => options.context(request, requestId, signal),
      }),
    );
    for (const [key, value] of result.headers) response.setHeader(key, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  }

  const routeFor = (method: string | undefined, path: string): [HttpRoute, RegExpExecArray] | undefined => {
    for (const route of options.routes ?? []) {
      const match = route.method === method ? route.pattern.exec(path) : null;
      if (match) return [route, match];
    }
    return undefined;
  };

  const server = createServer((request, response) => {
    const started = process.hrtime.bigint();
    const requestId = (request.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID();
    response.setHeader('x-request-id', requestId);
    const url = new URL(request.url ?? '/', 'http://localhost');
    applyCors(request, response, options.corsOrigins);
    response.on('finish', () => {
      if (url.pathname === '/health' || url.pathname === '/metrics') return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // Servers calling each other (revocation polls every second, event deliveries) are routine: debug, unless refused.
      const routine = url.pathname.startsWith('/internal/') && response.statusCode < 400;
      logger[routine ? 'debug' : 'info']({ requestId, method: request.method, path: url.pathname, status: response.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    });

    const route = async (): Promise<void> => {
      if (request.method === 'OPTIONS') {
        response.writeHead(204).end();
      } else if (url.pathname === '/health') {
        try {
          sendJson(response, 200, { status: 'ok', service: options.service, checks: await options.health() });
        } catch (error) {
          logger.warn({ err: error }, 'health check failed');
          sendJson(response, 503, { status: 'unavailable', service: options.service });
        }
      } else if (url.pathname === '/metrics' && options.metrics) {
        const access = metricsAccess(request.headers.authorization, options.metricsAccess);
        if (access === 'open') response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(options.metrics());
        else if (access === 'hidden') sendJson(response, 404, { error: 'not found' });
        else response.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
      } else if (url.pathname === '/graphql') {
        await handleGraphql(request, response, requestId, url);
      } else if (routeFor(request.method, url.pathname)) {
        const [route, match] = routeFor(request.method, url.pathname)!;
        await route.handle(request, response, match, url);
      } else {
        sendJson(response, 404, { error: 'not found' });
      }
    };
    // Each request is its own audit scope: the caller's address now, the signed-in user once known.
    runInAuditScope({ clientAddress: clientAddressOf(request), requestId }, route).catch((error: unknown) => {
      if (error instanceof PayloadTooLarge) {
        sendJson(response, 413, { errors: [{ message: '请求过大', extensions: { code: 'BAD_REQUEST' } }] });
        return;
      }
      logger.error({ err: error, requestId }, 'request failed');
      if (!response.headersSent) sendJson(response, 500, { errors: [{ message: '服务器内部错误', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else response.end();
    });
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  return {
    server,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          resolve({ port: address.port, url: `http://${host}:${address.port}/graphql` });
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    },
  };
}
