import { Arg, Args, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection, decodeCursor, PageArgs, requirePrincipal, toPage } from '@dr/subgraph-kit';
import type { DataSource } from 'typeorm';
import { mayManageOffice } from '@dr/domain';
import { Plan } from './plan.entity';
import { Inspection } from '../inspection/inspection.entity';
import type { OfficeContext } from '../loaders';

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

  @FieldResolver(() => InspectionConnection, { description: '本方案的检查（按计划日期；对查看者不可见日期的检查按未安排排列）' })
  async inspections(@Root() plan: Plan, @Args() page: PageArgs, @Ctx() context: OfficeContext): Promise<InspectionConnection> {
    const principal = requirePrincipal(context);
    const offset = decodeCursor(page.after);
    const query = this.dataSource.getRepository(Inspection).createQueryBuilder('inspection').where('inspection.plan_id = :planId', { planId: plan.id });
    if (mayManageOffice(principal)) {
      query.orderBy('inspection.scheduled_date', 'ASC');
    } else {
      // R-NOTE-1: a list sorted by date would place an undisclosed visit by its hidden date. For a caller
      // not on its team it sorts as if unscheduled (the same rule as `isVisitHidden`, in SQL).
      query
        .addSelect(
          `CASE WHEN inspection.notice_mode = 'UNDISCLOSED' AND NOT EXISTS (SELECT 1 FROM team_member viewer WHERE viewer.inspection_id = inspection.id AND viewer.inspector_id = :viewer) THEN NULL ELSE inspection.scheduled_date END`,
          'visible_date',
        )
        .setParameter('viewer', principal.inspectorId ?? '')
        .orderBy('visible_date', 'ASC');
    }
    const [nodes, total] = await query.addOrderBy('inspection.id', 'ASC').offset(offset).limit(page.first).getManyAndCount();
    for (const inspection of nodes) context.loaders.inspection.prime(inspection.id, inspection);
    return toPage(nodes, total, offset);
  }
}
