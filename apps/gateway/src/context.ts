import type { KeyObject } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';
import type { Principal } from '@dr/domain';
import { principalFromHeader } from '@dr/subgraph-kit';
import { authorizationOf } from './cookie-session';

export interface GatewayContext {
  principal: Principal | null;
  authorization: string | undefined;
  requestId: string;
  /** Who is calling, for the office's login throttling (sent on as `x-client-address`). */
  clientAddress: string;
  /** Aborted when the caller disconnects or the time budget runs out; subgraph calls are then cancelled. */
  signal: AbortSignal;
}

/**
 * The caller's address: the TCP peer, or, when the peer is one of `trustedProxies` (addresses, CIDRs or
 * proxy-addr's names such as `loopback`), the nearest untrusted address in its X-Forwarded-For. Anyone
 * else's X-Forwarded-For is ignored, so a client cannot choose its own address.
 */
export function clientAddressResolver(trustedProxies: string[]): (request: IncomingMessage) => string {
  const trust = proxyAddr.compile(trustedProxies);
  return (request) => proxyAddr(request, trust);
}

/**
 * A bad, expired or ended token is refused here already (UNAUTHENTICATED); the subgraphs check again.
 * The browser's token comes from its cookie (with the CSRF header), and is sent on as a Bearer header.
 */
export async function createGatewayContext(
  request: IncomingMessage,
  requestId: string,
  publicKey: KeyObject,
  clientAddress: (request: IncomingMessage) => string,
  signal: AbortSignal,
): Promise<GatewayContext> {
  const authorization = authorizationOf(request) ?? undefined;
  return { principal: await principalFromHeader(authorization, publicKey), authorization, requestId, clientAddress: clientAddress(request), signal };
}
