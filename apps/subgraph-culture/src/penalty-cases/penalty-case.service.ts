import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { chinaDateOf, DEPARTMENT_NAMES, mayManageOffice, type Principal } from '@dr/domain';
import type { PublishedResultFacts } from '@dr/department-kit';
import { AppError, badInput, conflict, forbidden, forUpdate, retryingTransaction, toPage, type Page } from '@dr/subgraph-kit';
import { PenaltyCaseEntity } from './penalty-case.entity';
import { handsOffToPenaltyCase, nextStage, type PenaltyCaseStateValue } from './penalty-case.rules';

const STAGE_LABELS: Record<PenaltyCaseStateValue, string> = { AWAITING_FILING: '待立案', FILED: '立案', INVESTIGATING: '调查', DECIDED: '处罚决定', CLOSED: '结案' };

function stale(currentVersion: number): AppError {
  return conflict('案件已被他人更新，请刷新后在最新版本上重新操作', { field: 'expectedVersion', currentVersion });
}

function assertCultureAdmin(principal: Principal): void {
  if (principal.department !== 'culture' || principal.role !== 'DEPARTMENT_ADMIN') throw forbidden(`只有${DEPARTMENT_NAMES.culture.full}的管理员可以办理行政处罚案件`);
}

/** Administrative-penalty cases handed off from culture's results coded 8, moved forward by the culture admin. */
export class PenaltyCaseService {
  constructor(private readonly dataSource: DataSource) {}

  /** The publication hook: a result coded 8 hands the visit off once, in the publication's transaction. */
  static async handOffFromResult(manager: EntityManager, result: PublishedResultFacts): Promise<void> {
    if (!handsOffToPenaltyCase(result.resultCodes)) return;
    if (await manager.existsBy(PenaltyCaseEntity, { inspectionId: result.inspectionId })) return;
    const now = new Date();
    await manager.insert(PenaltyCaseEntity, {
      id: randomUUID(),
      inspectionId: result.inspectionId,
      venueId: result.venue.id,
      venueName: result.venue.name,
      summary: result.summary,
      handedOffOn: result.publishedOn,
      caseNumber: null,
      filedOn: null,
      state: 'AWAITING_FILING',
      stateOn: result.publishedOn,
      updatedByName: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
  }

  /** One page of cases, oldest hand-off first: culture's staff and the joint office. */
  async list(principal: Principal, filter: { state?: PenaltyCaseStateValue | null; first: number; offset: number }): Promise<Page<PenaltyCaseEntity>> {
    if (principal.department !== 'culture' && !mayManageOffice(principal)) throw forbidden(`只有${DEPARTMENT_NAMES.culture.full}的人员和联席办可以查看行政处罚案件`);
    const [rows, total] = await this.dataSource.getRepository(PenaltyCaseEntity).findAndCount({
      where: filter.state ? { state: filter.state } : {},
      order: { handedOffOn: 'ASC', id: 'ASC' },
      skip: filter.offset,
      take: filter.first,
    });
    return toPage(rows, total, filter.offset);
  }

  /** 立案: the case number (unique in the department) and the day, not before the hand-off nor after today. */
  async file(input: { id: string; expectedVersion: number; caseNumber: string; filedOn: string }, principal: Principal): Promise<PenaltyCaseEntity> {
    const caseNumber = input.caseNumber.trim();
    if (caseNumber.length < 2) throw badInput('caseNumber', '请填写立案号');
    return this.move(input, principal, 'FILED', input.filedOn, 'filedOn', async (manager, row) => {
      const taken = await manager.findOneBy(PenaltyCaseEntity, { caseNumber });
      if (taken && taken.id !== row.id) throw new AppError('CONFLICT', `立案号“${caseNumber}”已被另一案件使用`, { field: 'caseNumber' });
      return { caseNumber, filedOn: input.filedOn };
    });
  }

  /** 调查 → 处罚决定 → 结案, one stage at a time. */
  async advance(input: { id: string; expectedVersion: number; to: PenaltyCaseStateValue; on: string }, principal: Principal): Promise<PenaltyCaseEntity> {
    // Who first: someone who may not act is told so, not how to fill the form.
    assertCultureAdmin(principal);
    if (input.to === 'AWAITING_FILING' || input.to === 'FILED') throw badInput('to', '立案请填写立案号和立案日期');
    return this.move(input, principal, input.to, input.on, 'on', async () => ({}));
  }

  private async move(
    input: { id: string; expectedVersion: number },
    principal: Principal,
    to: PenaltyCaseStateValue,
    on: string,
    dateField: string,
    extra: (manager: EntityManager, row: PenaltyCaseEntity) => Promise<Partial<PenaltyCaseEntity>>,
  ): Promise<PenaltyCaseEntity> {
    assertCultureAdmin(principal);
    return retryingTransaction(this.dataSource, async (manager) => {
      const row = await forUpdate(manager.createQueryBuilder(PenaltyCaseEntity, 'penalty').where('penalty.id = :id', { id: input.id })).getOne();
      if (!row) throw new AppError('NOT_FOUND', '没有找到这件行政处罚案件', { field: 'id' });
      if (row.version !== input.expectedVersion) throw stale(row.version);
      const next = nextStage(row.state);
      if (next !== to) {
        throw conflict(next ? `案件当前处于“${STAGE_LABELS[row.state]}”阶段，下一步只能是“${STAGE_LABELS[next]}”` : '案件已结案，不能再变更', { field: 'to', state: row.state });
      }
      if (on < row.stateOn) throw badInput(dateField, `日期不能早于上一阶段的日期（${row.stateOn}）`);
      if (on > chinaDateOf(new Date())) throw badInput(dateField, '日期不能晚于今天');
      const fields = await extra(manager, row);
      const update = await manager
        .createQueryBuilder()
        .update(PenaltyCaseEntity)
        .set({ ...fields, state: to, stateOn: on, updatedByName: principal.displayName.slice(0, 50), version: row.version + 1, updatedAt: new Date() })
        .where('id = :id AND version = :version', { id: row.id, version: row.version })
        .execute();
      if (update.affected !== 1) throw stale(row.version + 1);
      return manager.findOneByOrFail(PenaltyCaseEntity, { id: row.id });
    });
  }
}
