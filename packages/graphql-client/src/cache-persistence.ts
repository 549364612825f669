import { ApolloLink, InMemoryCache, type InMemoryCacheConfig } from '@apollo/client';
import { ServerError } from '@apollo/client/errors';
import { Observable, catchError, of, tap, throwError } from 'rxjs';
import { createIndexedDbStore, type KeyValueStore } from './offline/kv-store';

/** Apollo's normalized cache as `extract()` returns it: entity id → its stored fields. */
export type CacheSnapshot = Record<string, Record<string, unknown> | undefined>;

/**
 * The last server data one user saw, kept on the device so a page reloaded without a network can
 * still show it. It is an offline fallback, not a cache: while the gateway answers, every query goes
 * there as before; only a query that fails for lack of a network (no answer, or 502/503/504) is
 * answered from this snapshot, when the snapshot holds all of its fields.
 */
export interface OfflineCache {
  /** Put between the error link and the HTTP link: answers failed queries and notes fresh results. */
  readonly link: ApolloLink;
  /** Connects the client's cache, whose contents are stored (merged into the snapshot) after results. */
  attach(cache: InMemoryCache): void;
  /** Loads the snapshot of the user now signed in (none when nobody is). */
  load(): Promise<void>;
  /** Stores the current snapshot now (also done shortly after every result and when the page is hidden). */
  flush(): Promise<void>;
  /** Forgets every user's snapshot on this device: it holds personal data (logout). */
  clear(): Promise<void>;
}

/** Options of {@link createOfflineCache}. */
export interface CreateOfflineCacheOptions {
  /** Whose data this is (the token's subject); null when nobody is signed in: nothing is stored then. */
  userKey: () => string | null;
  /** The client cache's type policies, so the fallback reads with the same keys. */
  cacheConfig?: InMemoryCacheConfig;
  /** Where snapshots live; IndexedDB `dr-apollo-cache` by default (memory where there is none). */
  store?: KeyValueStore;
  /** How long after a result the snapshot is written (results come in bursts). */
  delayMs?: number;
}

/**
 * Newer fields win, entity by entity; what only the older snapshot knows (another page's data) stays,
 * so opening the home page does not forget the inspection opened before.
 */
export function mergeSnapshots(older: CacheSnapshot, newer: CacheSnapshot): CacheSnapshot {
  const merged: CacheSnapshot = { ...older };
  for (const [id, fields] of Object.entries(newer)) {
    if (!fields) continue;
    const before = older[id];
    merged[id] = before ? { ...before, ...fields } : fields;
  }
  return merged;
}

/** No answer at all (offline, DNS, refused), or a proxy saying the gateway is away. */
export function isNetworkFailure(error: unknown): boolean {
  if (ServerError.is(error)) return error.statusCode === 502 || error.statusCode === 503 || error.statusCode === 504;
  return error instanceof TypeError || (error instanceof Error && error.name === 'TypeError');
}

const KEY_PREFIX = 'snapshot:';

/**
 * Keeps the last server data per user on the device and answers queries from it when the network is
 * gone (see {@link OfflineCache}).
 * @param options - whose data, cache configuration, storage
 */
export function createOfflineCache(options: CreateOfflineCacheOptions): OfflineCache {
  const store = options.store ?? createIndexedDbStore('dr-apollo-cache');
  const delayMs = options.delayMs ?? 500;
  let cache: InMemoryCache | null = null;
  /** The stored snapshot of `owner`, merged with what this page has received since. */
  let snapshot: CacheSnapshot = {};
  let owner: string | null = null;
  let fallback: InMemoryCache | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing = Promise.resolve();

  const fallbackCache = () => {
    if (!fallback) {
      fallback = new InMemoryCache(options.cacheConfig);
      fallback.restore(snapshot as never);
    }
    return fallback;
  };

  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const user = options.userKey();
    if (!cache || !user || user !== owner) return;
    snapshot = mergeSnapshots(snapshot, cache.extract() as CacheSnapshot);
    fallback = null;
    const value = snapshot;
    writing = writing.then(() => store.set(`${KEY_PREFIX}${user}`, value)).catch(() => undefined);
    await writing;
  };
  const schedule = () => {
    if (timer) return;
    timer = setTimeout(() => void flush(), delayMs);
  };

  if (typeof document !== 'undefined') {
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') void flush();
    });
  }

  const link = new ApolloLink((operation, forward) => {
    const isQuery = operation.query.definitions.some((definition) => definition.kind === 'OperationDefinition' && definition.operation === 'query');
    return forward(operation).pipe(
      tap({ complete: schedule }),
      catchError((error: unknown) => {
        if (isQuery && isNetworkFailure(error) && options.userKey() === owner && owner !== null) {
          const data = fallbackCache().read<Record<string, unknown>>({
            query: operation.query,
            variables: operation.variables,
            optimistic: false,
            returnPartialData: false,
          });
          if (data) return of({ data });
        }
        return throwError(() => error);
      }),
    ) as Observable<ApolloLink.Result>;
  });

  return {
    link,
    attach(next) {
      cache = next;
    },
    async load() {
      const user = options.userKey();
      if (user === owner) return;
      owner = user;
      snapshot = {};
      fallback = null;
      if (!user) return;
      try {
        snapshot = (await store.get<CacheSnapshot>(`${KEY_PREFIX}${user}`)) ?? {};
      } catch {
        snapshot = {};
      }
    },
    flush,
    async clear() {
      if (timer) clearTimeout(timer);
      timer = null;
      snapshot = {};
      fallback = null;
      owner = null;
      await writing;
      const stored = await store.entries(KEY_PREFIX).catch(() => []);
      await Promise.all(stored.map(([key]) => store.delete(key).catch(() => undefined)));
    },
  };
}
