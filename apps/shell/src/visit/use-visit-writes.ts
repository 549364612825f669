import { useCallback, useEffect, useMemo } from 'react';
import { useApolloClient } from '@apollo/client/react';
import {
  GRAPHQL_WRITE,
  graphqlWriteHandler,
  newIdempotencyKey,
  sharedOutbox,
  useOutboxScope,
  type GraphQLWrite,
  type OutboxScopeState,
} from '@dr/graphql-client';
import {
  RecordVenueRefusalDocument,
  RecordVenueSignatureDocument,
  SignRecordFormDocument,
  SignRefusalNoteDocument,
  type OfficerSignatureInput,
  type VenueRefusalInput,
  type VenueSignatureInput,
} from '../generated/graphql';
import { useCurrentUser } from '../session/use-current-user';
import { pendingVisitWritesOf, type PendingVisitWrite } from './signing-state';

/** The outbox scope of one visit's writes: they go in the order they were made. */
export const visitScope = (inspectionId: string) => `visit:${inspectionId}`;

type WithoutKey<T> = Omit<T, 'idempotencyKey' | 'inspectionId'>;

/** What {@link useVisitWrites} gives. */
export interface VisitWrites {
  /** How the visit's writes stand in the outbox (未发送, 同步中, refused). */
  scope: OutboxScopeState;
  pending: PendingVisitWrite[];
  signRecordForm: (input: WithoutKey<OfficerSignatureInput>, officerName: string) => Promise<void>;
  signRefusalNote: (input: WithoutKey<OfficerSignatureInput>, officerName: string) => Promise<void>;
  recordVenueSignature: (input: WithoutKey<VenueSignatureInput>) => Promise<void>;
  recordVenueRefusal: (input: WithoutKey<VenueRefusalInput>) => Promise<void>;
  retry: (entryId: string) => void;
  discard: (entryId: string) => void;
}

/**
 * The signing writes of one visit, made through the page's shared outbox: each gets its
 * idempotency key when the user acts, is stored on the device at once and sent when the network
 * allows, exactly once. The answer (the inspection's record form) lands in the Apollo cache.
 * @param inspectionId - the visit
 */
export function useVisitWrites(inspectionId: string): VisitWrites {
  const client = useApolloClient();
  const user = useCurrentUser();
  const outbox = sharedOutbox();
  const scopeName = visitScope(inspectionId);
  const scope = useOutboxScope(scopeName, outbox);
  const userId = user?.id ?? null;

  useEffect(() => {
    outbox.setHandler(GRAPHQL_WRITE, graphqlWriteHandler(client));
  }, [outbox, client]);
  useEffect(() => {
    // Entries made by this user only go with this user's token.
    if (userId) outbox.setOwner(userId);
  }, [outbox, userId]);

  const enqueue = useCallback(
    async (document: GraphQLWrite['document'], input: Record<string, unknown>, label: string) => {
      const idempotencyKey = newIdempotencyKey();
      await outbox.enqueue<GraphQLWrite>({
        kind: GRAPHQL_WRITE,
        scope: scopeName,
        idempotencyKey,
        payload: { document, variables: { input: { ...input, inspectionId, idempotencyKey } } },
        label,
        owner: userId ?? undefined,
      });
    },
    [outbox, scopeName, inspectionId, userId],
  );

  const pending = useMemo(() => pendingVisitWritesOf(scope.entries), [scope.entries]);

  return {
    scope,
    pending,
    signRecordForm: (input, name) => enqueue(SignRecordFormDocument, input, `${name}在记录表上签字`),
    signRefusalNote: (input, name) => enqueue(SignRefusalNoteDocument, input, `${name}在拒签说明上签字`),
    recordVenueSignature: (input) => enqueue(RecordVenueSignatureDocument, input, '被检查对象签字盖章'),
    recordVenueRefusal: (input) => enqueue(RecordVenueRefusalDocument, input, '记录被检查对象拒签'),
    retry: (entryId) => void outbox.retry(entryId),
    discard: (entryId) => void outbox.discard(entryId),
  };
}
