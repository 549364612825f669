import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection, decodeCursor, PageArgs, requireOffice, requirePrincipal, toPage } from '@dr/subgraph-kit';
import type { DataSource } from 'typeorm';
import { Plan } from './plan.entity';
import { Inspection } from '../inspection/inspection.entity';
import type { OfficeContext } from '../loaders';
import { CreatePlanInput, PlanInput } from './dtos/plan.input';
import { drawStartedPlans, isDrawStarted, PlanService } from './plan.service';

/** A plan of a listed page carries whether it may be edited, found for the whole page at once. */
type ListedPlan = Plan & { editable?: boolean };
import { InspectionListArgs, InspectionSort } from '../inspection/dtos/inspection-list.args';
import { filteredInspections, orderInspections } from '../inspection/inspection-list.query';

@ObjectType()
export class PlanConnection extends Connection(Plan) {}

@ObjectType()
export class InspectionConnection extends Connection(Inspection) {}

@Resolver(() => Plan)
export class PlanResolver {
  private readonly plansService: PlanService;

  constructor(private readonly dataSource: DataSource) {
    this.plansService = new PlanService(dataSource);
  }

  @Mutation(() => Plan, { description: '新建实施方案，或复制上年方案（联席办管理员；各部门的检查事项随之复制为新版本）' })
  async createPlan(@Arg('input') input: CreatePlanInput, @Ctx() context: OfficeContext): Promise<Plan> {
    const principal = requireOffice(context);
    const plan = await this.plansService.create(input, principal);
    context.logger.info({ planId: plan.id, copiedFrom: input.copyFromPlanId ?? null, by: principal.userId }, 'plan created');
    return plan;
  }

  @Mutation(() => Plan, { description: '修改实施方案（联席办管理员；首次抽取或建立检查任务后不能修改，返回 CONFLICT）' })
  async updatePlan(@Arg('id', () => ID) id: string, @Arg('input') input: PlanInput, @Ctx() context: OfficeContext): Promise<Plan> {
    const principal = requireOffice(context);
    const plan = await this.plansService.update(id, input);
    context.logger.info({ planId: id, by: principal.userId }, 'plan updated');
    return plan;
  }

  @FieldResolver(() => Boolean, { description: '能否修改：首次抽取或建立检查任务之前' })
  async editable(@Root() plan: ListedPlan, @Ctx() context: OfficeContext): Promise<boolean> {
    requirePrincipal(context);
    return plan.editable ?? !(await isDrawStarted(this.dataSource.manager, plan.id));
  }

  @Query(() => PlanConnection, { description: '实施方案列表（按印发日期倒序）' })
  async plans(@Args() page: PageArgs, @Ctx() context: OfficeContext): Promise<PlanConnection> {
    requirePrincipal(context);
    const offset = decodeCursor(page.after);
    const [nodes, total] = await this.dataSource.getRepository(Plan).findAndCount({ order: { issueDate: 'DESC', id: 'ASC' }, skip: offset, take: page.first });
    const started = nodes.length ? await drawStartedPlans(this.dataSource, nodes.map((plan) => plan.id)) : new Set<string>();
    for (const plan of nodes as ListedPlan[]) plan.editable = !started.has(plan.id);
    return toPage(nodes, total, offset);
  }

  @Query(() => Plan, { nullable: true })
  async plan(@Arg('id', () => ID) id: string, @Ctx() context: OfficeContext): Promise<Plan | null> {
    requirePrincipal(context);
    return context.loaders.plan.load(id);
  }

  @FieldResolver(() => InspectionConnection, { description: '本方案的检查：可按阶段、状态、街道筛选，按名称或信用代码搜索，按日期（未安排的在后）、街道或状态排序；对查看者不可见日期的检查按未安排排列' })
  async inspections(@Root() plan: Plan, @Args() args: InspectionListArgs, @Ctx() context: OfficeContext): Promise<InspectionConnection> {
    const principal = requirePrincipal(context);
    const offset = decodeCursor(args.after);
    const query = orderInspections(filteredInspections(this.dataSource, plan.id, args, principal), args.sort ?? InspectionSort.DATE, principal);
    const [nodes, total] = await query.offset(offset).limit(args.first).getManyAndCount();
    for (const inspection of nodes) context.loaders.inspection.prime(inspection.id, inspection);
    return toPage(nodes, total, offset);
  }
}
