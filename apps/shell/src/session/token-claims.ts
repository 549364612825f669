/** The parts of the session token the page reads itself (the servers check its signature; the page cannot). */
export interface TokenClaims {
  /** The user's id. */
  sub: string | null;
  /** Expiry in seconds since 1970, or null when the token carries none. */
  exp: number | null;
}

/**
 * Reads a JWT's payload without verifying it: only to key the user's offline data and to notice an
 * expired session after a reload; every request is still checked by the gateway.
 * @param token - the bearer token, or null
 */
export function tokenClaims(token: string | null): TokenClaims {
  const payload = token?.split('.')[1];
  if (!payload) return { sub: null, exp: null };
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as { sub?: unknown; exp?: unknown };
    return { sub: typeof claims.sub === 'string' ? claims.sub : null, exp: typeof claims.exp === 'number' ? claims.exp : null };
  } catch {
    return { sub: null, exp: null };
  }
}

/**
 * Whether the token's expiry has passed (with no expiry, it has not: the gateway decides).
 * @param token - the bearer token, or null
 * @param now - milliseconds since 1970
 */
export function tokenExpired(token: string | null, now = Date.now()): boolean {
  const { exp } = tokenClaims(token);
  return exp !== null && exp * 1000 <= now;
}
