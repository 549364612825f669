import { describe, expect, it } from '@jest/globals';
import { ApolloClient, ApolloLink, InMemoryCache, gql } from '@apollo/client';
import { ServerError } from '@apollo/client/errors';
import { Observable } from 'rxjs';
import { apolloCacheConfig } from './apollo-client';
import { createOfflineCache, isNetworkFailure, mergeSnapshots } from './cache-persistence';
import { createMemoryStore } from './offline/kv-store';

const QUERY = gql`
  query Inspection($id: ID!) {
    inspection(id: $id) {
      id
      status
    }
  }
`;

/** A client whose "network" answers or fails as the test says. */
function setup(user: { current: string | null }) {
  const store = createMemoryStore();
  const network = { online: true, status: 'PLANNED' };
  const offlineCache = createOfflineCache({ userKey: () => user.current, cacheConfig: apolloCacheConfig, store, delayMs: 0 });
  const http = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        if (!network.online) {
          observer.error(new TypeError('Failed to fetch'));
          return;
        }
        observer.next({ data: { inspection: { __typename: 'Inspection', id: operation.variables['id'], status: network.status } } });
        observer.complete();
      }),
  );
  const makeClient = () => {
    const cache = new InMemoryCache(apolloCacheConfig);
    offlineCache.attach(cache);
    return new ApolloClient({ link: ApolloLink.from([offlineCache.link, http]), cache });
  };
  return { store, network, offlineCache, makeClient };
}

describe('createOfflineCache', () => {
  it('answers a query from the last stored data after a reload without a network, and never for another user', async () => {
    const user = { current: 'u-1' as string | null };
    const { network, offlineCache, makeClient } = setup(user);
    await offlineCache.load();
    const first = makeClient();
    await first.query({ query: QUERY, variables: { id: 'i-1' } });
    await offlineCache.flush();

    // "Reload": a new client and a fresh load of the stored snapshot, offline.
    network.online = false;
    await offlineCache.load();
    const second = makeClient();
    await expect(second.query({ query: QUERY, variables: { id: 'i-1' } })).resolves.toMatchObject({ data: { inspection: { id: 'i-1', status: 'PLANNED' } } });
    // What was never seen online still fails.
    await expect(second.query({ query: QUERY, variables: { id: 'i-2' } })).rejects.toThrow('Failed to fetch');

    user.current = 'u-2';
    await offlineCache.load();
    await expect(makeClient().query({ query: QUERY, variables: { id: 'i-1' } })).rejects.toThrow('Failed to fetch');
  });

  it('answers from the network while there is one', async () => {
    const user = { current: 'u-1' as string | null };
    const { network, offlineCache, makeClient } = setup(user);
    await offlineCache.load();
    await makeClient().query({ query: QUERY, variables: { id: 'i-1' } });
    await offlineCache.flush();
    network.status = 'COMPLETED';
    await expect(makeClient().query({ query: QUERY, variables: { id: 'i-1' } })).resolves.toMatchObject({ data: { inspection: { status: 'COMPLETED' } } });
  });

  it('forgets every stored snapshot on logout', async () => {
    const user = { current: 'u-1' as string | null };
    const { store, network, offlineCache, makeClient } = setup(user);
    await offlineCache.load();
    await makeClient().query({ query: QUERY, variables: { id: 'i-1' } });
    await offlineCache.flush();
    await expect(store.entries('snapshot:')).resolves.toHaveLength(1);
    user.current = null;
    await offlineCache.clear();
    await expect(store.entries('')).resolves.toEqual([]);
    user.current = 'u-1';
    network.online = false;
    await offlineCache.load();
    await expect(makeClient().query({ query: QUERY, variables: { id: 'i-1' } })).rejects.toThrow('Failed to fetch');
  });
});

describe('mergeSnapshots', () => {
  it('keeps what only the older one knows and takes newer fields', () => {
    expect(
      mergeSnapshots(
        { ROOT_QUERY: { a: 1, b: 1 }, 'Plan:1': { id: '1', name: 'old' } },
        { ROOT_QUERY: { b: 2 }, 'Inspection:1': { id: '1' } },
      ),
    ).toEqual({ ROOT_QUERY: { a: 1, b: 2 }, 'Plan:1': { id: '1', name: 'old' }, 'Inspection:1': { id: '1' } });
  });
});

describe('isNetworkFailure', () => {
  it('is a failed fetch or a gateway away behind a proxy, not a refusal', () => {
    expect(isNetworkFailure(new TypeError('Failed to fetch'))).toBe(true);
    const response = (status: number) => new Response('', { status });
    expect(isNetworkFailure(new ServerError('x', { response: response(503), bodyText: '' }))).toBe(true);
    expect(isNetworkFailure(new ServerError('x', { response: response(401), bodyText: '' }))).toBe(false);
    expect(isNetworkFailure(new Error('boom'))).toBe(false);
  });
});
