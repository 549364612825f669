import { useEffect, useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { describeGraphQLError } from '@dr/graphql-client';
import type { DepartmentCode, InspectionStatusCode } from '@dr/ui';
import { DrawInspectionsDocument, type DrawInspectionsQuery } from '../generated/graphql';

/** A drawn venue as people know it, and the inspection the draw created for it. */
export interface DrawnVenueName {
  name: string;
  street: string;
  inspectionId: string;
  status: InspectionStatusCode;
}

/** Names behind the ids of a receipt (receipts carry ids only; names come from the directories). */
export interface DrawNames {
  venues: ReadonlyMap<string, DrawnVenueName>;
  officers: ReadonlyMap<string, { name: string; department: DepartmentCode }>;
  loading: boolean;
  error: string | null;
}

const PAGE = 100;
const EMPTY: DrawNames = { venues: new Map(), officers: new Map(), loading: false, error: null };

/**
 * Reads every inspection a draw created (a page of 100 at a time) to name its venues and officers.
 * @param drawId - the completed draw
 * @param enabled - false until the draw has completed
 */
export function useDrawNames(drawId: string, enabled: boolean): DrawNames {
  const client = useApolloClient();
  const [names, setNames] = useState<DrawNames>(EMPTY);

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    setNames({ ...EMPTY, loading: true });
    (async () => {
      const venues = new Map<string, DrawnVenueName>();
      const officers = new Map<string, { name: string; department: DepartmentCode }>();
      type Connection = NonNullable<DrawInspectionsQuery['draw']>['inspections'];
      const page = async (after: string | null): Promise<Connection | undefined> =>
        (await client.query({ query: DrawInspectionsDocument, variables: { id: drawId, first: PAGE, after } })).data?.draw?.inspections;
      let after: string | null = null;
      for (;;) {
        const connection = await page(after);
        if (!connection) break;
        for (const inspection of connection.nodes) {
          venues.set(inspection.venue.id, { name: inspection.venue.name, street: inspection.venue.street, inspectionId: inspection.id, status: inspection.status });
          for (const officer of [inspection.team.leader, ...inspection.team.members]) officers.set(officer.id, { name: officer.name, department: officer.department });
        }
        if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
        after = connection.pageInfo.endCursor;
      }
      if (!cancelled) setNames({ venues, officers, loading: false, error: null });
    })().catch((error: unknown) => {
      if (!cancelled) setNames({ ...EMPTY, error: describeGraphQLError(error) });
    });
    return () => {
      cancelled = true;
    };
  }, [client, drawId, enabled]);

  return names;
}
