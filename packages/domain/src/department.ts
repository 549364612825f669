/** The departments that take part in a joint inspection, by code name (DOMAIN.md glossary). */
export const DEPARTMENTS = ['culture', 'market', 'fire'] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** Who owns data in the platform: the joint office or one of the departments. */
export type Owner = 'office' | Department;

/** Official short and full Chinese names, as the UI and printed forms show them. */
export const DEPARTMENT_NAMES: Record<Department, { short: string; full: string }> = {
  culture: { short: '文广旅', full: '卫东区文化广电和旅游局' },
  market: { short: '市场监管', full: '卫东区市场监督管理局' },
  fire: { short: '消防', full: '卫东区消防救援大队' },
};

export function isDepartment(value: unknown): value is Department {
  return typeof value === 'string' && (DEPARTMENTS as readonly string[]).includes(value);
}
