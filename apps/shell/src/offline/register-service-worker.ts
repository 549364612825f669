/** Replaced by rspack (`production` in every build the shell's server serves). */
declare const process: { env: { NODE_ENV?: string } };

/** The message the page sends its worker: files it loaded before the worker controlled it. */
export interface CacheUrlsMessage {
  type: 'cache-urls';
  urls: string[];
}

/**
 * Registers the shell's service worker (`/sw.js`, scope `/`) in production builds, once the page has
 * loaded (installing it fetches the whole shell, which must not slow the first start). On the first
 * visit the page loads the remotes before the worker controls it, so the page then hands it the list
 * of files it fetched; the worker stores those it would have stored (see `cacheRoute`).
 */
export function registerServiceWorker(): void {
  if (process.env.NODE_ENV !== 'production' || typeof navigator === 'undefined' || !navigator.serviceWorker) return;
  try {
    setUp(navigator.serviceWorker);
  } catch (error) {
    // Some browsers (private modes, test harnesses) refuse workers: the app runs online only.
    console.warn('[shell] service worker not available', error);
  }
}

function setUp(container: ServiceWorkerContainer): void {
  const register = () => {
    container.register('/sw.js', { scope: '/' }).catch((error: unknown) => console.warn('[shell] service worker not registered', error));
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });

  const handOver = () => {
    const controller = container.controller;
    if (!controller) return;
    const urls = performance.getEntriesByType('resource').map((entry) => entry.name);
    const message: CacheUrlsMessage = { type: 'cache-urls', urls };
    controller.postMessage(message);
  };
  container.addEventListener('controllerchange', handOver);
  // Files loaded later (a tab opened afterwards) pass through the worker anyway; this covers the start.
  void container.ready.then(() => setTimeout(handOver, 3000));
}
