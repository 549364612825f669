import type { ApolloClient, DocumentNode } from '@apollo/client';
import { fetchGatewayFile } from '../gateway-files';
import type { KeyValueStore } from './kv-store';
import type { OutboxHandler } from './outbox';

/** Entry kind of {@link graphqlWriteHandler}. */
export const GRAPHQL_WRITE = 'graphql';
/** Entry kind of {@link versionedWriteHandler}. */
export const VERSIONED_WRITE = 'versioned-write';
/** Entry kind of {@link fileUploadHandler}. */
export const FILE_UPLOAD = 'upload';

/**
 * Payload of a GraphQL mutation in the outbox. The document is stored as it is (a generated typed
 * document is plain JSON), so the entry can be sent after a reload. The variables carry the
 * idempotency key wherever the mutation's input wants it.
 */
export interface GraphQLWrite {
  document: DocumentNode;
  variables: Record<string, unknown>;
}

/**
 * Sends {@link GraphQLWrite}s through the page's Apollo Client, so the answer updates the cache and
 * every screen showing the record. A refusal throws `CombinedGraphQLErrors`; no answer throws a
 * network error, which the outbox retries.
 * @param client - the shell's client (shared with the remotes)
 * @returns the mutation's `data`
 */
export function graphqlWriteHandler(client: ApolloClient): OutboxHandler<GraphQLWrite> {
  return async (payload) => {
    const result = await client.mutate({ mutation: payload.document, variables: payload.variables });
    return result.data;
  };
}

/** Payload of a file upload in the outbox: where to, and the bytes. */
export interface FileUpload {
  /** Path below the gateway's origin, e.g. `/files/culture/evidence?inspectionId=…&checkItemId=…`. */
  path: string;
  blob: Blob;
  fileName: string;
  contentType: string;
}

/** Options of {@link fileUploadHandler}. */
export interface FileUploadHandlerOptions {
  /** The gateway's GraphQL endpoint (its origin serves `/files/…`). */
  gatewayUrl: () => string | Promise<string>;
}

/**
 * Uploads {@link FileUpload}s with `Content-Type`, the URI-encoded `X-File-Name` and the entry's
 * `Idempotency-Key` (a resend answers the first answer and changes nothing), and returns the
 * JSON the server answered (for evidence: `{ id, fileName, contentType, size, sha256, url }`). A
 * refusal throws a `GatewayFileError` carrying the server's Chinese `error`; no answer throws one
 * with status 0, which the outbox retries.
 * @param options - the gateway (the session goes by cookie and is refreshed before each attempt)
 */
export function fileUploadHandler(options: FileUploadHandlerOptions): OutboxHandler<FileUpload> {
  return async (payload, entry) => {
    const response = await fetchGatewayFile({
      gatewayUrl: await options.gatewayUrl(),
      path: payload.path,
      method: 'POST',
      headers: { 'content-type': payload.contentType || 'application/octet-stream', 'x-file-name': encodeURIComponent(payload.fileName), 'idempotency-key': entry.idempotencyKey },
      body: payload.blob,
    });
    return response.json();
  };
}

/**
 * A mutation on a record with optimistic versions: its `variables.input.expectedVersion` is the
 * version the user's draft was based on, and `versionPath` says where the answer carries the new
 * version (e.g. `['cultureSaveSection', 'version']`).
 */
export interface VersionedWrite extends GraphQLWrite {
  versionPath: readonly string[];
}

/**
 * Sends {@link VersionedWrite}s like {@link graphqlWriteHandler}, chaining versions: a device that
 * saved twice while offline based both drafts on version 3, but the second must name the version the
 * first produced. The handler remembers, per scope and user, the last version this device's own
 * writes produced and sends `max(expectedVersion, that)`. Someone else's write in between still makes
 * it a CONFLICT, since their version is neither the draft's base nor one of ours.
 * @param client - the page's Apollo Client
 * @param versions - where the versions are remembered (survives reloads)
 */
export function versionedWriteHandler(client: ApolloClient, versions: KeyValueStore): OutboxHandler<VersionedWrite> {
  return async (payload, entry) => {
    const key = `${entry.scope}|${entry.owner ?? ''}`;
    const input = (payload.variables['input'] ?? {}) as Record<string, unknown>;
    const produced = (await versions.get<number>(key)) ?? 0;
    const expectedVersion = Math.max(Number(input['expectedVersion'] ?? 0), produced);
    const result = await client.mutate({ mutation: payload.document, variables: { ...payload.variables, input: { ...input, expectedVersion } } });
    let version: unknown = result.data;
    for (const step of payload.versionPath) version = (version as Record<string, unknown> | null | undefined)?.[step];
    if (typeof version === 'number') await versions.set(key, version);
    return result.data;
  };
}
