import { useCallback, useEffect, useMemo } from 'react';
import { useApolloClient } from '@apollo/client/react';
import {
  describeGraphQLError,
  errorKindOf,
  serverMessageOf,
  GRAPHQL_WRITE,
  graphqlWriteHandler,
  newIdempotencyKey,
  sharedOutbox,
  useOutboxScope,
  type GraphQLWrite,
  type OutboxScopeState,
} from '@dr/graphql-client';
import {
  AcknowledgeRecordAmendmentDocument,
  WithdrawVenueRefusalDocument,
  type AcknowledgeAmendmentInput,
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
  /** Online only: the signer's password is checked now and never stored on the device (ADR 0015). */
  signRecordForm: (input: WithoutKey<OfficerSignatureInput>) => Promise<void>;
  /** Online only, as {@link VisitWrites.signRecordForm}. */
  signRefusalNote: (input: WithoutKey<OfficerSignatureInput>) => Promise<void>;
  /** Online only: the leader withdraws a refusal recorded by mistake, with a reason. */
  withdrawVenueRefusal: (reason: string) => Promise<void>;
  /** Online only: the venue's acknowledgement of an amendment made after signing. */
  acknowledgeAmendment: (input: Omit<AcknowledgeAmendmentInput, 'idempotencyKey'>) => Promise<void>;
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

  // Sent at once, never queued: a password must not wait on the device, and these need the server's answer.
  const direct = useCallback(
    async (mutation: GraphQLWrite['document'], input: Record<string, unknown>) => {
      await client.mutate({ mutation, variables: { input: { ...input, idempotencyKey: newIdempotencyKey() } } });
    },
    [client],
  );

  return {
    scope,
    pending,
    signRecordForm: (input) => direct(SignRecordFormDocument, { ...input, inspectionId }),
    signRefusalNote: (input) => direct(SignRefusalNoteDocument, { ...input, inspectionId }),
    withdrawVenueRefusal: (reason) => direct(WithdrawVenueRefusalDocument, { inspectionId, reason }),
    acknowledgeAmendment: (input) => direct(AcknowledgeRecordAmendmentDocument, input),
    recordVenueSignature: (input) => enqueue(RecordVenueSignatureDocument, input, '被检查对象签字盖章'),
    recordVenueRefusal: (input) => enqueue(RecordVenueRefusalDocument, input, '记录被检查对象拒签'),
    retry: (entryId) => void outbox.retry(entryId),
    discard: (entryId) => void outbox.discard(entryId),
  };
}

/** The server's sentence for a refused signing step (wrong password, too many attempts, locked), else a general one. */
export function signingErrorText(error: unknown): string {
  const kind = errorKindOf(error);
  if (kind === 'BAD_USER_INPUT' || kind === 'TOO_MANY_ATTEMPTS' || kind === 'CONFLICT' || kind === 'FORBIDDEN') return serverMessageOf(error, kind) ?? describeGraphQLError(error);
  return describeGraphQLError(error);
}
