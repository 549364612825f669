import type { DataSource } from 'typeorm';
import { appendAudit } from '@dr/subgraph-kit';
import type { User } from './user.entity';

/**
 * Records a login attempt in the office's audit trail, in a transaction of its own so that a failed
 * attempt stays recorded although the login then fails. The actor is the user for a success, else the
 * user name that was tried (never the password).
 */
export function auditLogin(dataSource: DataSource, username: string, outcome: 'SUCCEEDED' | 'FAILED' | 'REFUSED', user?: User): Promise<void> {
  const actor = user
    ? { userId: user.id, username: user.username, role: user.role, department: user.department }
    : { userId: null, username, role: null, department: null };
  return appendAudit(dataSource, { action: 'login', objectType: 'app_user', objectId: user?.id ?? null, outcome, actor, ...(outcome === 'REFUSED' ? { detail: { reason: 'throttled' } } : {}) });
}
