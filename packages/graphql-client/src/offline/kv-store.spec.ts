import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { createIndexedDbStore } from './kv-store';

describe('createIndexedDbStore', () => {
  const real = (globalThis as { indexedDB?: unknown }).indexedDB;
  afterEach(() => {
    (globalThis as { indexedDB?: unknown }).indexedDB = real;
    jest.restoreAllMocks();
  });

  it('keeps working in memory when the browser refuses IndexedDB (private mode)', async () => {
    // What Firefox's private mode does: open() fails with InvalidStateError.
    (globalThis as { indexedDB?: unknown }).indexedDB = {
      open: () => {
        const request: { error?: DOMException; onerror?: () => void } = {};
        setTimeout(() => {
          request.error = new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
          request.onerror?.();
        });
        return request;
      },
    };
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const sut = createIndexedDbStore('refused');
    await sut.set('draft:a', { note: '离线备注' });
    await expect(sut.get('draft:a')).resolves.toEqual({ note: '离线备注' });
    await expect(sut.entries('draft:')).resolves.toEqual([['draft:a', { note: '离线备注' }]]);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
