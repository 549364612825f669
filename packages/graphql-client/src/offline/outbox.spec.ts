import { describe, expect, it } from '@jest/globals';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { createMemoryStore, type KeyValueStore } from './kv-store';
import { Outbox, outboxRef, type OutboxEntry, type OutboxOptions } from './outbox';
import { scopeStateOf } from './use-outbox';

const networkError = () => new TypeError('Failed to fetch');
const conflict = () =>
  new CombinedGraphQLErrors({
    data: null,
    errors: [{ message: '记录已被他人修改', extensions: { code: 'CONFLICT', currentVersion: 4, changes: [{ version: 4, by: '李四' }] } }],
  });

/** A fake server that applies each idempotency key once and answers repeats with the first answer. */
function fakeServer() {
  const answers = new Map<string, unknown>();
  const applied: string[] = [];
  return {
    applied,
    apply(key: string, change: string) {
      if (!answers.has(key)) {
        applied.push(change);
        answers.set(key, { version: applied.length, change });
      }
      return answers.get(key);
    },
  };
}

function makeOutbox(store: KeyValueStore, online: { value: boolean }, options: OutboxOptions = {}) {
  return new Outbox({ store, isOnline: () => online.value, retryDelay: () => 5, watchConnectivity: false, ...options });
}

const write = (scope: string, change: string, extra: Partial<OutboxEntry> = {}) => ({
  kind: 'write',
  scope,
  idempotencyKey: `key-${change}`,
  payload: { change },
  label: `保存 ${change}`,
  ...extra,
});

describe('Outbox', () => {
  it('sends the entries in the order they were made once the device is online', async () => {
    const online = { value: false };
    const sut = makeOutbox(createMemoryStore(), online);
    const sent: string[] = [];
    sut.setHandler('write', async (payload: { change: string }) => sent.push(payload.change));
    for (const change of ['a', 'b', 'c']) await sut.enqueue(write('s1', change));
    await sut.flush();
    expect(sent).toEqual([]);
    expect(scopeStateOf(sut.getSnapshot(), 's1')).toMatchObject({ state: 'offline', pendingCount: 3 });

    online.value = true;
    await sut.flush();
    expect(sent).toEqual(['a', 'b', 'c']);
    expect(scopeStateOf(sut.getSnapshot(), 's1')).toMatchObject({ state: 'synced', pendingCount: 0 });
    sut.close();
  });

  it('applies each write exactly once: a resend after a lost answer carries the same idempotency key', async () => {
    const server = fakeServer();
    const sut = makeOutbox(createMemoryStore(), { value: true });
    const keys: string[] = [];
    let loseNextAnswer = true;
    sut.setHandler('write', async (payload: { change: string }, entry) => {
      keys.push(entry.idempotencyKey);
      const answer = server.apply(entry.idempotencyKey, payload.change);
      if (loseNextAnswer) {
        loseNextAnswer = false;
        throw networkError(); // the server applied it, the phone never heard back
      }
      return answer;
    });
    const entry = await sut.enqueue(write('s1', 'outcome C1'));
    await waitUntil(() => sut.getSnapshot().entries.length === 0);
    expect(keys).toEqual([entry.idempotencyKey, entry.idempotencyKey]);
    expect(server.applied).toEqual(['outcome C1']);
    await expect(sut.resultOf(entry.id)).resolves.toEqual({ version: 1, change: 'outcome C1' });
    sut.close();
  });

  it('retries network errors with backoff but hands refusals to the user, blocking only their own scope', async () => {
    const sut = makeOutbox(createMemoryStore(), { value: true });
    const calls: string[] = [];
    let networkFailures = 2;
    sut.setHandler('write', async (payload: { change: string }) => {
      calls.push(payload.change);
      if (payload.change === 'net' && networkFailures-- > 0) throw networkError();
      if (payload.change === 'stale') throw conflict();
      return null;
    });
    const failures: string[] = [];
    sut.onEvent((event) => event.type === 'failed' && failures.push(event.failure.code ?? '?'));

    await sut.enqueue(write('s1', 'net'));
    await waitUntil(() => sut.getSnapshot().entries.length === 0);
    expect(calls).toEqual(['net', 'net', 'net']);

    calls.length = 0;
    const stale = await sut.enqueue(write('s2', 'stale'));
    await sut.enqueue(write('s2', 'after-stale'));
    await sut.enqueue(write('s3', 'other'));
    await waitUntil(() => calls.includes('other'));
    await sut.flush();
    // The conflict was sent once, not retried; the write made on top of it waits; other scopes go on.
    expect(calls).toEqual(['stale', 'other']);
    expect(failures).toEqual(['CONFLICT']);
    const s2 = scopeStateOf(sut.getSnapshot(), 's2');
    expect(s2).toMatchObject({ state: 'conflict', pendingCount: 1 });
    expect(s2.failed[0].failure).toMatchObject({ code: 'CONFLICT', message: '数据已被他人修改，请刷新后重试', serverMessage: '记录已被他人修改', extensions: { currentVersion: 4 } });

    await sut.discard(stale.id);
    await waitUntil(() => calls.includes('after-stale'));
    expect(scopeStateOf(sut.getSnapshot(), 's2').state).toBe('synced');
    sut.close();
  });

  it('keeps waiting entries across a new instance (a reload) and sends them there', async () => {
    const store = createMemoryStore();
    const online = { value: false };
    const first = makeOutbox(store, online);
    first.setHandler('write', async () => {
      throw new Error('must not be called offline');
    });
    await first.enqueue(write('s1', 'one'));
    await first.enqueue(write('s1', 'two'));
    await first.flush();
    first.close();

    online.value = true;
    const sut = makeOutbox(store, online);
    await sut.whenReady();
    expect(sut.getSnapshot().entries.map((entry) => (entry.payload as { change: string }).change)).toEqual(['one', 'two']);
    const sent: string[] = [];
    sut.setHandler('write', async (payload: { change: string }) => sent.push(payload.change));
    await waitUntil(() => sent.length === 2);
    expect(sent).toEqual(['one', 'two']);
    expect(await store.entries('op:')).toEqual([]);
    sut.close();
  });

  it('fills in results of earlier entries (an evidence id, a version) and drops references to discarded ones', async () => {
    const online = { value: false };
    const sut = makeOutbox(createMemoryStore(), online);
    const saved: unknown[] = [];
    let uploads = 0;
    sut.setHandler('upload', async () => ({ id: `ev-${++uploads}` }));
    sut.setHandler('write', async (payload) => {
      saved.push(payload);
      return { version: 8 };
    });
    const kept = await sut.enqueue({ kind: 'upload', scope: 's1', idempotencyKey: 'u1', payload: {}, label: '上传照片' });
    const dropped = await sut.enqueue({ kind: 'upload', scope: 's1', idempotencyKey: 'u2', payload: {}, label: '上传照片' });
    const save = await sut.enqueue({
      kind: 'write',
      scope: 's1',
      idempotencyKey: 'w1',
      payload: { evidenceIds: ['ev-old', outboxRef(kept.id, ['id']), outboxRef(dropped.id, ['id'])], expectedVersion: 3 },
      label: '保存',
    });
    await sut.enqueue({
      kind: 'write',
      scope: 's1',
      idempotencyKey: 'w2',
      payload: { expectedVersion: outboxRef(save.id, ['version'], 3) },
      label: '提交',
    });
    await sut.discard(dropped.id);
    online.value = true;
    await sut.flush();
    expect(saved).toEqual([{ evidenceIds: ['ev-old', 'ev-1'], expectedVersion: 3 }, { expectedVersion: 8 }]);
    expect(uploads).toBe(1);
    sut.close();
  });

  it('replaces an unsent draft by a newer one with the same coalesce key', async () => {
    const online = { value: false };
    const sut = makeOutbox(createMemoryStore(), online);
    const sent: string[] = [];
    sut.setHandler('write', async (payload: { change: string }) => sent.push(payload.change));
    await sut.enqueue(write('s1', 'draft-1', { coalesceKey: 'save:s1' }));
    await sut.enqueue(write('s1', 'photo'));
    await sut.enqueue(write('s1', 'draft-2', { coalesceKey: 'save:s1' }));
    online.value = true;
    await sut.flush();
    expect(sent).toEqual(['photo', 'draft-2']);
    sut.close();
  });

  it("never sends one user's entries with another user's session", async () => {
    const sut = makeOutbox(createMemoryStore(), { value: true });
    const sent: string[] = [];
    sut.setHandler('write', async (payload: { change: string }) => sent.push(payload.change));
    sut.setOwner('user-b');
    await sut.enqueue(write('s1', 'by-a', { owner: 'user-a' }));
    await sut.flush();
    expect(sent).toEqual([]);
    sut.setOwner('user-a');
    await waitUntil(() => sent.length === 1);
    sut.close();
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
