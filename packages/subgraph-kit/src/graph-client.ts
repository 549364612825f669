import { AppError } from './errors';

/**
 * Asks the graph (the gateway) a question on behalf of the caller, with the caller's token: how one
 * subgraph reads another's entities without reading its tables. A gateway that cannot be reached, or
 * any error in the answer, is SUBGRAPH_UNAVAILABLE with `unavailable` as the message.
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
  if (failure || !body.data) throw new AppError('SUBGRAPH_UNAVAILABLE', failure?.extensions?.code === 'SUBGRAPH_UNAVAILABLE' ? failure.message : request.unavailable);
  return body.data;
}
