import type { DepartmentCode } from '@dr/ui';
import type { PlanDashboardQuery } from '../../generated/graphql';

/** A department's figures, whichever department (the three answers differ only in their type names). */
export interface DepartmentFigures {
  byStatus: { pendingEntry: number; pendingReview: number; returned: number; published: number };
  byStreet: { street: string; formed: number; entered: number; published: number }[];
  resultCodes: { code: number; label: string; count: number }[];
  problemsFound: number;
  followUps: { total: number; open: number; rectified: number };
  overdue: { publications: number; referrals: number; followUps: number };
}
export type OfficeFigures = PlanDashboardQuery['planProgress'];

/** The departments' figures present in the answer (the office asks for all three, department staff for their own). */
export function departmentFigures(data: PlanDashboardQuery): { department: DepartmentCode; figures: DepartmentFigures }[] {
  const all: [DepartmentCode, DepartmentFigures | null | undefined][] = [
    ['CULTURE', data.culture],
    ['MARKET', data.market],
    ['FIRE', data.fire],
  ];
  return all.filter((entry): entry is [DepartmentCode, DepartmentFigures] => !!entry[1]).map(([department, figures]) => ({ department, figures }));
}

/** The departments' stages after signing (entered → published → followed up), each with the filter of its list. */
export const DEPARTMENT_STAGES = [
  { key: 'formed', label: '结果已形成', list: 'results', filter: {} },
  { key: 'entered', label: '已录入', list: 'results', filter: { entered: true } },
  { key: 'published', label: '已公示', list: 'results', filter: { status: 'PUBLISHED' } },
  { key: 'followedUp', label: '复查已办结', list: 'follow-ups', filter: { state: 'CLOSED' } },
] as const;

export type DepartmentStageKey = (typeof DEPARTMENT_STAGES)[number]['key'];

export function departmentStageCounts(figures: DepartmentFigures): Record<DepartmentStageKey, number> {
  const { pendingEntry, pendingReview, returned, published } = figures.byStatus;
  return {
    formed: pendingEntry + pendingReview + returned + published,
    entered: pendingReview + published,
    published,
    followedUp: figures.followUps.total - figures.followUps.open,
  };
}

/** The office's stages (drawn → scheduled → visited → signed), as the API names them. */
export const OFFICE_STAGES = [
  { key: 'drawn', stage: 'DRAWN', label: '已抽取' },
  { key: 'scheduled', stage: 'SCHEDULED', label: '已安排' },
  { key: 'visited', stage: 'VISITED', label: '已上门' },
  { key: 'signed', stage: 'SIGNED', label: '已签字' },
] as const;
