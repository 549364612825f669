import { AsyncLocalStorage } from 'node:async_hooks';
import type { Principal } from '@dr/domain';

/** Who is acting, for the audit trail: the signed-in user, or nobody (background work, a failed login). */
export interface AuditActor {
  userId: string | null;
  username: string;
  role: string | null;
  department: string | null;
}

/** What one request (or one piece of background work) carries for the audit trail. */
export interface AuditScope {
  actor: AuditActor | null;
  clientAddress: string | null;
  requestId: string | null;
}

const scopes = new AsyncLocalStorage<AuditScope>();

/** The actor of background work (the event relay, event handlers, start-up). */
export const SYSTEM_ACTOR: AuditActor = { userId: null, username: 'system', role: null, department: null };

export function actorOf(principal: Principal): AuditActor {
  return { userId: principal.userId, username: principal.username, role: principal.role, department: principal.department };
}

/**
 * Runs `work` in a fresh audit scope: the HTTP server opens one per request (with the caller's address),
 * and whoever learns the caller (`setAuditActor`) fills it in for every write that follows.
 */
export function runInAuditScope<T>(scope: Partial<AuditScope>, work: () => T): T {
  return scopes.run({ actor: null, clientAddress: null, requestId: null, ...scope }, work);
}

/** Names the signed-in caller of the current request (no-op outside a scope). */
export function setAuditActor(principal: Principal | null): void {
  const scope = scopes.getStore();
  if (scope && principal) scope.actor = actorOf(principal);
}

/** The current scope, or the system's when there is none. */
export function currentAuditScope(): AuditScope {
  return scopes.getStore() ?? { actor: null, clientAddress: null, requestId: null };
}
