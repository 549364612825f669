import { describeGraphQLError, errorKindOf, GatewayFileError, graphQLErrorsOf } from '../graphql-error';
import { createIndexedDbStore, type KeyValueStore } from './kv-store';

/**
 * A write waiting in the {@link Outbox}. Entries are sent one after another in `seq` order; an entry
 * leaves the outbox only once the server accepted it (or the user discarded it).
 */
export interface OutboxEntry<P = unknown> {
  /** Stable id; later entries may refer to this entry's result with {@link outboxRef}. */
  id: string;
  /** Send order (ascending). */
  seq: number;
  /** Which registered handler sends it, e.g. `graphql` or `upload`. */
  kind: string;
  /**
   * What the entry belongs to, e.g. `section:CULTURE:<inspectionId>`. A failed entry blocks the later
   * entries of its scope (they were made on top of it) but not other scopes.
   */
  scope: string;
  /** Made on the device when the user acted; the server answers a repeat with the first answer. */
  idempotencyKey: string;
  payload: P;
  /** Chinese description for the user, e.g. `保存检查记录`. */
  label: string;
  /** Entries with the same coalesce key replace each other while waiting (a newer whole draft). */
  coalesceKey?: string;
  /** The user who made it; only sent while that user is signed in. */
  owner?: string;
  createdAt: number;
  /** Failed attempts so far (network errors). */
  attempts: number;
  status: 'queued' | 'failed';
  /** Why the server refused it (status `failed`). */
  failure?: OutboxFailure;
}

/** A refusal that resending cannot fix (validation, conflict, permission): it goes to the user. */
export interface OutboxFailure {
  /** `extensions.code` (`CONFLICT`, `BAD_USER_INPUT`, …) or null. */
  code: string | null;
  /** Chinese text for the user. */
  message: string;
  /** What the server said, word for word, when it said something (its reason may be more exact). */
  serverMessage?: string;
  /** The first GraphQL error's extensions (a CONFLICT's `currentVersion` and `changes`). */
  extensions?: Record<string, unknown>;
}

/** Sends one entry's payload (with {@link outboxRef}s resolved) and returns what the server answered. */
export type OutboxHandler<P = any> = (payload: P, entry: OutboxEntry<P>) => Promise<unknown>;

/** What to enqueue; the outbox adds id, seq, attempts and status. */
export interface OutboxInput<P = unknown> {
  kind: string;
  scope: string;
  idempotencyKey: string;
  payload: P;
  label: string;
  coalesceKey?: string;
  owner?: string;
  /** Optional id (so the caller can refer to it before it is stored); a UUID by default. */
  id?: string;
}

/** What a listener learns when an entry has been settled. */
export type OutboxEvent =
  | { type: 'sent'; entry: OutboxEntry; result: unknown }
  | { type: 'failed'; entry: OutboxEntry; failure: OutboxFailure }
  | { type: 'discarded'; entry: OutboxEntry };

/** The state of the outbox as a screen shows it. */
export interface OutboxSnapshot {
  /** Entries not yet accepted, in send order (queued and failed). */
  entries: readonly OutboxEntry[];
  /** Id of the entry being sent now. */
  sendingId: string | null;
  online: boolean;
  /** When the next attempt after a network error is due (epoch ms), or null. */
  retryAt: number | null;
  /** True once the stored entries have been read. */
  loaded: boolean;
}

/** Options of {@link Outbox}. */
export interface OutboxOptions {
  /** Where entries and results are kept; IndexedDB database `dr-outbox` by default. */
  store?: KeyValueStore;
  /** Is the device online? `navigator.onLine` by default. */
  isOnline?: () => boolean;
  /** Errors worth resending: {@link isRetryableError} by default, never a validation or conflict refusal. */
  isRetryable?: (error: unknown) => boolean;
  /** Turns a refusal into what the user sees. */
  describeFailure?: (error: unknown) => OutboxFailure;
  /** Delay before attempt `attempts + 1` after a network error: 1 s doubling up to 30 s, ±20 %. */
  retryDelay?: (attempts: number) => number;
  /** Listen to the window's `online` / `offline` events (true by default in browsers). */
  watchConnectivity?: boolean;
}

const ENTRY_PREFIX = 'op:';
const RESULT_PREFIX = 'result:';
/** Results are kept this long for {@link outboxRef}s of entries still waiting. */
const RESULT_TTL_MS = 7 * 24 * 3600 * 1000;
const DISCARDED = { $outboxDiscarded: true } as const;

/** A placeholder in a payload for a value of an earlier entry's result, resolved when sending. */
export interface OutboxRef {
  $outboxRef: string;
  path: readonly (string | number)[];
  /** Used when the referred entry was discarded; without one the value is left out (dropped from arrays). */
  fallback?: unknown;
}

/**
 * A value of an earlier entry's result, resolved just before this entry is sent: an evidence id
 * of an upload made offline, the section version a previous save produced.
 * @param entryId - the earlier entry
 * @param path - where in its result, e.g. `['id']`
 * @param fallback - the value to use if that entry was discarded
 */
export function outboxRef(entryId: string, path: readonly (string | number)[], ...fallback: [] | [unknown]): OutboxRef {
  return fallback.length ? { $outboxRef: entryId, path, fallback: fallback[0] } : { $outboxRef: entryId, path };
}

function isRef(value: unknown): value is OutboxRef {
  return typeof value === 'object' && value !== null && typeof (value as OutboxRef).$outboxRef === 'string';
}

const OMIT = Symbol('omit');

/** Ids of the entries a payload refers to. */
function refsOf(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (isRef(value)) into.add(value.$outboxRef);
  else if (Array.isArray(value)) value.forEach((item) => refsOf(item, into));
  else if (isPlainObject(value)) Object.values(value).forEach((item) => refsOf(item, into));
  return into;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function resolveRefs(value: unknown, results: Map<string, unknown>): unknown {
  if (isRef(value)) {
    const result = results.get(value.$outboxRef);
    if (result === undefined || (isPlainObject(result) && result['$outboxDiscarded'])) return 'fallback' in value ? value.fallback : OMIT;
    let current: unknown = result;
    for (const key of value.path) current = (current as Record<string | number, unknown> | null)?.[key];
    return current === undefined ? ('fallback' in value ? value.fallback : OMIT) : current;
  }
  if (Array.isArray(value)) return value.map((item) => resolveRefs(item, results)).filter((item) => item !== OMIT);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const resolved = resolveRefs(item, results);
      if (resolved !== OMIT) out[key] = resolved;
    }
    return out;
  }
  return value;
}

function defaultRetryDelay(attempts: number): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/**
 * What resending may fix: no answer or a proxy's 5xx page, a department subgraph that is down, and
 * an expired session (the entry waits until the user signs in again).
 * @param error - what a handler threw
 */
export function isRetryableError(error: unknown): boolean {
  const kind = errorKindOf(error);
  return kind === 'NETWORK' || kind === 'SUBGRAPH_UNAVAILABLE' || kind === 'UNAUTHENTICATED';
}

function defaultDescribeFailure(error: unknown): OutboxFailure {
  const first = graphQLErrorsOf(error)[0];
  const kind = errorKindOf(error);
  const serverText = error instanceof GatewayFileError ? error.message : kind === 'BAD_USER_INPUT' ? first?.message : undefined;
  return {
    code: kind === 'UNKNOWN' || kind === 'NETWORK' ? null : kind,
    message: serverText || describeGraphQLError(error),
    serverMessage: first?.message ?? (error instanceof GatewayFileError ? error.message || undefined : undefined),
    extensions: first?.extensions ? { ...first.extensions } : undefined,
  };
}

/** UUID v4 from the platform; a fallback for old browsers and non-secure origins. */
export function newIdempotencyKey(): string {
  const cryptoApi = (globalThis as { crypto?: Crypto }).crypto;
  if (cryptoApi?.randomUUID) return cryptoApi.randomUUID();
  const bytes = new Uint8Array(16);
  if (cryptoApi?.getRandomValues) cryptoApi.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const entryKey = (entry: Pick<OutboxEntry, 'seq' | 'id'>) => `${ENTRY_PREFIX}${String(entry.seq).padStart(16, '0')}:${entry.id}`;

/**
 * A persisted queue of writes made on the device (GraphQL mutations with their idempotency key,
 * file uploads with their bytes), sent in order whenever the device is online.
 *
 * - **Nothing is lost**: an entry is written to storage before `enqueue` resolves and removed only
 *   after the server accepted it; a new instance (a reload) picks up where the last one stopped.
 * - **Exactly once**: every entry carries the idempotency key made when the user acted, and a resend
 *   (after a network error, a reload between the server's answer and the removal, two tabs) carries
 *   the same key, which the server answers with its first answer.
 * - **Retry only what resending can fix**: network failures are retried with backoff; a refusal
 *   (validation, CONFLICT, permission) marks the entry `failed` with the server's reason and blocks
 *   the later entries of its scope until the user resolves it ({@link Outbox.retry} or
 *   {@link Outbox.discard}).
 *
 * Handlers are registered by kind ({@link Outbox.setHandler}); entries whose handler is not
 * registered on this page wait, so screens can share one outbox.
 */
export class Outbox {
  private readonly store: KeyValueStore;
  private readonly isOnline: () => boolean;
  private readonly isRetryable: (error: unknown) => boolean;
  private readonly describeFailure: (error: unknown) => OutboxFailure;
  private readonly retryDelay: (attempts: number) => number;
  private owner: string | null = null;
  private readonly handlers = new Map<string, OutboxHandler>();
  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<(event: OutboxEvent) => void>();
  private entries: OutboxEntry[] = [];
  private snapshot: OutboxSnapshot;
  private sendingId: string | null = null;
  private retryAt: number | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private runAgain = false;
  private lastSeq = 0;
  private loaded = false;
  private readonly ready: Promise<void>;
  private readonly detach: () => void;

  /** @param options - storage, connectivity and error policy; defaults suit a browser */
  constructor(options: OutboxOptions = {}) {
    this.store = options.store ?? createIndexedDbStore('dr-outbox');
    this.isOnline = options.isOnline ?? (() => typeof navigator === 'undefined' || navigator.onLine !== false);
    this.isRetryable = options.isRetryable ?? isRetryableError;
    this.describeFailure = options.describeFailure ?? defaultDescribeFailure;
    this.retryDelay = options.retryDelay ?? defaultRetryDelay;
    this.snapshot = this.makeSnapshot();
    const watch = options.watchConnectivity ?? typeof window !== 'undefined';
    if (watch && typeof window !== 'undefined') {
      const online = () => {
        this.clearRetryWait();
        this.emit();
        void this.flush();
      };
      const offline = () => this.emit();
      window.addEventListener('online', online);
      window.addEventListener('offline', offline);
      this.detach = () => {
        window.removeEventListener('online', online);
        window.removeEventListener('offline', offline);
      };
    } else {
      this.detach = () => undefined;
    }
    this.ready = this.load();
  }

  /** Resolves once the stored entries have been read. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  private async load(): Promise<void> {
    await this.reloadEntries();
    // Results nobody can still refer to are dropped.
    const results = await this.store.entries<{ at: number }>(RESULT_PREFIX);
    const now = Date.now();
    await Promise.all(results.filter(([, value]) => !value || now - value.at > RESULT_TTL_MS).map(([key]) => this.store.delete(key)));
    this.loaded = true;
    this.emit();
  }

  private async reloadEntries(): Promise<void> {
    const stored = await this.store.entries<OutboxEntry>(ENTRY_PREFIX);
    this.entries = stored.map(([, entry]) => entry).sort((a, b) => a.seq - b.seq);
    for (const entry of this.entries) this.lastSeq = Math.max(this.lastSeq, entry.seq);
  }

  /**
   * Registers (or replaces) the sender of one kind of entry and sends what waits for it.
   * @param kind - the `kind` of the entries it sends
   * @param handler - sends a payload; throws on failure
   */
  setHandler(kind: string, handler: OutboxHandler): void {
    this.handlers.set(kind, handler);
    void this.flush();
  }

  /**
   * Names the signed-in user: entries made by another user wait until that user signs in again
   * (they must never go with someone else's token).
   * @param owner - the user's id, or null when nobody is signed in
   */
  setOwner(owner: string | null): void {
    if (owner === this.owner) return;
    this.owner = owner;
    void this.flush();
  }

  /**
   * Stores a write and starts sending. Waiting entries with the same `coalesceKey` (not the one
   * being sent) are replaced: a newer whole draft makes an older unsent one pointless.
   * @param input - what to send and how the user will see it
   * @returns the stored entry
   */
  async enqueue<P>(input: OutboxInput<P>): Promise<OutboxEntry<P>> {
    await this.ready;
    this.lastSeq = Math.max(this.lastSeq + 1, Date.now() * 1000);
    const entry: OutboxEntry<P> = {
      id: input.id ?? newIdempotencyKey(),
      seq: this.lastSeq,
      kind: input.kind,
      scope: input.scope,
      idempotencyKey: input.idempotencyKey,
      payload: input.payload,
      label: input.label,
      coalesceKey: input.coalesceKey,
      owner: input.owner,
      createdAt: Date.now(),
      attempts: 0,
      status: 'queued',
    };
    if (input.coalesceKey) {
      const replaced = this.entries.filter((item) => item.coalesceKey === input.coalesceKey && item.id !== this.sendingId);
      for (const item of replaced) await this.remove(item, true);
    }
    await this.store.set(entryKey(entry), entry);
    this.entries = [...this.entries.filter((item) => item.id !== entry.id), entry as OutboxEntry].sort((a, b) => a.seq - b.seq);
    // The user just acted: try at once rather than waiting out a backoff.
    this.clearRetryWait();
    this.emit();
    void this.flush();
    return entry;
  }

  /**
   * Drops a waiting or failed entry; its later entries may then go. {@link outboxRef}s to it resolve
   * to their fallback.
   * @param id - the entry
   */
  async discard(id: string): Promise<void> {
    await this.ready;
    const entry = this.entries.find((item) => item.id === id);
    if (!entry || entry.id === this.sendingId) return;
    await this.remove(entry, true);
    this.emit();
    void this.flush();
  }

  /**
   * Sends a failed entry again (e.g. after the user fixed the cause elsewhere).
   * @param id - the entry
   */
  async retry(id: string): Promise<void> {
    await this.ready;
    const entry = this.entries.find((item) => item.id === id);
    if (!entry) return;
    const again: OutboxEntry = { ...entry, status: 'queued', failure: undefined };
    await this.replaceEntry(again);
    void this.flush();
  }

  /** The current state; the same object until something changes (for `useSyncExternalStore`). */
  getSnapshot = (): OutboxSnapshot => this.snapshot;

  /**
   * Calls `listener` on every change of {@link Outbox.getSnapshot}.
   * @returns a function that stops listening
   */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Calls `listener` when an entry was accepted, refused or discarded.
   * @returns a function that stops listening
   */
  onEvent(listener: (event: OutboxEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /**
   * The stored result of an accepted entry (kept for a week), or undefined.
   * @param id - the entry
   */
  async resultOf(id: string): Promise<unknown> {
    const stored = await this.store.get<{ at: number; value: unknown }>(`${RESULT_PREFIX}${id}`);
    return stored?.value;
  }

  /**
   * Sends what can be sent now, in order; resolves when nothing more can go (all sent, offline,
   * waiting for a retry, or blocked by refusals). Concurrent calls share one run.
   */
  flush(): Promise<void> {
    if (this.running) {
      this.runAgain = true;
      return this.running;
    }
    const run = async () => {
      try {
        do {
          this.runAgain = false;
          await this.withLock(() => this.sendAll());
        } while (this.runAgain);
      } finally {
        this.running = null;
      }
    };
    this.running = run();
    return this.running;
  }

  /** Stops listening to connectivity and cancels a pending retry. */
  close(): void {
    this.detach();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** Two tabs of the same browser share the database; a Web Lock lets one of them send at a time. */
  private async withLock(run: () => Promise<void>): Promise<void> {
    const locks = typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { locks?: LockManager }).locks;
    if (!locks?.request) return run();
    await locks.request('dr-outbox', () => run());
  }

  private async sendAll(): Promise<void> {
    await this.ready;
    // Another tab may have sent or added entries meanwhile.
    await this.reloadEntries();
    this.emit();
    for (;;) {
      if (!this.isOnline()) return;
      if (this.retryAt !== null && Date.now() < this.retryAt) return;
      const next = this.nextSendable();
      if (!next) return;
      const results = await this.loadResults(next);
      this.sendingId = next.id;
      this.emit();
      try {
        const handler = this.handlers.get(next.kind) as OutboxHandler;
        const result = await handler(resolveRefs(next.payload, results), next);
        await this.store.set(`${RESULT_PREFIX}${next.id}`, { at: Date.now(), value: result ?? null });
        this.sendingId = null;
        await this.remove(next, false);
        this.retryAt = null;
        this.emit();
        this.notify({ type: 'sent', entry: next, result });
      } catch (error) {
        this.sendingId = null;
        if (this.isRetryable(error)) {
          const attempts = next.attempts + 1;
          await this.replaceEntry({ ...next, attempts });
          this.scheduleRetry(this.retryDelay(attempts));
          return;
        }
        const failure = this.describeFailure(error);
        await this.replaceEntry({ ...next, status: 'failed', failure, attempts: next.attempts + 1 });
        this.notify({ type: 'failed', entry: next, failure });
      }
    }
  }

  /** The first entry that may go: its scope has nothing failed or waiting before it, its handler is here. */
  private nextSendable(): OutboxEntry | null {
    const blocked = new Set<string>();
    const waiting = new Set(this.entries.map((entry) => entry.id));
    const owner = this.owner;
    for (const entry of this.entries) {
      if (blocked.has(entry.scope)) continue;
      const ready =
        entry.status === 'queued' &&
        this.handlers.has(entry.kind) &&
        (!entry.owner || entry.owner === owner) &&
        [...refsOf(entry.payload)].every((id) => !waiting.has(id) || id === entry.id);
      if (ready) return entry;
      blocked.add(entry.scope);
    }
    return null;
  }

  private async loadResults(entry: OutboxEntry): Promise<Map<string, unknown>> {
    const results = new Map<string, unknown>();
    for (const id of refsOf(entry.payload)) {
      const stored = await this.store.get<{ value: unknown }>(`${RESULT_PREFIX}${id}`);
      if (stored) results.set(id, stored.value);
    }
    return results;
  }

  private clearRetryWait(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.retryAt = null;
  }

  private scheduleRetry(delay: number): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryAt = Date.now() + delay;
    this.emit();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.retryAt = null;
      void this.flush();
    }, delay);
  }

  private async remove(entry: OutboxEntry, discarded: boolean): Promise<void> {
    await this.store.delete(entryKey(entry));
    if (discarded) await this.store.set(`${RESULT_PREFIX}${entry.id}`, { at: Date.now(), value: DISCARDED });
    this.entries = this.entries.filter((item) => item.id !== entry.id);
    if (discarded) this.notify({ type: 'discarded', entry });
  }

  private async replaceEntry(entry: OutboxEntry): Promise<void> {
    await this.store.set(entryKey(entry), entry);
    this.entries = this.entries.map((item) => (item.id === entry.id ? entry : item));
    this.emit();
  }

  private makeSnapshot(): OutboxSnapshot {
    return { entries: this.entries, sendingId: this.sendingId, online: this.isOnline(), retryAt: this.retryAt, loaded: this.loaded };
  }

  private emit(): void {
    this.snapshot = this.makeSnapshot();
    for (const listener of this.listeners) listener();
  }

  private notify(event: OutboxEvent): void {
    for (const listener of this.eventListeners) listener(event);
  }
}

const SHARED = Symbol.for('@dr/graphql-client/outbox');

/**
 * The page's one outbox (IndexedDB `dr-outbox`), shared by the shell and every remote even though
 * each bundles its own copy of this package. The first caller's options win.
 * @param options - used only when the outbox is created
 */
export function sharedOutbox(options?: OutboxOptions): Outbox {
  const holder = globalThis as typeof globalThis & { [SHARED]?: Outbox };
  return (holder[SHARED] ??= new Outbox(options));
}
