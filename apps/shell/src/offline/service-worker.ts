/**
 * The shell's service worker (`/sw.js`, scope `/`): lets the app open again without a network after it
 * was opened once with one. Built by its own rspack compilation after the shell's (see
 * rspack.config.mjs), which writes the build's version and file list into it. GraphQL and `/files/*`
 * are never touched: see {@link cacheRoute}.
 */
import { cacheRoute, type CacheRoute } from './cache-routes';
import type { CacheUrlsMessage } from './register-service-worker';

// The worker's scope is not in the shell's `lib` (DOM): the few types it uses, declared here.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response> | Response): void;
}
interface MessageEventLike extends ExtendableEvent {
  readonly data: unknown;
}
interface WorkerScope {
  readonly location: Location;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
}
const worker = self as unknown as WorkerScope;

/** Replaced at build time: a hash of the shell's file names and page, so each deployment has its own cache. */
const VERSION = '__DR_SW_VERSION__';
/** Replaced at build time: the page, `/config.json` and the scripts and styles the page itself loads. */
const PRECACHE = JSON.parse('__DR_SW_PRECACHE__') as string[];

const PREFIX = 'dr-shell-';
/** The shell's own files, replaced by each deployment. */
const SHELL_CACHE = `${PREFIX}${VERSION}`;
/** Files of the department remotes (other origins, deployed on their own), kept as they are fetched. */
const REMOTES_CACHE = 'dr-remotes';
/** How long a page load waits for the network before it takes the stored copy (a basement's bad signal). */
const NETWORK_TIMEOUT_MS = 5000;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' }))))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== SHELL_CACHE).map((name) => caches.delete(name))))
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener('fetch', (event) => {
  const route = cacheRoute(event.request, worker.location.origin);
  if (route === 'network') return;
  event.respondWith(answer(route, event.request));
});

// The page hands over what it loaded before this worker controlled it (the first visit's remote files).
worker.addEventListener('message', (event) => {
  const message = event.data as Partial<CacheUrlsMessage> | null;
  if (message?.type !== 'cache-urls' || !Array.isArray(message.urls)) return;
  event.waitUntil(Promise.all(message.urls.map((url) => storeIfMissing(String(url)))));
});

async function storeIfMissing(url: string): Promise<void> {
  const route = cacheRoute({ method: 'GET', url, mode: 'cors' }, worker.location.origin);
  if (route === 'network') return;
  const request = new Request(url);
  if (await caches.match(request)) return;
  try {
    const response = await fetch(request).catch(() => fetch(url, { mode: 'no-cors' }));
    if (!storable(response)) return;
    await (await cacheFor(request)).put(request, response);
  } catch {
    // Offline again, or gone: the next visit stores it when it passes.
  }
}

function cacheFor(request: Request): Promise<Cache> {
  return caches.open(new URL(request.url).origin === worker.location.origin ? SHELL_CACHE : REMOTES_CACHE);
}

/** A response worth keeping: a success, or a cross-origin script fetched without CORS (opaque). */
function storable(response: Response): boolean {
  return response.ok || response.type === 'opaque';
}

async function answer(route: Exclude<CacheRoute, 'network'>, request: Request): Promise<Response> {
  if (route === 'cache-first') {
    const cached = await caches.match(request);
    if (cached) return cached;
    const response = await fetch(request);
    if (storable(response)) {
      const copy = response.clone();
      await (await cacheFor(request)).put(request, copy);
    }
    return response;
  }
  // The client routes every page of the app from the same `index.html`, stored under `/`.
  const key = route === 'navigation' ? '/' : request;
  return networkFirst(request, key);
}

async function networkFirst(request: Request, key: Request | string): Promise<Response> {
  const cache = await cacheFor(request);
  const cached = await cache.match(key, { ignoreVary: true, ignoreSearch: key === '/' });
  const network = fetch(request).then(async (response) => {
    const html = key !== '/' || (response.headers.get('content-type') ?? '').includes('text/html');
    if (storable(response) && html) await cache.put(key, response.clone());
    return response;
  });
  if (!cached) return network;
  const fallback = new Promise<Response>((resolve) => {
    setTimeout(() => resolve(cached), NETWORK_TIMEOUT_MS);
    network.catch(() => resolve(cached));
  });
  return Promise.race([network.catch(() => fallback), fallback]);
}
