import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { chinaDateOf } from '@dr/domain';
import { AppError, requirePrincipal } from '@dr/subgraph-kit';
import type { OfficeContext } from '../loaders';
import { PlanProgressService, totalOf, type StageCounts } from './plan-progress.service';
import { PlanProgressType, type StageCountsType } from './plan-progress.types';

const view = (counts: StageCounts): StageCountsType => ({ drawn: counts.DRAWN, scheduled: counts.SCHEDULED, visited: counts.VISITED, signed: counts.SIGNED });

@Resolver()
export class PlanProgressResolver {
  private readonly service: PlanProgressService;

  constructor(dataSource: DataSource) {
    this.service = new PlanProgressService(dataSource);
  }

  /** Counts only: every signed-in user may see how far the joint plan is (the lists behind them keep their own rules). */
  @Query(() => PlanProgressType, { description: '方案进度看板（联席办部分）：抽取、安排、上门、签字，按街道；每个数字可下钻到 Plan.inspections(stage, street)' })
  async planProgress(@Arg('planId', () => ID) planId: string, @Ctx() context: OfficeContext): Promise<PlanProgressType> {
    const principal = requirePrincipal(context);
    const plan = await context.loaders.plan.load(planId);
    if (!plan) throw new AppError('NOT_FOUND', '实施方案不存在', { field: 'planId' });
    const streets = await this.service.stagesByStreet(planId, principal);
    return {
      planId,
      total: view(totalOf(streets)),
      byStreet: streets.map((row) => ({ street: row.street, ...view(row.counts) })),
      reportingDeadline: plan.reportingDeadline,
      reportOverdue: plan.reportingDeadline < chinaDateOf(new Date()),
    };
  }
}
