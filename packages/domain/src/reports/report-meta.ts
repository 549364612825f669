import { DEPARTMENT_NAMES, type Department } from '../department';
import { RESULT_CODES } from '../result-codes';

/** The plan fields a report prints (R-PLAN-1). */
export interface ReportPlan {
  documentNumber: string;
  title: string;
  issuingOffice: string;
  participatingDepartments: readonly Department[];
}

/**
 * What 汇总表, 统计表 and the work summary say about themselves (R-REP-2): the plan, the department a
 * report covers (null: the whole plan, for the joint office), the plan's departments in its order, and
 * the ten result codes (R-RES-2) as the statistics count them.
 */
export function reportMeta(plan: ReportPlan, department: Department | null, generatedAt: Date) {
  return {
    plan: { documentNumber: plan.documentNumber, title: plan.title, issuingOffice: plan.issuingOffice },
    department: department ? { code: department, name: DEPARTMENT_NAMES[department].full } : null,
    departments: (department ? [department] : plan.participatingDepartments).map((code) => ({ code, name: DEPARTMENT_NAMES[code].full })),
    resultCodes: RESULT_CODES.map(({ code, label }) => ({ code, label })),
    generatedAt,
  };
}
