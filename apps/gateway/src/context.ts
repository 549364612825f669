import type { KeyObject } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Principal } from '@dr/domain';
import { principalFromHeader } from '@dr/subgraph-kit';

export interface GatewayContext {
  principal: Principal | null;
  authorization: string | undefined;
  requestId: string;
  /** Aborted when the caller disconnects or the time budget runs out; subgraph calls are then cancelled. */
  signal: AbortSignal;
}

/** A bad or expired token is refused here already (UNAUTHENTICATED); the subgraphs check again. */
export async function createGatewayContext(request: IncomingMessage, requestId: string, publicKey: KeyObject, signal: AbortSignal): Promise<GatewayContext> {
  const authorization = request.headers.authorization;
  return { principal: await principalFromHeader(authorization, publicKey), authorization, requestId, signal };
}
