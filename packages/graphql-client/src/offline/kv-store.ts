import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';

/**
 * The little storage the offline pieces need: string keys, structured-clone values (plain JSON,
 * `Blob`s, `File`s). Implemented over IndexedDB in browsers and in memory for tests or for
 * browsers that refuse IndexedDB (some private modes): then nothing survives a reload, but the
 * page still works.
 */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every entry whose key starts with `prefix`, in key order. */
  entries<T>(prefix: string): Promise<[string, T][]>;
}

/** A {@link KeyValueStore} in memory (tests, or no IndexedDB). Values are kept as given, not cloned. */
export function createMemoryStore(): KeyValueStore {
  const map = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => map.get(key) as T | undefined,
    set: async (key, value) => void map.set(key, value),
    delete: async (key) => void map.delete(key),
    entries: async <T>(prefix: string) =>
      [...map.entries()]
        .filter(([key]) => key.startsWith(prefix))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) as [string, T][],
  };
}

/**
 * A {@link KeyValueStore} in its own IndexedDB database (one object store). Falls back to memory
 * when `indexedDB` is missing or refuses to open (some private modes): the page keeps working, only
 * a reload forgets.
 * @param databaseName - e.g. `dr-outbox`; one database per store keeps upgrades trivial
 */
export function createIndexedDbStore(databaseName: string): KeyValueStore {
  if (typeof indexedDB === 'undefined') return createMemoryStore();
  let store: UseStore | null = null;
  let fallback: KeyValueStore | null = null;
  const use = () => (store ??= createStore(databaseName, 'keyval'));
  /** Runs on IndexedDB; if the database cannot be used at all, from then on in memory. */
  const run = async <T>(onDisk: (db: UseStore) => Promise<T>, inMemory: (memory: KeyValueStore) => Promise<T>): Promise<T> => {
    if (fallback) return inMemory(fallback);
    try {
      return await onDisk(use());
    } catch (error) {
      if (!(error instanceof DOMException) || !['InvalidStateError', 'UnknownError', 'SecurityError', 'NotAllowedError'].includes(error.name)) throw error;
      console.warn(`[offline] IndexedDB ${databaseName} unavailable (${error.name}); keeping data in memory only`);
      fallback = createMemoryStore();
      return inMemory(fallback);
    }
  };
  return {
    get: <T>(key: string) => run((db) => get<T>(key, db), (memory) => memory.get<T>(key)),
    set: (key, value) => run((db) => set(key, value, db), (memory) => memory.set(key, value)),
    delete: (key) => run((db) => del(key, db), (memory) => memory.delete(key)),
    entries: <T>(prefix: string) =>
      run(
        async (db) => {
          const all = await entries<IDBValidKey, T>(db);
          return all
            .filter((entry): entry is [string, T] => typeof entry[0] === 'string' && entry[0].startsWith(prefix))
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        },
        (memory) => memory.entries<T>(prefix),
      ),
  };
}
