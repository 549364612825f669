import { randomUUID } from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import { DEPARTMENT_NAMES, isIsoDate, isWithinWindow } from '@dr/domain';
import { badInput } from '@dr/subgraph-kit';
import { Plan } from '../plan/plan.entity';
import { Venue } from '../venue/venue.entity';
import { Inspector } from '../inspector/inspector.entity';
import { Inspection, InspectionStatus } from './inspection.entity';
import { TeamMember } from './team-member.entity';
import type { CreateInspectionInput } from './dtos/create-inspection.input';

/** Creating inspections; the rules live here, not in the resolver or the tables. */
export class InspectionService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Creates an inspection with its team in one transaction. R-PLAN-2: the date is inside the plan's
   * window; R-DRAW-2: the leader is an officer of the lead department; nobody is on the team twice.
   */
  async create(input: CreateInspectionInput): Promise<Inspection> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await manager.findOneBy(Plan, { id: input.planId });
      if (!plan) throw badInput('planId', `实施方案不存在（${input.planId}）`);
      if (!(await manager.existsBy(Venue, { id: input.venueId }))) throw badInput('venueId', `检查对象不存在（${input.venueId}）`);
      if (!isIsoDate(input.scheduledDate)) throw badInput('scheduledDate', `“${input.scheduledDate}”不是有效日期`);
      if (!isWithinWindow(input.scheduledDate, plan)) {
        throw badInput('scheduledDate', `检查日期须在方案检查时间窗口 ${plan.windowStart} 至 ${plan.windowEnd} 之内`);
      }
      const memberIds = input.memberIds;
      if (new Set([input.leaderId, ...memberIds]).size !== memberIds.length + 1) throw badInput('memberIds', '同一人员不能在检查组中出现两次');
      const people = await manager.findBy(Inspector, { id: In([input.leaderId, ...memberIds]) });
      const byId = new Map(people.map((p) => [p.id, p]));
      const leader = byId.get(input.leaderId);
      if (!leader) throw badInput('leaderId', `执法人员不存在（${input.leaderId}）`);
      if (leader.department !== plan.leadDepartment) {
        throw badInput('leaderId', `检查组组长须由${DEPARTMENT_NAMES[plan.leadDepartment].full}执法人员担任`);
      }
      const missing = memberIds.find((id) => !byId.has(id));
      if (missing) throw badInput('memberIds', `执法人员不存在（${missing}）`);

      const id = randomUUID();
      await manager.insert(Inspection, { id, planId: plan.id, venueId: input.venueId, scheduledDate: input.scheduledDate, status: InspectionStatus.SCHEDULED });
      await manager.insert(
        TeamMember,
        [input.leaderId, ...memberIds].map((inspectorId, position) => ({ inspectionId: id, inspectorId, role: position === 0 ? ('LEADER' as const) : ('MEMBER' as const), position })),
      );
      return manager.findOneByOrFail(Inspection, { id });
    });
  }
}
