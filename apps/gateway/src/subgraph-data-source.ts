import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { DEPARTMENT_NAMES, isDepartment } from '@dr/domain';
import { CLIENT_ADDRESS_HEADER, currentRequestSignal } from '@dr/subgraph-kit';
import type { GatewayContext } from './context';

/** The Chinese name of a subgraph, for messages users read. */
export function subgraphLabel(name: string): string {
  return isDepartment(name) ? DEPARTMENT_NAMES[name].full : '联席办';
}

/**
 * Node's fetch, bounded by `timeoutMs` and cancelled when the gateway's own caller gave up. A
 * subgraph answers a request it refuses (bad variables 400, no token 401) with a GraphQL body;
 * RemoteGraphQLDataSource would treat any non-2xx as a network failure (English "401: Unauthorized"
 * with the subgraph's URL and raw reply), so such a reply is handed on as the GraphQL result it is.
 */
async function subgraphFetch(input: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  const caller = currentRequestSignal();
  const timeout = AbortSignal.timeout(timeoutMs);
  const response = await fetch(input, { ...init, signal: caller ? AbortSignal.any([caller, timeout]) : timeout });
  if (response.ok || !response.headers.get('content-type')?.includes('json')) return response;
  const body = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return new Response(body, { status: response.status, headers: response.headers });
  }
  const hasErrors = Array.isArray((parsed as { errors?: unknown })?.errors) && (parsed as { errors: unknown[] }).errors.length > 0;
  return new Response(body, { status: hasErrors ? 200 : response.status, headers: response.headers });
}

/**
 * Calls one subgraph: forwards the caller's token and request id (each subgraph checks the token
 * itself), bounds the wait, and turns "cannot reach it" into SUBGRAPH_UNAVAILABLE naming the part
 * that is missing, while the other subgraphs' data still comes back.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly name: string,
    url: string,
    timeoutMs: number,
  ) {
    // Node's own fetch (undici, pooled keep-alive) instead of the default make-fetch-happen, which
    // costs several milliseconds per subgraph call; every call is bounded by the timeout.
    super({
      url,
      fetcher: ((input: string, init: RequestInit) => subgraphFetch(input, init, timeoutMs)) as never,
    });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!('authorization' in context)) return;
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
    // Set, never passed through: the office throttles logins by this address and believes it (docs/operations.md).
    request.http?.headers.set(CLIENT_ADDRESS_HEADER, context.clientAddress);
  }

  override didEncounterError(error: Error): void {
    if (error instanceof GraphQLError && error.extensions?.code) throw error;
    throw new GraphQLError(`${subgraphLabel(this.name)}服务暂不可用，其数据未能返回，请稍后重试`, {
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: this.name, department: isDepartment(this.name) ? this.name.toUpperCase() : null },
      originalError: error,
    });
  }
}
