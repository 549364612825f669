import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { isDrawFailure, type Department, type DrawOutcome as DrawOutcomeRecord, type DrawParameters } from '@dr/domain';
import { Connection, decodeCursor, PageArgs, requireOffice, requirePrincipal, toPage } from '@dr/subgraph-kit';
import { Draw } from './draw.entity';
import { DrawService, PhaseTimer } from './draw.service';
import { readDrawBlob } from './draw-blobs';
import { CommitDrawInput, RevealDrawInput } from './dtos/draw.inputs';
import { DrawOutcome, DrawParametersView, SeedCommitment, SeedReveal } from './draw.types';
import { Plan } from '../plan/plan.entity';
import { Inspection } from '../inspection/inspection.entity';
import { InspectionConnection } from '../plan/plan.resolver';
import type { OfficeContext } from '../loaders';

@ObjectType()
export class DrawConnection extends Connection(Draw) {}

@Resolver(() => Draw)
export class DrawResolver {
  private readonly service: DrawService;

  constructor(private readonly dataSource: DataSource) {
    this.service = new DrawService(dataSource);
  }

  @Query(() => DrawConnection, { description: '某方案的抽取记录（新的在前），包括失败和被取代的' })
  async draws(@Arg('planId', () => ID) planId: string, @Args() page: PageArgs, @Ctx() context: OfficeContext): Promise<DrawConnection> {
    requirePrincipal(context);
    const offset = decodeCursor(page.after);
    const [nodes, total] = await this.dataSource.getRepository(Draw).findAndCount({ where: { planId }, order: { createdAt: 'DESC', id: 'ASC' }, skip: offset, take: page.first });
    return toPage(nodes, total, offset);
  }

  @Query(() => Draw, { nullable: true })
  async draw(@Arg('id', () => ID) id: string, @Ctx() context: OfficeContext): Promise<Draw | null> {
    requirePrincipal(context);
    return this.dataSource.getRepository(Draw).findOneBy({ id });
  }

  @Mutation(() => Draw, { description: '固定抽取输入并公布承诺（R-DRAW-3 第 1 步；仅联席办）' })
  async commitDraw(@Arg('input') input: CommitDrawInput, @Ctx() context: OfficeContext): Promise<Draw> {
    const principal = requireOffice(context);
    const timer = new PhaseTimer();
    const draw = await this.service.commit(input, principal, timer);
    context.logger.info({ drawId: draw.id, planId: draw.planId, batch: draw.batch, commitment: draw.commitment, venues: draw.venueCount, ms: timer.phases, by: principal.userId }, 'draw committed');
    return draw;
  }

  @Mutation(() => Draw, { description: '各方公开种子，完成抽取并生成检查（R-DRAW-3 第 2–4 步；仅联席办）' })
  async revealDraw(@Arg('input') input: RevealDrawInput, @Ctx() context: OfficeContext): Promise<Draw> {
    const principal = requireOffice(context);
    const timer = new PhaseTimer();
    const draw = await this.service.reveal(input, timer);
    context.logger.info({ drawId: draw.id, status: draw.status, resultHash: draw.resultHash, drawn: draw.drawnCount, ms: timer.phases, by: principal.userId }, 'draw revealed');
    return draw;
  }

  @FieldResolver(() => Plan)
  async plan(@Root() draw: Draw, @Ctx() context: OfficeContext): Promise<Plan> {
    return (await context.loaders.plan.load(draw.planId))!;
  }

  @FieldResolver(() => DrawParametersView, { name: 'parameters' })
  parametersView(@Root() draw: Draw): DrawParametersView {
    const p = JSON.parse(draw.parameters) as DrawParameters;
    return {
      batch: p.batch,
      streets: p.streets,
      excludeNotOperating: p.excludeNotOperating,
      recentInspectionDays: p.recentInspectionDays,
      asOf: p.asOf,
      strata: p.strata.map((s) => ({ riskClass: s.riskClass, basisPoints: 'basisPoints' in s ? s.basisPoints : null, count: 'count' in s ? s.count : null })),
      visitStart: p.visitPeriod.start,
      visitEnd: p.visitPeriod.end,
      leadDepartment: p.leadDepartment,
      officersPerDepartment: Object.entries(p.officersPerDepartment).map(([department, count]) => ({ department: department as Department, count: count! })),
    };
  }

  @FieldResolver(() => [SeedCommitment], { name: 'seedCommitments', description: '各方事先公布的种子承诺' })
  seedCommitmentList(@Root() draw: Draw): SeedCommitment[] {
    return JSON.parse(draw.seedCommitments);
  }

  @FieldResolver(() => [SeedReveal], { name: 'reveals', nullable: true, description: '各方公开的种子（揭示后）' })
  revealList(@Root() draw: Draw): SeedReveal[] | null {
    return draw.reveals ? JSON.parse(draw.reveals) : null;
  }

  @FieldResolver(() => DrawOutcome, { nullable: true, description: '抽取结果概要（完成后）' })
  async outcome(@Root() draw: Draw): Promise<DrawOutcome | null> {
    const result = await readDrawBlob<DrawOutcomeRecord>(this.dataSource.manager, draw.id, 'result');
    if (!result || isDrawFailure(result)) return null;
    return { excluded: result.excluded, selections: result.selections.map(({ riskClass, eligible, drawn }) => ({ riskClass, eligible, drawn })), workload: result.workload };
  }

  @FieldResolver(() => InspectionConnection, { description: '本次抽取生成的检查' })
  async inspections(@Root() draw: Draw, @Args() page: PageArgs, @Ctx() context: OfficeContext): Promise<InspectionConnection> {
    const offset = decodeCursor(page.after);
    const [nodes, total] = await this.dataSource.getRepository(Inspection).findAndCount({ where: { drawId: draw.id }, order: { id: 'ASC' }, skip: offset, take: page.first });
    for (const inspection of nodes) context.loaders.inspection.prime(inspection.id, inspection);
    return toPage(nodes, total, offset);
  }

  @FieldResolver(() => Draw, { nullable: true, description: '本次重新抽取所取代的抽取' })
  async supersedes(@Root() draw: Draw): Promise<Draw | null> {
    return draw.supersedesId ? this.dataSource.getRepository(Draw).findOneBy({ id: draw.supersedesId }) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: '抽取凭证（JSON）的下载地址，揭示后公开（未能完成的抽取也有凭证）' })
  receiptPath(@Root() draw: Draw): string | null {
    // A failed draw stored before failures were recorded has no result hash and so no receipt.
    return draw.status === 'COMPLETED' || (draw.status === 'FAILED' && draw.resultHash) ? `/files/draws/${draw.id}/receipt.json` : null;
  }
}
