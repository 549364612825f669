import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import type { OfflineCache } from './cache-persistence';
import { hasErrorCode } from './graphql-error';
import { csrfHeaders, ensureFreshSession } from './browser-session';

/** Options of {@link createApolloClient}. */
export interface CreateApolloClientOptions {
  /** The gateway's GraphQL endpoint, from the shell's runtime `/config.json`. */
  gatewayUrl: string;
  /** Called when the gateway answers UNAUTHENTICATED (or HTTP 401): the session is over. */
  onUnauthenticated: () => void;
  /**
   * Keeps the last server data on the device and answers queries from it when the network is gone
   * (made with `createOfflineCache({ cacheConfig: apolloCacheConfig, … })`).
   */
  offlineCache?: OfflineCache;
}

/**
 * Department sections have no `id`: one section exists per inspection and department, so the
 * inspection id identifies it. With these keys a record mutation's returned section replaces the
 * cached one and every tab showing it re-renders without a refetch.
 */
const typePolicies = {
  CultureSection: { keyFields: ['inspectionId'] },
  MarketSection: { keyFields: ['inspectionId'] },
  FireSection: { keyFields: ['inspectionId'] },
};

/** The client cache's configuration, for anything that must read its snapshots the same way. */
export const apolloCacheConfig = { typePolicies };

/**
 * The one Apollo Client of the shell; the department remotes use it through the shared
 * `@apollo/client` singleton and the shell's `ApolloProvider`.
 * @param options - gateway URL and what to do when the session has ended
 */
export function createApolloClient(options: CreateApolloClientOptions): ApolloClient {
  // The session is in the gateway's httpOnly cookies (ADR 0019): refresh them when they are about to
  // end, and prove with the CSRF header that the request comes from this page.
  const authLink = new SetContextLink(async (previous) => {
    await ensureFreshSession(options.gatewayUrl);
    return { headers: { ...previous.headers, ...csrfHeaders() } };
  });
  const errorLink = new ErrorLink(({ error }) => {
    if (hasErrorCode(error, 'UNAUTHENTICATED')) options.onUnauthenticated();
  });
  const cache = new InMemoryCache(apolloCacheConfig);
  options.offlineCache?.attach(cache);
  // The offline fallback sits below the error link, so an UNAUTHENTICATED answer still ends the session.
  const offline = options.offlineCache ? [options.offlineCache.link] : [];
  return new ApolloClient({
    link: ApolloLink.from([errorLink, ...offline, authLink, new HttpLink({ uri: options.gatewayUrl, credentials: 'include' })]),
    cache,
  });
}
