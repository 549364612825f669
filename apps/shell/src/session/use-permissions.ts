import type { DepartmentCode } from '@dr/ui';
import { useCurrentUser } from './use-current-user';

/** What the signed-in user may do on the joint office's screens; the servers enforce the same rules. */
export interface Permissions {
  /** False until `me` has loaded: offer nothing before then. */
  known: boolean;
  /** OFFICE_ADMIN: plans, the venue directory, every officer, draws. */
  office: boolean;
  /** DEPARTMENT_ADMIN: the own department's dashboard, review and publication, and its check items (检查事项) of a plan before its draw. */
  departmentAdmin: boolean;
  /** The department of department staff, null for the joint office. */
  department: DepartmentCode | null;
  /** May keep (create, edit, import) this department's officers: the office, or the department's own admin. */
  mayKeepInspectors: (department: DepartmentCode) => boolean;
  /** May import officers at all (the office or any department admin; rows of other departments are refused). */
  mayImportInspectors: boolean;
}

/** The signed-in user's permissions, derived from `me`. */
export function usePermissions(): Permissions {
  const user = useCurrentUser();
  const office = user?.role === 'OFFICE_ADMIN';
  const departmentAdmin = user?.role === 'DEPARTMENT_ADMIN';
  const department = user?.department ?? null;
  return {
    known: !!user,
    office,
    departmentAdmin,
    department,
    mayKeepInspectors: (target) => office || (departmentAdmin && department === target),
    mayImportInspectors: office || departmentAdmin,
  };
}
