/**
 * Which way the shell's service worker answers a request. Pure, so it is tested without a browser.
 *
 * - `network`: the worker leaves the request alone (GraphQL, files, anything it does not know).
 * - `navigation`: network first; offline, the cached `index.html` (the app routes on the client).
 * - `network-first`: files whose name stays the same across deployments (`/config.json`,
 *   `mf-manifest.json`, `remoteEntry.js`): the network when it answers, else the last copy.
 * - `cache-first`: content-hashed files, which never change under one name.
 */
export type CacheRoute = 'network' | 'navigation' | 'network-first' | 'cache-first';

/** What {@link cacheRoute} looks at. */
export interface RouteRequest {
  method: string;
  url: string;
  /** `Request.mode`: `navigate` for a page load. */
  mode?: string;
}

/** A file name with a content hash, as the rspack preset writes them (`[name].[contenthash:8].js`). */
const HASHED = /\.[0-9a-f]{8,}\.(?:js|css|woff2?|ttf|png|svg)$/;
/** Static files the app is made of (source maps and precompressed twins are never requested by pages). */
const STATIC = /\.(?:js|css|woff2?|ttf|png|svg)$/;
/** Personal data, tokens, evidence and PDFs: never kept by the worker, whatever the origin. */
const NEVER = /^\/(?:graphql|files)(?:\/|$)/;

/**
 * Decides how the worker answers a request.
 * @param request - method, URL and mode of the fetch
 * @param origin - the shell's own origin (`self.location.origin`)
 */
export function cacheRoute(request: RouteRequest, origin: string): CacheRoute {
  if (request.method !== 'GET') return 'network';
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return 'network';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'network';
  const path = url.pathname;
  if (NEVER.test(path)) return 'network';
  const sameOrigin = url.origin === origin;
  if (sameOrigin) {
    if (path === '/sw.js' || path === '/health') return 'network';
    if (request.mode === 'navigate') return 'navigation';
    if (path === '/config.json') return 'network-first';
  }
  if (path.endsWith('/mf-manifest.json')) return 'network-first';
  if (HASHED.test(path)) return 'cache-first';
  // Same-origin static files without a hash, and each remote's `remoteEntry.js`.
  if (STATIC.test(path)) return 'network-first';
  return 'network';
}

