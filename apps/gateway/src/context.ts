import type { KeyObject } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Principal } from '@dr/domain';
import { principalFromHeader } from '@dr/subgraph-kit';

export interface GatewayContext {
  principal: Principal | null;
  authorization: string | undefined;
  requestId: string;
}

/** A bad or expired token is refused here already (UNAUTHENTICATED); the subgraphs check again. */
export async function createGatewayContext(request: IncomingMessage, requestId: string, publicKey: KeyObject): Promise<GatewayContext> {
  const authorization = request.headers.authorization;
  return { principal: await principalFromHeader(authorization, publicKey), authorization, requestId };
}
