import type { Department } from './department';

/** A calendar date as `YYYY-MM-DD` (no time zone: plan dates are days in China Standard Time). */
export type IsoDate = string;

/** R-PLAN-1: what a joint inspection plan states. */
export interface PlanDefinition {
  id: string;
  documentNumber: string;
  title: string;
  issuingOffice: string;
  issueDate: IsoDate;
  windowStart: IsoDate;
  windowEnd: IsoDate;
  objectType: string;
  leadDepartment: Department;
  participatingDepartments: Department[];
  annualPlan: string;
  reportingDeadline: IsoDate;
  /** The department that receives the summary and the 汇总表 (R-REP-2). */
  reportTo: Department;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** R-PLAN-2: every inspection of a plan happens inside its window (both ends included). */
export function isWithinWindow(date: IsoDate, plan: Pick<PlanDefinition, 'windowStart' | 'windowEnd'>): boolean {
  return isIsoDate(date) && date >= plan.windowStart && date <= plan.windowEnd;
}

/** The plan of the source document, exactly as issued (平卫双随机办〔2022〕25号). */
export const PLAN_2022: PlanDefinition = {
  id: '2022c025-0000-4000-8000-000000000025',
  documentNumber: '平卫双随机办〔2022〕25号',
  title: '平顶山市卫东区互联网上网服务营业场所“双随机、一公开”部门联合监管实施方案',
  issuingOffice: '平顶山市卫东区部门联合“双随机、一公开”监管工作联席会议办公室',
  issueDate: '2022-07-21',
  windowStart: '2022-07-26',
  windowEnd: '2022-12-31',
  objectType: '互联网上网服务营业场所',
  leadDepartment: 'culture',
  participatingDepartments: ['culture', 'market', 'fire'],
  annualPlan: '《平顶山市卫东区2022年度市场监管领域“双随机、一公开”部门联合监督检查工作计划》',
  reportingDeadline: '2022-12-01',
  reportTo: 'market',
};
