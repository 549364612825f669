import { AppError, type ErrorCode } from './errors';

const PASSED_THROUGH = new Set<string>(['BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'UNAUTHENTICATED']);

/**
 * Asks the graph (the gateway) a question on behalf of the caller, with the caller's token: how one
 * subgraph reads another's entities without reading its tables. A refusal in the answer (FORBIDDEN,
 * NOT_FOUND, UNAUTHENTICATED …) is thrown with its code and message; a gateway that cannot be reached,
 * or any other error, is SUBGRAPH_UNAVAILABLE with `unavailable` as the message.
 */
export async function queryGraph<T>(
  gatewayUrl: string,
  request: { query: string; variables: Record<string, unknown>; authorization: string | null; unavailable: string; timeoutMs?: number },
): Promise<T> {
  let body: { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(request.authorization ? { authorization: request.authorization } : {}) },
      body: JSON.stringify({ query: request.query, variables: request.variables }),
      signal: AbortSignal.timeout(request.timeoutMs ?? 15_000),
    });
    body = (await response.json()) as typeof body;
  } catch {
    throw new AppError('SUBGRAPH_UNAVAILABLE', request.unavailable);
  }
  const failure = body.errors?.[0];
  const code = failure?.extensions?.code;
  // A refusal the caller can act on (an expired login, no such inspection …) passes through as it is:
  // turned into "unavailable" it would be retried for ever by a phone's outbox.
  if (failure && code && PASSED_THROUGH.has(code)) throw new AppError(code as ErrorCode, failure.message);
  if (failure || !body.data) throw new AppError('SUBGRAPH_UNAVAILABLE', code === 'SUBGRAPH_UNAVAILABLE' ? failure!.message : request.unavailable);
  return body.data;
}
