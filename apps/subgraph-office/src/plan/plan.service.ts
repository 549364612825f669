import { randomUUID } from 'node:crypto';
import { In, Not, type DataSource, type EntityManager } from 'typeorm';
import { PLAN_2022, planProblems, type EventPayloads, type PlanFields, type Principal } from '@dr/domain';
import { AppError, badInput, conflict, publishEvent } from '@dr/subgraph-kit';
import { Plan } from './plan.entity';
import { Draw } from '../draw/draw.entity';
import { Inspection } from '../inspection/inspection.entity';
import type { CreatePlanInput, PlanInput } from './dtos/plan.input';

/** The joint office issues every plan under its own name. */
const ISSUING_OFFICE = PLAN_2022.issuingOffice;

const planMissing = () => new AppError('NOT_FOUND', '实施方案不存在或已被删除');

/**
 * Setting up and editing plans (R-PLAN-1). A plan may be edited until its first draw is committed or
 * its first inspection created; after that its window and teams are what the inspections were drawn
 * under, so a change is refused (CONFLICT) and a new plan is the way.
 */
export class PlanService {
  constructor(private readonly dataSource: DataSource) {}

  async create(input: CreatePlanInput, principal: Principal): Promise<Plan> {
    const fields = checked(input);
    return this.dataSource.transaction(async (manager) => {
      if (input.copyFromPlanId && !(await manager.existsBy(Plan, { id: input.copyFromPlanId }))) throw badInput('copyFromPlanId', '要复制的方案不存在');
      await assertDocumentNumberFree(manager, fields.documentNumber);
      const plan = manager.create(Plan, { ...fields, id: randomUUID(), issuingOffice: ISSUING_OFFICE });
      await manager.insert(Plan, plan);
      const payload: EventPayloads['plan.created'] = { planId: plan.id, title: plan.title, copiedFromPlanId: input.copyFromPlanId ?? null, departments: plan.participatingDepartments };
      // Each department keeps its own items per plan; a copy tells them which plan's items to start from (ADR 0013).
      await publishEvent(manager, { source: 'office', topic: 'plan.created', payload, destinations: plan.participatingDepartments });
      void principal;
      return manager.findOneByOrFail(Plan, { id: plan.id });
    });
  }

  async update(id: string, input: PlanInput): Promise<Plan> {
    const fields = checked(input);
    return this.dataSource.transaction(async (manager) => {
      const plan = await manager.findOneBy(Plan, { id });
      if (!plan) throw planMissing();
      if (await isDrawStarted(manager, id)) throw conflict(`方案“${plan.title}”已开始抽取或已有检查任务，不能再修改；如需调整，请新建方案`);
      await assertDocumentNumberFree(manager, fields.documentNumber, id);
      const added = fields.participatingDepartments.filter((department) => !plan.participatingDepartments.includes(department));
      await manager.update(Plan, { id }, fields);
      if (added.length) {
        // A department that joins later starts its items of this plan from nothing; it is told the plan exists.
        await publishEvent(manager, { source: 'office', topic: 'plan.created', payload: { planId: id, title: fields.title, copiedFromPlanId: null, departments: added }, destinations: added });
      }
      return manager.findOneByOrFail(Plan, { id });
    });
  }
}

/** Has the plan's first draw been committed, or its first inspection created (by hand or by the demo data)? */
export async function isDrawStarted(manager: EntityManager, planId: string): Promise<boolean> {
  return (await manager.existsBy(Draw, { planId })) || (await manager.existsBy(Inspection, { planId }));
}

/** Of these plans, the ones whose draw has started, in two statements. */
export async function drawStartedPlans(dataSource: DataSource, planIds: readonly string[]): Promise<Set<string>> {
  const ids = [...planIds];
  const [draws, inspections] = await Promise.all([
    dataSource.getRepository(Draw).createQueryBuilder('d').select('DISTINCT d.plan_id', 'planId').where({ planId: In(ids) }).getRawMany<{ planId: string }>(),
    dataSource.getRepository(Inspection).createQueryBuilder('i').select('DISTINCT i.plan_id', 'planId').where({ planId: In(ids) }).getRawMany<{ planId: string }>(),
  ]);
  return new Set([...draws, ...inspections].map((row) => row.planId));
}

/** Trims the text, then applies the rules between fields (R-PLAN-1), refusing with the first problem. */
function checked(input: PlanInput): PlanFields {
  const fields: PlanFields = {
    title: input.title.trim(),
    documentNumber: input.documentNumber.trim(),
    issueDate: input.issueDate,
    objectType: input.objectType.trim(),
    windowStart: input.windowStart,
    windowEnd: input.windowEnd,
    participatingDepartments: [...input.participatingDepartments],
    leadDepartment: input.leadDepartment,
    annualPlan: (input.annualPlan ?? '').trim(),
    reportingDeadline: input.reportingDeadline,
    reportTo: input.reportTo,
  };
  const [problem] = planProblems(fields);
  if (problem) throw badInput(problem.field, problem.message);
  return fields;
}

async function assertDocumentNumberFree(manager: EntityManager, documentNumber: string, exceptId?: string): Promise<void> {
  const holder = await manager.findOneBy(Plan, exceptId ? { documentNumber, id: Not(exceptId) } : { documentNumber });
  if (holder) throw badInput('documentNumber', `文号“${documentNumber}”已被方案“${holder.title}”使用`);
}

/**
 * Call before the plan's first draw or inspection is written, in the same transaction: when it is the
 * first, the departments are told the plan is frozen (`plan.frozen`, ADR 0013), so its check items no
 * longer change and every record reads the versions the plan was drawn with (R-ITEM-4).
 */
export async function freezePlanIfFirstUse(manager: EntityManager, plan: Plan): Promise<void> {
  if (await isDrawStarted(manager, plan.id)) return;
  const payload: EventPayloads['plan.frozen'] = { planId: plan.id, frozenAt: new Date().toISOString(), departments: [...plan.participatingDepartments] };
  await publishEvent(manager, { source: 'office', topic: 'plan.frozen', payload, destinations: plan.participatingDepartments });
}
