import { randomUUID } from 'node:crypto';
import { In, Not, type DataSource } from 'typeorm';
import { isIsoDate, isWithinWindow, teamProblems, type TeamOfficer } from '@dr/domain';
import { badInput, conflict } from '@dr/subgraph-kit';
import { Plan } from '../plan/plan.entity';
import { Venue } from '../venue/venue.entity';
import { Inspector } from '../inspector/inspector.entity';
import { InspectorConflict } from '../inspector/conflict.entity';
import { Inspection, InspectionStatus } from './inspection.entity';
import { TeamMember } from './team-member.entity';
import type { CreateInspectionInput } from './dtos/create-inspection.input';
import { freezePlanIfFirstUse } from '../plan/plan.service';

/** Creating inspections; the rules live here, not in the resolver or the tables. */
export class InspectionService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Creates an inspection with its team in one transaction. R-PLAN-2: the date is inside the plan's
   * window; R-DRAW-2: the team obeys the draw's rules (`teamProblems`); a plan never visits a venue twice
   * (CONFLICT); the reason a task is made by hand, not drawn, is recorded with it.
   */
  async create(input: CreateInspectionInput): Promise<Inspection> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await manager.findOneBy(Plan, { id: input.planId });
      if (!plan) throw badInput('planId', '实施方案不存在');
      const venue = await manager.findOneBy(Venue, { id: input.venueId });
      if (!venue) throw badInput('venueId', '检查对象不存在或已从名录库删除');
      if (!isIsoDate(input.scheduledDate)) throw badInput('scheduledDate', `“${input.scheduledDate}”不是有效日期`);
      if (!isWithinWindow(input.scheduledDate, plan)) {
        throw badInput('scheduledDate', `检查日期须在方案检查时间窗口 ${plan.windowStart} 至 ${plan.windowEnd} 之内`);
      }
      const reason = input.reason.trim();
      if (!reason) throw badInput('reason', '请说明手工建立检查任务的理由');
      const memberIds = input.memberIds;
      if (new Set([input.leaderId, ...memberIds]).size !== memberIds.length + 1) throw badInput('memberIds', '同一人员不能在检查组中出现两次');
      const people = await manager.findBy(Inspector, { id: In([input.leaderId, ...memberIds]) });
      const conflicts = await manager.findBy(InspectorConflict, { inspectorId: In([input.leaderId, ...memberIds]), venueId: venue.id });
      const byId = new Map(people.map((p): [string, TeamOfficer] => [p.id, {
        id: p.id,
        name: p.name,
        department: p.department,
        certificateValidFrom: p.certificateValidFrom,
        certificateValidUntil: p.certificateValidUntil,
        onLeave: p.status === 'ON_LEAVE',
        conflictVenueIds: conflicts.filter((c) => c.inspectorId === p.id).map((c) => c.venueId),
      }]));
      const leader = byId.get(input.leaderId);
      if (!leader) throw badInput('leaderId', '所选组长不在执法检查人员名录库中');
      if (memberIds.some((id) => !byId.has(id))) throw badInput('memberIds', '所选组员中有人不在执法检查人员名录库中');
      const [problem] = teamProblems(
        { leader, members: memberIds.map((id) => byId.get(id)!) },
        { venueId: venue.id, date: input.scheduledDate, leadDepartment: plan.leadDepartment, participatingDepartments: plan.participatingDepartments },
      );
      if (problem) throw badInput(problem.field, problem.message);
      const existing = await manager.findOne(Inspection, { where: { planId: plan.id, venueId: venue.id, status: Not(InspectionStatus.CANCELLED) } });
      if (existing) throw conflict(`检查对象“${venue.name}”在本方案中已有检查任务${existing.scheduledDate ? `（${existing.scheduledDate}）` : ''}，同一方案不重复检查`, { field: 'venueId' });

      const id = randomUUID();
      await freezePlanIfFirstUse(manager, plan);
      await manager.insert(Inspection, { id, planId: plan.id, venueId: input.venueId, scheduledDate: input.scheduledDate, status: InspectionStatus.SCHEDULED, creationReason: reason });
      await manager.insert(
        TeamMember,
        [input.leaderId, ...memberIds].map((inspectorId, position) => ({ inspectionId: id, inspectorId, role: position === 0 ? ('LEADER' as const) : ('MEMBER' as const), position })),
      );
      return manager.findOneByOrFail(Inspection, { id });
    });
  }
}
