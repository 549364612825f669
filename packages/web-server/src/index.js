import http from 'node:http';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

/**
 * A handler for one extra path (GET and HEAD), e.g. the shell's `/config.json`.
 * @typedef {(req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>} RouteHandler
 */

/**
 * @typedef {object} StaticServerOptions
 * @property {string | URL} dir Folder to serve, usually the app's `dist`.
 * @property {number} [port] Port to listen on; 0 picks a free one.
 * @property {string} [host] Interface to bind; all interfaces when omitted.
 * @property {string} [name] Service name written in the log lines.
 * @property {boolean} [spa] Answer unknown extension-less paths with `index.html` (client-side routes).
 * @property {boolean} [cors] Allow cross-origin reads: a host page fetches a remote's `mf-manifest.json`.
 * @property {Record<string, RouteHandler>} [extraRoutes] Handlers keyed by exact path, tried before files.
 */

/**
 * @typedef {object} RunningStaticServer
 * @property {http.Server} server
 * @property {string} url Base URL, e.g. `http://localhost:3001`.
 * @property {() => Promise<void>} close Stops accepting requests and ends idle keep-alive connections.
 */

/** File names that carry a content hash never change, so browsers may keep them for a year. */
const HASHED_ASSET = /\.[0-9a-f]{8,}\.(?:js|css|woff2?|png|svg)$/;

/**
 * Writes one JSON log line: the platform runner and log collectors read stdout line by line.
 * @param {Record<string, unknown>} fields
 */
export function logJson(fields) {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'info', ...fields })}\n`);
}

/**
 * Sends a JSON body with the given status.
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 */
export function sendJson(res, status, body) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(payload),
    'Cache-Control': 'no-store',
  });
  res.end(payload);
}

/** @param {http.ServerResponse} res */
function setCorsHeaders(res) {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
}

/**
 * Builds the request handler and the server without listening, so tests can drive it on a free port.
 * @param {StaticServerOptions} options
 * @returns {http.Server}
 */
export function createStaticServer(options) {
  const dir = options.dir instanceof URL ? fileURLToPath(options.dir) : options.dir;
  const extraRoutes = options.extraRoutes ?? {};
  const files = sirv(dir, {
    etag: true,
    gzip: true,
    brotli: true,
    single: options.spa ? 'index.html' : false,
    // Manifests and entry files must be revalidated so a redeployed remote is picked up at once.
    setHeaders: (res, pathname) => {
      res.setHeader('Cache-Control', HASHED_ASSET.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  return http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (options.cors) setCorsHeaders(res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD, OPTIONS');
      sendJson(res, 405, { error: 'method not allowed' });
      return;
    }
    if (pathname === '/health') {
      sendJson(res, 200, { status: 'ok' });
      return;
    }
    const route = extraRoutes[pathname];
    if (route) {
      Promise.resolve(route(req, res)).catch((error) => {
        logJson({ level: 'error', service: options.name, msg: 'route failed', path: pathname, error: String(error) });
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
        else res.end();
      });
      return;
    }
    files(req, res, () => sendJson(res, 404, { error: 'not found', path: pathname }));
  });
}

/**
 * Serves a built app: listens, logs one JSON line with its URL, and closes gracefully on SIGTERM/SIGINT.
 * @param {StaticServerOptions} options
 * @returns {Promise<RunningStaticServer>}
 */
export async function serveStatic(options) {
  const server = createStaticServer(options);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host, () => resolve(undefined));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://localhost:${port}`;
  const dir = options.dir instanceof URL ? fileURLToPath(options.dir) : options.dir;
  logJson({ service: options.name, msg: 'listening', url, dir });

  let closing;
  const close = () => {
    closing ??= new Promise((resolve) => {
      server.close(() => resolve(undefined));
      server.closeIdleConnections();
    });
    return closing;
  };
  /** @param {NodeJS.Signals} signal */
  const onSignal = (signal) => {
    logJson({ service: options.name, msg: 'stopping', signal });
    // A client holding a connection open must not keep the process alive for ever.
    setTimeout(() => process.exit(0), 5000).unref();
    void close().then(() => process.exit(0));
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  server.once('close', () => {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  });
  return { server, url, close };
}
