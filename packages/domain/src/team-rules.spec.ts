import { teamProblems, type TeamOfficer } from './team-rules';

const officer = (name: string, department: TeamOfficer['department'], change: Partial<TeamOfficer> = {}): TeamOfficer => ({
  id: name,
  name,
  department,
  certificateValidFrom: '2020-01-01',
  certificateValidUntil: '2025-12-31',
  onLeave: false,
  conflictVenueIds: [],
  ...change,
});
const visit = { venueId: 'v1', date: '2022-09-01', leadDepartment: 'culture' as const, participatingDepartments: ['culture', 'market', 'fire'] as const };
const team = (leader: TeamOfficer, ...members: TeamOfficer[]) => ({ leader, members });

describe('R-DRAW-2 a team made by hand obeys the draw\'s rules', () => {
  const [zhang, li, wang] = [officer('张文', 'culture'), officer('李市', 'market'), officer('王消', 'fire')];

  it('a culture leader with an officer of every participating department, all valid, passes', () => {
    expect(teamProblems(team(zhang, li, wang), visit)).toEqual([]);
  });

  it('refuses a team missing a participating department, naming it', () => {
    expect(teamProblems(team(zhang, li), visit)).toEqual([{ field: 'memberIds', message: '检查组缺少参与部门卫东区消防救援大队的执法人员' }]);
  });

  it('refuses fewer than two officers', () => {
    expect(teamProblems(team(zhang), { ...visit, participatingDepartments: ['culture'] })).toEqual([{ field: 'memberIds', message: '检查组至少需要两名执法人员' }]);
  });

  it('refuses by name: a certificate not valid on the day, leave, a declared conflict, a leader from another department', () => {
    expect(teamProblems(team(zhang, officer('赵过期', 'market', { certificateValidUntil: '2022-08-31' }), wang), visit)).toEqual([
      { field: 'memberIds', message: '赵过期的执法证在检查日期 2022-09-01 不在有效期内' },
    ]);
    expect(teamProblems(team(zhang, li, officer('钱请假', 'fire', { onLeave: true })), visit)[0].message).toBe('钱请假正在请假，不能参加检查');
    expect(teamProblems(team(officer('孙回避', 'culture', { conflictVenueIds: ['v1'] }), li, wang), visit)).toEqual([{ field: 'leaderId', message: '孙回避已申报与该检查对象回避' }]);
    expect(teamProblems(team(li, zhang, wang), visit)[0]).toEqual({ field: 'leaderId', message: '检查组组长须由卫东区文化广电和旅游局执法人员担任' });
  });
});
