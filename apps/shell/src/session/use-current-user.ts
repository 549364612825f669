import { useEffect } from 'react';
import { useQuery } from '@apollo/client/react';
import { MeDocument, type MeQuery } from '../generated/graphql';
import { useSession } from './session-context';

/** The signed-in user, or null while loading. */
export type CurrentUser = NonNullable<MeQuery['me']>;

/**
 * Loads `me` for the top bar. A session the gateway no longer recognises yields `me: null`
 * (or UNAUTHENTICATED, which the Apollo link handles): either way the session ends.
 */
export function useCurrentUser(): CurrentUser | null {
  const { session, forget } = useSession();
  const { data, error } = useQuery(MeDocument, { skip: !session });
  const rejected = !!data && data.me === null && !error;
  useEffect(() => {
    if (rejected) forget();
  }, [rejected, forget]);
  return data?.me ?? null;
}
