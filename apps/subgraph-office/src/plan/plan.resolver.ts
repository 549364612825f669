import { Arg, Args, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection, decodeCursor, PageArgs, requirePrincipal, toPage } from '@dr/subgraph-kit';
import type { DataSource } from 'typeorm';
import { Plan } from './plan.entity';
import { Inspection } from '../inspection/inspection.entity';
import type { OfficeContext } from '../loaders';
import { InspectionListArgs, InspectionSort } from '../inspection/dtos/inspection-list.args';
import { filteredInspections, orderInspections } from '../inspection/inspection-list.query';

@ObjectType()
export class PlanConnection extends Connection(Plan) {}

@ObjectType()
export class InspectionConnection extends Connection(Inspection) {}

@Resolver(() => Plan)
export class PlanResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => PlanConnection, { description: '实施方案列表（按印发日期倒序）' })
  async plans(@Args() page: PageArgs, @Ctx() context: OfficeContext): Promise<PlanConnection> {
    requirePrincipal(context);
    const offset = decodeCursor(page.after);
    const [nodes, total] = await this.dataSource.getRepository(Plan).findAndCount({ order: { issueDate: 'DESC', id: 'ASC' }, skip: offset, take: page.first });
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
    const query = orderInspections(filteredInspections(this.dataSource, plan.id, args), args.sort ?? InspectionSort.DATE, principal);
    const [nodes, total] = await query.offset(offset).limit(args.first).getManyAndCount();
    for (const inspection of nodes) context.loaders.inspection.prime(inspection.id, inspection);
    return toPage(nodes, total, offset);
  }
}
