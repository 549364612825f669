import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { VenueOptionsDocument } from '../../generated/graphql';

/** How many venues are read to learn the streets in use. */
const SAMPLE = 100;

/**
 * The streets (街道) the object directory uses, learnt from the directory itself rather than from a
 * fixed list, so another district's data brings its own streets. Fields that take a street still
 * accept free text for a street not seen yet.
 * @param extra - streets to offer besides, e.g. those of the rows on screen
 */
export function useStreetOptions(extra: readonly string[] = []): { value: string; label: string }[] {
  const { data } = useQuery(VenueOptionsDocument, { variables: { first: SAMPLE } });
  const extraKey = extra.join('\u001f');
  return useMemo(() => {
    const streets = new Set([...(data?.venues.nodes.map((venue) => venue.street) ?? []), ...(extraKey ? extraKey.split('\u001f') : [])]);
    return [...streets].sort((a, b) => a.localeCompare(b, 'zh-CN')).map((street) => ({ value: street, label: street }));
  }, [data, extraKey]);
}
