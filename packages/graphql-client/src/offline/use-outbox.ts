import { useMemo, useSyncExternalStore } from 'react';
import { sharedOutbox, type Outbox, type OutboxEntry, type OutboxSnapshot } from './outbox';

/**
 * How one scope's writes stand, in the words a tab shows:
 * `synced` 已同步, `offline` 未发送 N 项（离线）, `pending` waiting for a retry or their turn,
 * `syncing` 同步中, `conflict` someone else changed the record, `failed` refused for another reason.
 */
export type SyncState = 'synced' | 'offline' | 'pending' | 'syncing' | 'conflict' | 'failed';

/** One scope's view of the outbox. */
export interface OutboxScopeState {
  state: SyncState;
  /** Entries of the scope not yet accepted (queued and failed), in send order. */
  entries: readonly OutboxEntry[];
  /** How many are waiting to be sent (queued). */
  pendingCount: number;
  /** Refused entries, the first one blocking the rest of the scope. */
  failed: readonly OutboxEntry[];
  online: boolean;
  /** When the next attempt after a network error is due (epoch ms). */
  retryAt: number | null;
  /** False until the stored entries have been read after a reload. */
  loaded: boolean;
}

/**
 * The outbox's state, re-rendering on every change.
 * @param outbox - the page's shared outbox by default
 */
export function useOutbox(outbox: Outbox = sharedOutbox()): OutboxSnapshot {
  return useSyncExternalStore(outbox.subscribe, outbox.getSnapshot, outbox.getSnapshot);
}

/**
 * Summarises the entries of one scope of a snapshot (pure; {@link useOutboxScope} renders it).
 * @param snapshot - the outbox's state
 * @param scope - e.g. `section:CULTURE:<inspectionId>`
 */
export function scopeStateOf(snapshot: OutboxSnapshot, scope: string): OutboxScopeState {
  const entries = snapshot.entries.filter((entry) => entry.scope === scope);
  const failed = entries.filter((entry) => entry.status === 'failed');
  const pendingCount = entries.length - failed.length;
  const sending = entries.some((entry) => entry.id === snapshot.sendingId);
  let state: SyncState = 'synced';
  if (failed.some((entry) => entry.failure?.code === 'CONFLICT')) state = 'conflict';
  else if (failed.length) state = 'failed';
  else if (sending) state = 'syncing';
  else if (pendingCount && !snapshot.online) state = 'offline';
  else if (pendingCount) state = 'pending';
  return { state, entries, pendingCount, failed, online: snapshot.online, retryAt: snapshot.retryAt, loaded: snapshot.loaded };
}

/**
 * One scope's writes: how many wait, whether one is being sent, which were refused.
 * @param scope - e.g. `section:CULTURE:<inspectionId>`
 * @param outbox - the page's shared outbox by default
 */
export function useOutboxScope(scope: string, outbox: Outbox = sharedOutbox()): OutboxScopeState {
  const snapshot = useOutbox(outbox);
  return useMemo(() => scopeStateOf(snapshot, scope), [snapshot, scope]);
}
