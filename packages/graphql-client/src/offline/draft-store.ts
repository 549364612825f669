import { createIndexedDbStore, type KeyValueStore } from './kv-store';

/** A draft as stored on the device. */
export interface StoredDraft<T> {
  value: T;
  /** When it was written (epoch ms). */
  savedAt: number;
}

/**
 * Keeps what the user typed on the device, keyed by what it is a draft of (e.g.
 * `section:CULTURE:<inspectionId>`), plus blobs (photos not yet uploaded) by id, so a reload, a
 * crash or a flat battery loses nothing.
 */
export interface DraftStore {
  load<T>(key: string): Promise<StoredDraft<T> | undefined>;
  /**
   * Writes a draft. Calls in quick succession are coalesced: the last value always lands, writes
   * never overtake each other.
   */
  save<T>(key: string, value: T): Promise<void>;
  remove(key: string): Promise<void>;
  putBlob(id: string, blob: Blob): Promise<void>;
  getBlob(id: string): Promise<Blob | undefined>;
  removeBlob(id: string): Promise<void>;
}

const DRAFT_PREFIX = 'draft:';
const BLOB_PREFIX = 'blob:';

/**
 * A {@link DraftStore} over a key-value store (IndexedDB database `dr-drafts` by default).
 * @param store - where to keep drafts; tests pass a memory store
 */
export function createDraftStore(store: KeyValueStore = createIndexedDbStore('dr-drafts')): DraftStore {
  // Per key: the loop writing it, and the newest value not yet written (null: remove).
  const writing = new Map<string, Promise<void>>();
  const waiting = new Map<string, StoredDraft<unknown> | null>();

  const drain = async (key: string) => {
    try {
      while (waiting.has(key)) {
        const next = waiting.get(key);
        waiting.delete(key);
        if (next) await store.set(DRAFT_PREFIX + key, next);
        else await store.delete(DRAFT_PREFIX + key);
      }
    } finally {
      writing.delete(key);
    }
  };
  const write = (key: string, next: StoredDraft<unknown> | null): Promise<void> => {
    waiting.set(key, next);
    let job = writing.get(key);
    if (!job) {
      job = drain(key);
      writing.set(key, job);
    }
    return job;
  };

  return {
    async load<T>(key: string) {
      if (waiting.has(key)) {
        const pending = waiting.get(key);
        return pending === null ? undefined : (pending as StoredDraft<T>);
      }
      await writing.get(key);
      return store.get<StoredDraft<T>>(DRAFT_PREFIX + key);
    },
    save: (key, value) => write(key, { value, savedAt: Date.now() }),
    remove: (key) => write(key, null),
    putBlob: (id, blob) => store.set(BLOB_PREFIX + id, blob),
    getBlob: (id) => store.get<Blob>(BLOB_PREFIX + id),
    removeBlob: (id) => store.delete(BLOB_PREFIX + id),
  };
}

const SHARED = Symbol.for('@dr/graphql-client/draft-store');

/** The page's one draft store (IndexedDB `dr-drafts`), shared by the shell and the remotes. */
export function sharedDraftStore(): DraftStore {
  const holder = globalThis as typeof globalThis & { [SHARED]?: DraftStore };
  return (holder[SHARED] ??= createDraftStore());
}
