import 'fake-indexeddb/auto';
import { describe, expect, it } from '@jest/globals';
import { createDraftStore } from './draft-store';
import { createIndexedDbStore, createMemoryStore, type KeyValueStore } from './kv-store';
import { Outbox } from './outbox';

describe('createDraftStore', () => {
  it('lands the last of quick successive writes and reads it back at once', async () => {
    const writes: unknown[] = [];
    const memory = createMemoryStore();
    const slow: KeyValueStore = {
      ...memory,
      set: async (key, value) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        writes.push((value as { value: unknown }).value);
        await memory.set(key, value);
      },
    };
    const sut = createDraftStore(slow);
    const typed = ['e', 'er', 'err', 'erro', 'error'];
    const all = typed.map((text) => sut.save('section:CULTURE:i1', { note: text }));
    await expect(sut.load('section:CULTURE:i1')).resolves.toMatchObject({ value: { note: 'error' } });
    await Promise.all(all);
    // The first write was under way; the three in between were superseded before they started.
    expect(writes).toEqual([{ note: 'e' }, { note: 'error' }]);
    await expect(createDraftStore(memory).load('section:CULTURE:i1')).resolves.toMatchObject({ value: { note: 'error' } });
  });

  it('removes a draft, even right after a save', async () => {
    const sut = createDraftStore(createMemoryStore());
    void sut.save('k', { a: 1 });
    await sut.remove('k');
    await expect(sut.load('k')).resolves.toBeUndefined();
  });

  it('survives a new instance over IndexedDB: drafts and photo bytes', async () => {
    const first = createDraftStore(createIndexedDbStore('test-drafts'));
    await first.save('section:FIRE:i9', { outcome: 'NON_COMPLIANT' });
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
    await first.putBlob('photo-1', bytes as unknown as Blob);

    const sut = createDraftStore(createIndexedDbStore('test-drafts'));
    await expect(sut.load('section:FIRE:i9')).resolves.toMatchObject({ value: { outcome: 'NON_COMPLIANT' } });
    await expect(sut.getBlob('photo-1')).resolves.toEqual(bytes);
    await sut.removeBlob('photo-1');
    await expect(sut.getBlob('photo-1')).resolves.toBeUndefined();
  });
});

describe('the outbox over IndexedDB', () => {
  it('keeps its entries in order across instances', async () => {
    const offline = new Outbox({ store: createIndexedDbStore('test-outbox'), isOnline: () => false, watchConnectivity: false });
    for (const change of ['one', 'two', 'three']) {
      await offline.enqueue({ kind: 'write', scope: 's', idempotencyKey: change, payload: { change }, label: change });
    }
    offline.close();
    const sut = new Outbox({ store: createIndexedDbStore('test-outbox'), isOnline: () => true, watchConnectivity: false });
    const sent: string[] = [];
    sut.setHandler('write', async (payload: { change: string }) => sent.push(payload.change));
    await sut.whenReady();
    await sut.flush();
    expect(sent).toEqual(['one', 'two', 'three']);
    sut.close();
  });
});
