import type { Department } from './department';

/**
 * Who a signed-in user is. The joint office manages plans, directories and inspections; a department's
 * staff change only their own department's data (checklists, results); inspectors record visits.
 */
export const ROLES = ['OFFICE_ADMIN', 'DEPARTMENT_ADMIN', 'INSPECTOR'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  /** Set for department staff and inspectors; null for the joint office. */
  department: Department | null;
  /** The enforcement officer (inspector directory) this login belongs to, if any: who may sign, whose visits. */
  inspectorId: string | null;
  /** The session the access token belongs to (`sid`): what logout and revocation end. */
  sessionId?: string;
  /** Set on an account created or reset by someone else: until the password is changed, only that works (R-ACC-4). */
  mustChangePassword?: boolean;
}

export const ROLE_NAMES: Record<Role, string> = {
  OFFICE_ADMIN: '联席办管理员',
  DEPARTMENT_ADMIN: '部门管理员',
  INSPECTOR: '执法检查人员',
};

/** May this principal change data owned by `department`? Office staff may not edit a department's own records. */
export function mayEditDepartment(principal: Principal, department: Department): boolean {
  return principal.department === department && (principal.role === 'DEPARTMENT_ADMIN' || principal.role === 'INSPECTOR');
}

/** May this principal manage plans, directories and inspections (the joint office's data)? */
export function mayManageOffice(principal: Principal): boolean {
  return principal.role === 'OFFICE_ADMIN';
}
