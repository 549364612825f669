import { DEPARTMENT_NAMES, type Department } from './department';

/** An officer as a hand-made team needs to know them (the inspector directory). */
export interface TeamOfficer {
  id: string;
  name: string;
  department: Department;
  certificateValidFrom: string | null;
  certificateValidUntil: string | null;
  onLeave: boolean;
  /** Venues the officer declared a conflict of interest with (回避). */
  conflictVenueIds: readonly string[];
}

/** One thing wrong with a team, naming the input field at fault and the officer by name. */
export interface TeamProblem {
  field: 'leaderId' | 'memberIds';
  message: string;
}

/**
 * R-DRAW-2 for a team made by hand (createInspection), the same rules the draw applies: the leader is
 * an officer of the lead department; every participating department is on the team; at least two
 * officers; each certificate valid on the visit date; nobody on leave; nobody who declared a conflict
 * with the venue. First problem first; an empty list: the team may visit.
 * @param leader - the leader, first; `members` the others
 */
export function teamProblems(
  team: { leader: TeamOfficer; members: readonly TeamOfficer[] },
  visit: { venueId: string; date: string; leadDepartment: Department; participatingDepartments: readonly Department[] },
): TeamProblem[] {
  const problems: TeamProblem[] = [];
  const everyone = [team.leader, ...team.members];
  const fieldOf = (officer: TeamOfficer) => (officer === team.leader ? 'leaderId' : 'memberIds');
  if (team.leader.department !== visit.leadDepartment) {
    problems.push({ field: 'leaderId', message: `检查组组长须由${DEPARTMENT_NAMES[visit.leadDepartment].full}执法人员担任` });
  }
  if (everyone.length < 2) problems.push({ field: 'memberIds', message: '检查组至少需要两名执法人员' });
  for (const department of visit.participatingDepartments) {
    if (!everyone.some((officer) => officer.department === department)) {
      problems.push({ field: 'memberIds', message: `检查组缺少参与部门${DEPARTMENT_NAMES[department].full}的执法人员` });
    }
  }
  for (const officer of everyone) {
    if (!visit.participatingDepartments.includes(officer.department)) {
      problems.push({ field: fieldOf(officer), message: `${officer.name}所在的${DEPARTMENT_NAMES[officer.department].full}未参与本方案` });
    }
    const from = officer.certificateValidFrom ?? '0000-01-01';
    if (!officer.certificateValidUntil || from > visit.date || officer.certificateValidUntil < visit.date) {
      problems.push({ field: fieldOf(officer), message: `${officer.name}的执法证在检查日期 ${visit.date} 不在有效期内` });
    }
    if (officer.onLeave) problems.push({ field: fieldOf(officer), message: `${officer.name}正在请假，不能参加检查` });
    if (officer.conflictVenueIds.includes(visit.venueId)) problems.push({ field: fieldOf(officer), message: `${officer.name}已申报与该检查对象回避` });
  }
  return problems;
}
