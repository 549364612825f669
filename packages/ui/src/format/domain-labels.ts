/** `Department` enum values of the API. */
export type DepartmentCode = 'CULTURE' | 'MARKET' | 'FIRE';
/** `Role` enum values of the API. */
export type RoleCode = 'OFFICE_ADMIN' | 'DEPARTMENT_ADMIN' | 'INSPECTOR';
/** `InspectionStatus` enum values of the API. */
export type InspectionStatusCode = 'SCHEDULED' | 'IN_PROGRESS' | 'COMPLETED';
/** `ItemOutcome` enum values of the API. */
export type ItemOutcomeCode = 'COMPLIANT' | 'NON_COMPLIANT' | 'NOT_APPLICABLE';

/** Official short and full names of the departments (DOMAIN.md glossary). */
export const DEPARTMENT_NAMES: Record<DepartmentCode, { short: string; full: string }> = {
  CULTURE: { short: '文广旅', full: '卫东区文化广电和旅游局' },
  MARKET: { short: '市场监管', full: '卫东区市场监督管理局' },
  FIRE: { short: '消防', full: '卫东区消防救援大队' },
};

/**
 * A department's name as the UI shows it.
 * @param code - the API's `Department` value
 * @param variant - `short` (文广旅) for tabs and tags, `full` (卫东区文化广电和旅游局) for documents
 */
export function departmentName(code: DepartmentCode, variant: 'short' | 'full' = 'short'): string {
  return DEPARTMENT_NAMES[code][variant];
}

/** Names of the user roles as the top bar shows them. */
export const ROLE_NAMES: Record<RoleCode, string> = {
  OFFICE_ADMIN: '联席办管理员',
  DEPARTMENT_ADMIN: '部门管理员',
  INSPECTOR: '执法检查人员',
};

/** Inspection statuses with the colour of their Tag. */
export const INSPECTION_STATUS: Record<InspectionStatusCode, { label: string; color: string }> = {
  SCHEDULED: { label: '待检查', color: 'default' },
  IN_PROGRESS: { label: '检查中', color: 'processing' },
  COMPLETED: { label: '已完成', color: 'success' },
};

/** Item outcomes with the colour of their Tag; `null` is an item nobody has recorded yet. */
export const OUTCOME_LABELS: Record<ItemOutcomeCode, { label: string; color: string }> = {
  COMPLIANT: { label: '符合', color: 'success' },
  NON_COMPLIANT: { label: '不符合', color: 'error' },
  NOT_APPLICABLE: { label: '不涉及', color: 'default' },
};

/** Label of an item that has no outcome yet. */
export const OUTCOME_PENDING_LABEL = '未检查';
