import type { ApolloClient, DocumentNode } from '@apollo/client';
import { fetchGatewayFile } from '../gateway-files';
import type { OutboxHandler } from './outbox';

/** Entry kind of {@link graphqlWriteHandler}. */
export const GRAPHQL_WRITE = 'graphql';
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
  /** The bearer token, read at each attempt. */
  getToken: () => string | null;
}

/**
 * Uploads {@link FileUpload}s with `Content-Type` and the URI-encoded `X-File-Name`, and returns the
 * JSON the server answered (for evidence: `{ id, fileName, contentType, size, sha256, url }`). A
 * refusal throws a `GatewayFileError` carrying the server's Chinese `error`; no answer throws one
 * with status 0, which the outbox retries.
 * @param options - gateway and token
 */
export function fileUploadHandler(options: FileUploadHandlerOptions): OutboxHandler<FileUpload> {
  return async (payload) => {
    const response = await fetchGatewayFile({
      gatewayUrl: await options.gatewayUrl(),
      path: payload.path,
      token: options.getToken(),
      method: 'POST',
      headers: { 'content-type': payload.contentType || 'application/octet-stream', 'x-file-name': encodeURIComponent(payload.fileName) },
      body: payload.blob,
    });
    return response.json();
  };
}
