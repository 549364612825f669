import type { KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Principal } from '@dr/domain';
import { principalFromHeader } from './auth';
import { PayloadTooLarge, sendJson } from './http';

/** The signed-in principal of a file request, or null after answering 401. */
export async function principalOrReply(request: IncomingMessage, response: ServerResponse, publicKey: KeyObject): Promise<Principal | null> {
  try {
    const principal = await principalFromHeader(request.headers.authorization, publicKey);
    if (principal) return principal;
    sendJson(response, 401, { error: '请先登录', code: 'UNAUTHENTICATED' });
  } catch (error) {
    sendJson(response, 401, { error: error instanceof GraphQLError ? error.message : '请先登录', code: 'UNAUTHENTICATED' });
  }
  return null;
}

// SUBGRAPH_UNAVAILABLE: a file route that asks the graph first (evidence) while the office is down.
const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNSUPPORTED_MEDIA_TYPE: 415, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, UNAUTHENTICATED: 401, SUBGRAPH_UNAVAILABLE: 503 };

/**
 * Answers a file route's failure as `{ error, code, field }` with the matching status; anything that is
 * not a user-facing error is rethrown, for the server to log and mask.
 */
export function sendFileError(response: ServerResponse, error: unknown): void {
  if (error instanceof PayloadTooLarge) {
    sendJson(response, 413, { error: `文件超过 ${Math.round(error.limitBytes / 1024 / 1024)} MB 的上限`, code: 'BAD_USER_INPUT', field: 'file' });
    return;
  }
  if (error instanceof GraphQLError && typeof error.extensions.code === 'string' && error.extensions.code in STATUS) {
    const code = error.extensions.code;
    sendJson(response, STATUS[code], { error: error.message, code, field: error.extensions.field ?? null });
    return;
  }
  throw error;
}
