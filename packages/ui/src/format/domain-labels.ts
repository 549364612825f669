// Types only: the labels below are this package's own, so the shell's first load does not carry the
// domain package (CommonJS, not tree-shaken) just for a few names.
import type { Department, InspectorStatusCode as DomainInspectorStatus, VenueStatusCode as DomainVenueStatus } from '@dr/domain';

/** `Department` enum values of the API. */
export type DepartmentCode = 'CULTURE' | 'MARKET' | 'FIRE';
/** `Role` enum values of the API. */
export type RoleCode = 'OFFICE_ADMIN' | 'DEPARTMENT_ADMIN' | 'INSPECTOR';
/** `InspectionStatus` enum values of the API. */
export type InspectionStatusCode = 'SCHEDULED' | 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLED';
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

/**
 * The API's `Department` value of a domain department code: draw receipts and parameters use the
 * domain's lower-case codes (`culture`), the GraphQL enum the upper-case ones (`CULTURE`).
 * @param department - domain code, e.g. `culture`
 */
export function toDepartmentCode(department: Department): DepartmentCode {
  return department.toUpperCase() as DepartmentCode;
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
  CANCELLED: { label: '已撤销', color: 'default' },
};

/** Item outcomes with the colour of their Tag; `null` is an item nobody has recorded yet. */
export const OUTCOME_LABELS: Record<ItemOutcomeCode, { label: string; color: string }> = {
  COMPLIANT: { label: '符合', color: 'success' },
  NON_COMPLIANT: { label: '不符合', color: 'error' },
  NOT_APPLICABLE: { label: '不涉及', color: 'default' },
};

/** Label of an item that has no outcome yet. */
export const OUTCOME_PENDING_LABEL = '未检查';

/** `VenueStatus` enum values of the API. */
export type VenueStatusCode = DomainVenueStatus;
/** `InspectorStatus` enum values of the API. */
export type InspectorStatusCode = DomainInspectorStatus;
/** `DrawStatus` enum values of the API. */
export type DrawStatusCode = 'COMMITTED' | 'COMPLETED' | 'FAILED';

/** Business statuses of a venue with the colour of their Tag. */
export const VENUE_STATUS: Record<VenueStatusCode, { label: string; color: string }> = {
  OPERATING: { label: '营业', color: 'success' },
  SUSPENDED: { label: '停业', color: 'warning' },
  CLOSED: { label: '注销', color: 'default' },
};

/** Duty statuses of an officer with the colour of their Tag. */
export const INSPECTOR_STATUS: Record<InspectorStatusCode, { label: string; color: string }> = {
  ACTIVE: { label: '在岗', color: 'success' },
  ON_LEAVE: { label: '请假', color: 'warning' },
};

/** The default credit-risk classes (信用风险分类, `DEFAULT_RISK_CLASSES` of `@dr/domain`) with their Tag colours. */
export const RISK_CLASSES: readonly { code: string; name: string; color: string }[] = [
  { code: 'A', name: '守信', color: 'green' },
  { code: 'B', name: '一般', color: 'blue' },
  { code: 'C', name: '警示', color: 'orange' },
  { code: 'D', name: '失信', color: 'red' },
];

/**
 * A credit-risk class as the UI shows it: `D 失信`; a class a plan configured itself shows its code.
 * @param code - the venue's `riskClass`
 */
export function riskClassLabel(code: string): string {
  const known = RISK_CLASSES.find((riskClass) => riskClass.code === code);
  return known ? `${known.code} 类（${known.name}）` : `${code} 类`;
}

/**
 * Colour of a credit-risk class Tag.
 * @param code - the venue's `riskClass`
 */
export function riskClassColor(code: string): string {
  return RISK_CLASSES.find((riskClass) => riskClass.code === code)?.color ?? 'default';
}

/** Draw statuses with the colour of their Tag. */
export const DRAW_STATUS: Record<DrawStatusCode, { label: string; color: string }> = {
  COMMITTED: { label: '已公布承诺，待揭示', color: 'processing' },
  COMPLETED: { label: '已完成', color: 'success' },
  FAILED: { label: '未能完成', color: 'error' },
};
