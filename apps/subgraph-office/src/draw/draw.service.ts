import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DEPARTMENT_NAMES,
  DrawError,
  drawCommitment,
  drawOutcome,
  isDrawFailure,
  isWithinWindow,
  resultHash,
  snapshotHash,
  staffingProblems,
  validateDrawInputs,
  type Department,
  type DrawOutcome,
  type DrawParameters,
  type DrawReceipt,
  type DrawResult,
  type InspectorRecord,
  type Principal,
  type VenueRecord,
} from '@dr/domain';
import { nodeSha256 } from '@dr/domain/sha256-node';
import { badInput, conflict, insertRows, notFound } from '@dr/subgraph-kit';
import { Plan } from '../plan/plan.entity';
import { Inspection, InspectionStatus } from '../inspection/inspection.entity';
import { Draw, DrawStatus } from './draw.entity';
import { readDrawBlob, writeDrawBlob } from './draw-blobs';
import { readDrawSnapshot, tasksOfPlan } from './draw-snapshot';
import { Venue } from '../venue/venue.entity';
import type { CommitDrawInput, DrawParametersInput, RevealDrawInput } from './dtos/draw.inputs';
import { freezePlanIfFirstUse } from '../plan/plan.service';


function toParameters(plan: Plan, input: DrawParametersInput): DrawParameters {
  const counts = input.officersPerDepartment?.length
    ? Object.fromEntries(input.officersPerDepartment.map((c) => [c.department, c.count]))
    : Object.fromEntries(plan.participatingDepartments.map((d) => [d, 2]));
  return {
    planId: plan.id,
    batch: input.batch.trim(),
    streets: [...new Set(input.streets.map((s) => s.trim()).filter(Boolean))].sort(),
    excludeNotOperating: input.excludeNotOperating,
    recentInspectionDays: input.recentInspectionDays,
    asOf: input.asOf,
    strata: input.strata.map((s) => {
      if ((s.basisPoints == null) === (s.count == null)) throw badInput('parameters.strata', `分层“${s.riskClass}”须且只须给出比例或数量之一`);
      return s.count != null ? { riskClass: s.riskClass, count: s.count } : { riskClass: s.riskClass, basisPoints: s.basisPoints! };
    }),
    visitPeriod: { start: input.visitStart, end: input.visitEnd },
    leadDepartment: plan.leadDepartment,
    officersPerDepartment: counts as Partial<Record<Department, number>>,
  };
}

/** Milliseconds spent in each phase of one commit or reveal, for the logs. */
export class PhaseTimer {
  readonly phases: Record<string, number> = {};
  private last = performance.now();

  lap(phase: string): void {
    const now = performance.now();
    this.phases[phase] = Math.round(now - this.last);
    this.last = now;
  }
}

/**
 * The office's draws (R-DRAW-1..3): commit fixes the inputs and publishes the commitment; reveal checks
 * the parties' secrets, runs the pure draw and turns the drawn venues into inspections with their teams.
 * A draw is never updated or deleted after that; a redraw is a new draw with a reason.
 */
export class DrawService {
  constructor(private readonly dataSource: DataSource) {}

  async commit(input: CommitDrawInput, principal: Principal, timer = new PhaseTimer()): Promise<Draw> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await manager.findOneBy(Plan, { id: input.planId });
      if (!plan) throw badInput('planId', `实施方案不存在（${input.planId}）`);
      const parameters = toParameters(plan, input.parameters);
      const { start, end } = parameters.visitPeriod;
      if (!isWithinWindow(start, plan) || !isWithinWindow(end, plan) || start > end) {
        throw badInput('parameters.visitStart', `检查期间须在方案检查时间窗口 ${plan.windowStart} 至 ${plan.windowEnd} 之内，且开始不晚于结束`);
      }
      if (!plan.participatingDepartments.includes(parameters.leadDepartment)) throw badInput('parameters', '牵头部门不在参与部门中');
      for (const department of Object.keys(parameters.officersPerDepartment) as Department[]) {
        if (!plan.participatingDepartments.includes(department)) throw badInput('parameters.officersPerDepartment', `${DEPARTMENT_NAMES[department].full}未参与本方案`);
      }
      await this.checkRedraw(manager, input, parameters.batch);

      // One plan never draws a venue twice: a venue that already has a task in this plan (another batch,
      // or added by hand) is not in this draw's object directory; a redraw may draw its predecessor's again.
      const { venues, inspectors } = await readDrawSnapshot(manager, await tasksOfPlan(manager, plan.id, input.supersedesId ?? null));
      timer.lap('readDirectories');
      try {
        validateDrawInputs(venues, inspectors, parameters);
      } catch (error) {
        if (error instanceof DrawError) throw badInput(`parameters.${String(error.details.field ?? '')}`.replace(/\.$/, ''), error.message);
        throw error;
      }
      // Everything that can fail at the reveal fails here, before the commitment is published (R-DRAW-2).
      const [problem] = staffingProblems(venues, inspectors, parameters);
      if (problem) throw badInput('parameters.officersPerDepartment', await this.staffingMessage(manager, problem));
      const seedCommitments = input.seedCommitments.map((c) => ({ party: c.party.trim(), commitment: c.commitment }));
      if (new Set(seedCommitments.map((c) => c.party)).size !== seedCommitments.length) throw badInput('seedCommitments', '同一参与方只能提交一个承诺');
      const venueSnapshotHash = snapshotHash(nodeSha256, venues);
      const inspectorSnapshotHash = snapshotHash(nodeSha256, inspectors);
      timer.lap('hashSnapshots');
      const draw = manager.create(Draw, {
        id: randomUUID(),
        planId: plan.id,
        batch: parameters.batch,
        status: DrawStatus.COMMITTED,
        algorithm: 'dr-draw/1',
        commitment: drawCommitment(nodeSha256, { venueSnapshot: venueSnapshotHash, inspectorSnapshot: inspectorSnapshotHash, parameters, seedCommitments }),
        venueSnapshotHash,
        inspectorSnapshotHash,
        venueCount: venues.length,
        inspectorCount: inspectors.length,
        parameters: JSON.stringify(parameters),
        seedCommitments: JSON.stringify(seedCommitments),
        reveals: null,
        seed: null,
        resultHash: null,
        drawnCount: null,
        failureMessage: null,
        supersedesId: input.supersedesId ?? null,
        redrawReason: input.redrawReason?.trim() || null,
        createdBy: principal.userId,
        createdAt: new Date(),
        revealedAt: null,
      });
      await freezePlanIfFirstUse(manager, plan);
      await manager.insert(Draw, draw);
      await writeDrawBlob(manager, draw.id, 'venues', venues);
      await writeDrawBlob(manager, draw.id, 'inspectors', inspectors);
      timer.lap('storeSnapshots');
      return draw;
    });
  }

  /** Why a team cannot be staffed, naming the venue by its name (never its id) and the department. */
  private async staffingMessage(manager: EntityManager, problem: { venueId: string | null; department: Department; needed: number; available: number }): Promise<string> {
    const department = DEPARTMENT_NAMES[problem.department].full;
    const why = `每个检查组需要 ${problem.needed} 名${department}执法人员，可参加的只有 ${problem.available} 名（已排除请假、执法证在检查期间不全程有效、申报回避的人员）`;
    if (!problem.venueId) return `检查组人数设置过多：${why}。请减少该部门的人数，或先在执法检查人员名录库中补充人员`;
    const venue = await manager.findOne(Venue, { where: { id: problem.venueId }, select: { name: true } });
    return `检查对象“${venue?.name ?? '（已从名录库删除）'}”可能被抽中，但无法组成检查组：${why}。请调整回避申报或人数设置`;
  }

  /** A batch is drawn once; drawing it again names the draw it replaces and says why. */
  private async checkRedraw(manager: EntityManager, input: CommitDrawInput, batch: string): Promise<void> {
    const previous = await manager.find(Draw, { where: { planId: input.planId, batch }, order: { createdAt: 'DESC' } });
    const standing = previous.find((d) => d.status !== DrawStatus.FAILED && !previous.some((other) => other.supersedesId === d.id));
    // A failed draw is public too (its receipt): the redraw after it must name it, so the record reads failure → redraw.
    const failed = previous.find((d) => d.status === DrawStatus.FAILED && !previous.some((other) => other.supersedesId === d.id));
    if (!input.supersedesId) {
      if (standing) throw conflict(`批次“${batch}”已有抽取（${standing.id}）；如需重新抽取，请指明被取代的抽取并说明理由`, { drawId: standing.id });
      if (failed) throw conflict(`批次“${batch}”的上一次抽取未能完成；重新抽取须指明被取代的那次抽取并说明理由`, { drawId: failed.id });
      return;
    }
    const superseded = previous.find((d) => d.id === input.supersedesId);
    if (!superseded) throw badInput('supersedesId', '被取代的抽取不存在，或不属于本方案的该批次');
    if (previous.some((d) => d.supersedesId === superseded.id)) throw conflict('该抽取已被另一次重新抽取取代');
    if (!input.redrawReason?.trim()) throw badInput('redrawReason', '重新抽取必须说明理由');
  }

  async reveal(input: RevealDrawInput, timer = new PhaseTimer()): Promise<Draw> {
    const draw = await this.dataSource.getRepository(Draw).findOneBy({ id: input.drawId });
    if (!draw) throw notFound('抽取', input.drawId);
    if (draw.status !== DrawStatus.COMMITTED) throw conflict(`该抽取已${draw.status === DrawStatus.COMPLETED ? '完成' : '失败'}，不能再次揭示`, { drawId: draw.id });
    const manager = this.dataSource.manager;
    const venues = (await readDrawBlob<VenueRecord[]>(manager, draw.id, 'venues'))!;
    const inspectors = (await readDrawBlob<InspectorRecord[]>(manager, draw.id, 'inspectors'))!;
    const parameters = JSON.parse(draw.parameters) as DrawParameters;
    timer.lap('readSnapshot');
    const reveals = input.reveals.map((r) => ({ party: r.party.trim(), secret: r.secret }));
    let outcome: DrawOutcome;
    let failureMessage: string | null = null;
    try {
      outcome = drawOutcome(nodeSha256, { venues, inspectors, parameters, seedCommitments: JSON.parse(draw.seedCommitments), reveals });
      // The outcome holds the facts; the people-facing reason is worded from them, as the draw's own error is.
      if (isDrawFailure(outcome)) failureMessage = await this.staffingMessage(this.dataSource.manager, outcome.error);
    } catch (error) {
      if (!(error instanceof DrawError)) throw error;
      // A mistyped secret is the caller's to correct; nothing is recorded.
      throw badInput('reveals', error.message);
    }
    const result = isDrawFailure(outcome) ? null : outcome;
    timer.lap('draw');
    return this.dataSource.transaction(async (tx) => {
      const revealedAt = new Date();
      // A failed draw keeps its seed, result (the failure) and hash, so its receipt is published and verifiable (§6).
      const recorded = { reveals: JSON.stringify(reveals), seed: outcome.seed, resultHash: resultHash(nodeSha256, outcome), revealedAt };
      const changes = result ? { ...recorded, status: DrawStatus.COMPLETED, drawnCount: result.teams.length } : { ...recorded, status: DrawStatus.FAILED, failureMessage };
      // Only a committed draw completes, and only once, even with two reveals at the same moment.
      const update = await tx.createQueryBuilder().update(Draw).set(changes).where('id = :id AND status = :status', { id: draw.id, status: DrawStatus.COMMITTED }).execute();
      if (update.affected !== 1) throw conflict('该抽取刚刚已被揭示，请刷新后查看结果', { drawId: draw.id });
      await writeDrawBlob(tx, draw.id, 'result', outcome);
      timer.lap('writeResult');
      if (result) {
        await this.createInspections(tx, draw, result);
        timer.lap('createInspections');
        if (draw.supersedesId) {
          await tx.update(Inspection, { drawId: draw.supersedesId, status: InspectionStatus.SCHEDULED }, { status: InspectionStatus.CANCELLED });
        }
      }
      return tx.findOneByOrFail(Draw, { id: draw.id });
    });
  }

  private async createInspections(manager: EntityManager, draw: Draw, result: DrawResult): Promise<void> {
    const now = new Date();
    const inspections: unknown[][] = [];
    const members: unknown[][] = [];
    for (const team of result.teams) {
      const id = randomUUID();
      inspections.push([id, draw.planId, team.venueId, null, InspectionStatus.SCHEDULED, draw.id, 1, now]);
      const others = Object.values(team.officers)
        .flat()
        .filter((officerId) => officerId !== team.leaderId) as string[];
      [team.leaderId, ...others].forEach((inspectorId, position) => members.push([id, inspectorId, position === 0 ? 'LEADER' : 'MEMBER', position]));
    }
    await insertRows(manager, 'inspection', ['id', 'plan_id', 'venue_id', 'scheduled_date', 'status', 'draw_id', 'version', 'created_at'], inspections);
    await insertRows(manager, 'team_member', ['inspection_id', 'inspector_id', 'role', 'position'], members);
  }

  /** Everything needed to recompute the draw, completed or failed; public by design (R-DRAW-3). */
  async receipt(drawId: string): Promise<DrawReceipt | null> {
    const draw = await this.dataSource.getRepository(Draw).findOneBy({ id: drawId });
    if (!draw || draw.status === DrawStatus.COMMITTED) return null;
    const manager = this.dataSource.manager;
    const [venues, inspectors, result] = await Promise.all([
      readDrawBlob<VenueRecord[]>(manager, draw.id, 'venues'),
      readDrawBlob<InspectorRecord[]>(manager, draw.id, 'inspectors'),
      readDrawBlob<DrawOutcome>(manager, draw.id, 'result'),
    ]);
    // Draws that failed before failures were recorded have no result to publish.
    if (!result || !draw.resultHash) return null;
    return {
      algorithm: 'dr-draw/1',
      commitment: draw.commitment,
      venueSnapshot: { hash: draw.venueSnapshotHash, records: venues! },
      inspectorSnapshot: { hash: draw.inspectorSnapshotHash, records: inspectors! },
      parameters: JSON.parse(draw.parameters),
      seedCommitments: JSON.parse(draw.seedCommitments),
      reveals: JSON.parse(draw.reveals!),
      result,
      resultHash: draw.resultHash,
    };
  }
}
