import { DEPARTMENT_NAMES, isDepartment, type Department } from './department';
import { isIsoDate, type PlanDefinition } from './plan';

/** What the office states when it sets up a plan (R-PLAN-1); the id and the issuing office are its own. */
export type PlanFields = Pick<
  PlanDefinition,
  'documentNumber' | 'title' | 'issueDate' | 'windowStart' | 'windowEnd' | 'objectType' | 'leadDepartment' | 'participatingDepartments' | 'annualPlan' | 'reportingDeadline' | 'reportTo'
>;

/** One thing wrong with a plan, naming the input field at fault. */
export interface PlanProblem {
  field: keyof PlanFields;
  message: string;
}

/**
 * R-PLAN-1: what is wrong with a plan's fields, first problem first (an empty list: the plan may be
 * saved). The server refuses with the first; the browser's form shows each beside its field.
 * @param plan - the fields as entered (text already trimmed)
 */
export function planProblems(plan: PlanFields): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const add = (field: keyof PlanFields, message: string) => problems.push({ field, message });
  if (!plan.title) add('title', '请填写方案名称');
  if (!plan.documentNumber) add('documentNumber', '请填写文号');
  if (!plan.objectType) add('objectType', '请填写检查对象类型');
  for (const field of ['issueDate', 'windowStart', 'windowEnd', 'reportingDeadline'] as const) {
    if (!isIsoDate(plan[field])) add(field, `${DATE_LABELS[field]}不是有效日期`);
  }
  if (isIsoDate(plan.windowStart) && isIsoDate(plan.windowEnd) && plan.windowEnd < plan.windowStart) {
    add('windowEnd', `检查结束日期（${plan.windowEnd}）早于开始日期（${plan.windowStart}）`);
  }
  if (isIsoDate(plan.windowStart) && isIsoDate(plan.reportingDeadline) && plan.reportingDeadline < plan.windowStart) {
    add('reportingDeadline', `报送截止日期（${plan.reportingDeadline}）早于检查开始日期（${plan.windowStart}）`);
  }
  const departments = plan.participatingDepartments;
  if (departments.length === 0) add('participatingDepartments', '请至少选择一个参与部门');
  const seen = new Set<Department>();
  for (const department of departments) {
    if (seen.has(department)) add('participatingDepartments', `参与部门“${DEPARTMENT_NAMES[department].full}”重复`);
    seen.add(department);
  }
  if (!isDepartment(plan.leadDepartment)) add('leadDepartment', '请选择牵头部门');
  else if (!departments.includes(plan.leadDepartment)) add('leadDepartment', `牵头部门“${DEPARTMENT_NAMES[plan.leadDepartment].full}”不在参与部门中`);
  if (!isDepartment(plan.reportTo)) add('reportTo', '请选择报送单位');
  return problems;
}

const DATE_LABELS = { issueDate: '印发日期', windowStart: '检查开始日期', windowEnd: '检查结束日期', reportingDeadline: '报送截止日期' } as const;

/**
 * Last year's plan as the starting point of this year's: the same departments, lead, object type and
 * recipient; every date moved on by whole years (29 February becomes 28 February).
 * @param years - how many years later (1: next year)
 */
export function copiedPlanFields(source: PlanFields, years = 1): PlanFields {
  const shift = (date: string) => {
    const year = Number(date.slice(0, 4)) + years;
    const shifted = `${year}${date.slice(4)}`;
    return isIsoDate(shifted) ? shifted : `${year}-02-28`;
  };
  return {
    ...source,
    participatingDepartments: [...source.participatingDepartments],
    documentNumber: '',
    title: source.title.replace(/\d{4}/, (year) => String(Number(year) + years)),
    annualPlan: source.annualPlan.replace(/\d{4}/, (year) => String(Number(year) + years)),
    issueDate: shift(source.issueDate),
    windowStart: shift(source.windowStart),
    windowEnd: shift(source.windowEnd),
    reportingDeadline: shift(source.reportingDeadline),
  };
}

/**
 * R-PLAN-2 for writes that carry a date: is `date` after the plan's window? The caller decides, per
 * write, whether that is refused or recorded as late with a reason (docs/domain-rules.md).
 */
export function isAfterWindow(date: string, plan: Pick<PlanDefinition, 'windowEnd'>): boolean {
  return date > plan.windowEnd;
}
