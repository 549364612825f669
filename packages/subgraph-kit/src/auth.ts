import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { isDepartment, ROLES, type Principal, type Role } from '@dr/domain';
import { unauthenticated } from './errors';

/**
 * Session tokens are JWTs signed with Ed25519. Only the office subgraph (which owns the users) holds
 * the private key; every server holds the public key and checks each request's token itself, so a
 * department subgraph can neither be bypassed through the gateway nor mint tokens.
 */
const ISSUER = 'double-random/office';
const AUDIENCE = 'double-random';

/**
 * The oldest token any server accepts, whatever its `exp` says: a token signed with a far `exp` (or
 * none) by a leaked or misused key still dies within a working day. Tokens are issued for 8 h.
 */
export const TOKEN_MAX_AGE_SECONDS = 12 * 60 * 60;

/** Accepts a PEM as is, with `\n` escapes (as env files carry it), or base64-encoded. */
function normalisePem(value: string): string {
  const text = value.includes('-----BEGIN') ? value : Buffer.from(value, 'base64').toString('utf8');
  return text.replace(/\\n/g, '\n');
}

export function publicKeyFrom(value: string): KeyObject {
  return createPublicKey(normalisePem(value));
}

export function privateKeyFrom(value: string): KeyObject {
  return createPrivateKey(normalisePem(value));
}

/** A fresh key pair as PEM strings (the process runner makes one per run when none is configured). */
export function generateAuthKeys(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/**
 * Signs an access token for `principal` in session `sessionId` (`sid`, required: every server checks
 * it against the revocation list). `pwc` marks an account that must change its password first.
 */
export async function signToken(principal: Principal & { sessionId: string }, key: KeyObject, ttlSeconds: number): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  const claims = { name: principal.displayName, username: principal.username, role: principal.role, dept: principal.department, insp: principal.inspectorId, sid: principal.sessionId };
  const token = await new SignJWT(principal.mustChangePassword ? { ...claims, pwc: true } : claims)
    .setProtectedHeader({ alg: 'EdDSA' })
    .setSubject(principal.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key);
  return { token, expiresAt };
}

/**
 * Verifies a token and returns who it names; a bad or expired token, one without `exp` or `iat`, or one
 * issued more than {@link TOKEN_MAX_AGE_SECONDS} ago is UNAUTHENTICATED.
 */
export async function verifyToken(token: string, key: KeyObject): Promise<Principal> {
  try {
    const { payload } = await jwtVerify(token, key, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['EdDSA'],
      requiredClaims: ['exp', 'iat', 'sid'],
      maxTokenAge: TOKEN_MAX_AGE_SECONDS,
    });
    const role = payload.role as Role;
    const department = payload.dept ?? null;
    if (!payload.sub || !ROLES.includes(role) || (department !== null && !isDepartment(department))) throw unauthenticated('登录令牌内容无效，请重新登录');
    const inspectorId = typeof payload.insp === 'string' ? payload.insp : null;
    if (typeof payload.sid !== 'string' || !payload.sid) throw unauthenticated('登录令牌内容无效，请重新登录');
    const principal: Principal = { userId: payload.sub, username: String(payload.username), displayName: String(payload.name), role, department, inspectorId, sessionId: payload.sid };
    if (payload.pwc === true) principal.mustChangePassword = true;
    return principal;
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw unauthenticated('登录已过期，请重新登录');
    if (error instanceof joseErrors.JOSEError) throw unauthenticated('登录令牌无效，请重新登录');
    throw error;
  }
}

/** Answers whether a session (`sid`) has been ended; see sessions.ts. */
export type RevokedSessionCheck = (sessionId: string) => Promise<boolean>;

let revokedSessionCheck: RevokedSessionCheck | null = null;

/**
 * Installs this process's revocation list (once, at start: `startSubgraph`, the gateway). Every token
 * check, GraphQL or plain HTTP route, then refuses a token whose session was ended. Process-wide on
 * purpose: the file routes of every module call {@link principalFromHeader} with the key alone.
 */
export function useRevokedSessionCheck(check: RevokedSessionCheck | null): void {
  revokedSessionCheck = check;
}

/** Verifies a token, then refuses it when its session has been ended (logout, revocation, disabled account). */
export async function principalFromToken(token: string, key: KeyObject): Promise<Principal> {
  const principal = await verifyToken(token, key);
  if (revokedSessionCheck && principal.sessionId && (await revokedSessionCheck(principal.sessionId))) throw unauthenticated('登录已失效，请重新登录');
  return principal;
}

/** The principal of a request from its `Authorization: Bearer …` header, or null when there is none. */
export async function principalFromHeader(header: string | undefined, key: KeyObject): Promise<Principal | null> {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthenticated('Authorization 头格式应为 “Bearer 令牌”');
  return principalFromToken(match[1], key);
}

/** The header in which the gateway tells a subgraph the caller's address (the browser's, not its own). */
export const CLIENT_ADDRESS_HEADER = 'x-client-address';

/**
 * The caller's address as a subgraph sees it: the gateway's {@link CLIENT_ADDRESS_HEADER}, else the TCP
 * peer. The header is believed as is: subgraphs listen on 127.0.0.1 by default, so only the gateway
 * (or something else on the same host) can reach them (docs/operations.md, "Login throttling").
 */
export function clientAddressOf(request: IncomingMessage): string {
  const header = request.headers[CLIENT_ADDRESS_HEADER];
  const forwarded = (Array.isArray(header) ? header[0] : header)?.trim();
  // An address is at most 45 characters (IPv6 with an IPv4 tail); anything longer is not one.
  if (forwarded && forwarded.length <= 45) return forwarded;
  return request.socket.remoteAddress ?? 'unknown';
}
