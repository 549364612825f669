import { randomUUID } from 'node:crypto';
import { applyFollowUpFilter, type FollowUpFilter } from '../progress/progress-filters';
import { IsNull, Not, type DataSource, type EntityManager } from 'typeorm';
import { chinaDateOf, epochDayOf, type Department, type EventPayloads, type Principal } from '@dr/domain';
import { AppError, badInput, conflict, forUpdate, retryingTransaction, toPage, type Page } from '@dr/subgraph-kit';
import { OrderEntity, SectionEntity } from '../entities';
import { deadlineAfter } from '../results/result-deadline';
import type { RecordReinspectionInput } from './dtos/follow-up.inputs';
import { FollowUpEntity, type FollowUpStateValue } from './follow-up.entity';
import { followUpDueOn, DUE_ON_RECTIFICATION_DEADLINE, type FollowUpDueRule } from './follow-up-due';
import { tellVenueInspected } from './venue-inspected.event';

function stale(currentVersion: number): AppError {
  return conflict('复查任务已被他人修改，请刷新后在最新版本上重新操作', { field: 'expectedVersion', currentVersion });
}

/**
 * Follow-up of orders to rectify (R-PUB-3, 谁审批、谁监管), owned by the department that gave the order:
 * opened from its submitted section when the visit is signed, closed by one re-inspection (复查) record,
 * which tells the office the venue was inspected again (`venue.inspected`) in the same transaction.
 */
export class FollowUpService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly department: Department,
    /** When the re-inspection is due; a department may bring its own rule. */
    private readonly dueRule: FollowUpDueRule = DUE_ON_RECTIFICATION_DEADLINE,
  ) {}

  /**
   * `inspection.signed`: every order to rectify with a deadline in the department's submitted section
   * becomes an OPEN task, once (a second delivery finds the task by its order).
   */
  async receiveSigned(manager: EntityManager, payload: EventPayloads['inspection.signed']): Promise<void> {
    if (!payload.departments.includes(this.department)) return;
    const section = await manager.findOneBy(SectionEntity, { inspectionId: payload.inspectionId });
    if (!section || section.status !== 'SUBMITTED') return;
    const orders = await manager.find(OrderEntity, { where: { sectionId: section.id, kind: 'RECTIFY', deadline: Not(IsNull()) }, order: { position: 'ASC' } });
    const now = new Date();
    for (const order of orders) {
      if (await manager.existsBy(FollowUpEntity, { orderId: order.id })) continue;
      const facts = { orderedOn: payload.inspectedOn, rectificationDeadline: order.deadline! };
      await manager.insert(FollowUpEntity, {
        id: randomUUID(),
        orderId: order.id,
        inspectionId: payload.inspectionId,
        venueId: payload.venue.id,
        venueName: payload.venue.name,
        orderContent: order.content,
        orderedOn: facts.orderedOn,
        rectificationDeadline: facts.rectificationDeadline,
        dueOn: followUpDueOn(facts, this.dueRule),
        state: 'OPEN',
        outcome: null,
        reinspectedOn: null,
        opinion: null,
        reinspectedBy: null,
        reinspectedByName: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
    }
  }

  /** Records the re-inspection and closes the task; the office learns the venue's newer inspection. */
  async recordReinspection(input: RecordReinspectionInput, principal: Principal): Promise<FollowUpEntity> {
    const opinion = input.opinion.trim();
    if (opinion.length < 2) throw badInput('opinion', '请填写复查意见');
    if (epochDayOf(input.reinspectedOn) === null) throw badInput('reinspectedOn', '复查日期无效，应为 YYYY-MM-DD');
    return retryingTransaction(this.dataSource, async (manager) => {
      const task = await forUpdate(manager.createQueryBuilder(FollowUpEntity, 'task').where('task.id = :id', { id: input.followUpId })).getOne();
      if (!task) throw new AppError('NOT_FOUND', '没有找到这项复查任务', { field: 'followUpId' });
      if (task.version !== input.expectedVersion) throw stale(task.version);
      if (task.state === 'CLOSED') throw conflict('这项复查任务已经办结', { field: 'followUpId', state: task.state });
      if (input.reinspectedOn < task.orderedOn) throw badInput('reinspectedOn', `复查日期不能早于责令改正之日（${task.orderedOn}）`);
      if (input.reinspectedOn > chinaDateOf(new Date())) throw badInput('reinspectedOn', '复查日期不能晚于今天');
      const update = await manager
        .createQueryBuilder()
        .update(FollowUpEntity)
        .set({
          state: 'CLOSED',
          outcome: input.outcome,
          reinspectedOn: input.reinspectedOn,
          opinion,
          reinspectedBy: principal.userId,
          reinspectedByName: principal.displayName.slice(0, 50),
          version: task.version + 1,
          updatedAt: new Date(),
        })
        .where('id = :id AND version = :version', { id: task.id, version: task.version })
        .execute();
      if (update.affected !== 1) throw stale(task.version + 1);
      // Anything short of 整改到位 means the venue still has a problem.
      await tellVenueInspected(manager, this.department, { venueId: task.venueId, inspectionId: task.inspectionId, date: input.reinspectedOn, problemFound: input.outcome !== 'RECTIFIED' });
      return manager.findOneByOrFail(FollowUpEntity, { id: task.id });
    });
  }

  /**
   * One page of tasks, nearest due date first. `dueWithinWorkingDays`: open tasks due no later than
   * that many working days from today (overdue ones included; a closed task is due no more).
   */
  async list(filter: FollowUpFilter & { dueWithinWorkingDays?: number | null; first: number; offset: number; today: string }): Promise<Page<FollowUpEntity>> {
    const query = applyFollowUpFilter(this.dataSource.getRepository(FollowUpEntity).createQueryBuilder('task'), filter, filter.today);
    if (filter.dueWithinWorkingDays !== null && filter.dueWithinWorkingDays !== undefined) {
      if (!Number.isInteger(filter.dueWithinWorkingDays) || filter.dueWithinWorkingDays < 0 || filter.dueWithinWorkingDays > 250) throw badInput('dueWithinWorkingDays', '工作日数应为 0 到 250 之间的整数');
      const until = filter.dueWithinWorkingDays === 0 ? filter.today : deadlineAfter(filter.today, filter.dueWithinWorkingDays);
      if (until === null) throw badInput('dueWithinWorkingDays', '所查期间的节假日安排尚未载入，无法按工作日计算');
      query.andWhere("task.state = 'OPEN' AND task.due_on <= :until", { until });
    }
    const [rows, total] = await query
      .orderBy('CASE WHEN task.due_on IS NULL THEN 1 ELSE 0 END', 'ASC')
      .addOrderBy('task.due_on', 'ASC')
      .addOrderBy('task.id', 'ASC')
      .skip(filter.offset)
      .take(filter.first)
      .getManyAndCount();
    return toPage(rows, total, filter.offset);
  }
}
