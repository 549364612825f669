import { randomUUID } from 'node:crypto';
import { MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { DEPARTMENT_NAMES, isIsoDate, resultCodeProblems, resultProblems, type Department, type EventPayloads, type Principal } from '@dr/domain';
import { AppError, badInput, claimIdempotencyKey, conflict, forUpdate, publishEvent, retryingTransaction } from '@dr/subgraph-kit';
import { CheckItemEntity, EvidenceEntity, EvidenceRemovalEntity, OrderEntity, SectionChangeEntity, SectionEntity, SectionItemEntity, type ChangeKind } from './entities';
import { diffStates, formatResultCodes, stateOf, type FieldChange, type SectionState } from './section-state';
import type { AmendSectionInput, RemoveEvidenceInput, SaveSectionInput, SubmitSectionInput } from './dtos/section.inputs';

/** An amendment after submission, as readers see it: kept beside the submitted original. */
export interface AmendmentView {
  version: number;
  reason: string;
  amendedBy: string;
  amendedAt: Date;
  changes: FieldChange[];
}

/** What a section looks like to a reader: every item of the plan, recorded or not. */
export interface SectionView {
  inspectionId: string;
  department: Department;
  status: 'NOT_STARTED' | 'IN_PROGRESS' | 'SUBMITTED';
  version: number;
  updatedAt: Date | null;
  items: { checkItem: CheckItemEntity; outcome: string | null; note: string | null; evidence: EvidenceEntity[] }[];
  resultCodes: number[];
  onSiteRecord: { facts: string; personsPresent: string } | null;
  orders: OrderEntity[];
  /** Every piece of evidence of this visit, with or without an item. */
  evidence: EvidenceEntity[];
  submittedAt: Date | null;
  amendments: AmendmentView[];
}

/** The rows a view is built from (loaded by DataLoaders on reads, by the manager after writes). */
export interface SectionRows {
  checkItems: CheckItemEntity[];
  section: SectionEntity | undefined;
  recorded: SectionItemEntity[];
  orders: OrderEntity[];
  evidence: EvidenceEntity[];
  changes: SectionChangeEntity[];
}

export function toSectionView(department: Department, inspectionId: string, rows: SectionRows): SectionView {
  const state = stateOf(rows.checkItems, rows.section, rows.recorded, rows.orders);
  const evidence = rows.evidence.filter((e) => !e.removedAt);
  return {
    inspectionId,
    department,
    status: rows.section?.status ?? 'NOT_STARTED',
    version: rows.section?.version ?? 0,
    updatedAt: rows.section?.updatedAt ?? null,
    items: rows.checkItems.map((checkItem, i) => ({
      checkItem,
      outcome: state.items[i].outcome,
      note: state.items[i].note,
      evidence: evidence.filter((e) => e.checkItemId === checkItem.id),
    })),
    resultCodes: state.resultCodes,
    onSiteRecord: state.onSiteRecord,
    orders: [...rows.orders].sort((a, b) => a.position - b.position),
    evidence,
    submittedAt: rows.section?.submittedAt ?? null,
    amendments: rows.changes
      .filter((change) => change.kind === 'AMEND')
      .sort((a, b) => a.version - b.version)
      .map((change) => ({ version: change.version, reason: change.reason ?? '', amendedBy: change.changedByName, amendedAt: change.changedAt, changes: JSON.parse(change.changes) as FieldChange[] })),
  };
}

/**
 * A department's record of its part of a visit; only its own staff write it (R-PUB-2). Every write is
 * one transaction that names the version it was based on (a stale one is a CONFLICT that lists what
 * changed since) and an idempotency key (a resent write changes nothing). Submitting locks the record
 * (R-RES-1); after that a change is an amendment with a reason, and the submitted original is kept.
 */
export class SectionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly department: Department,
  ) {}

  /** Saves the draft: outcomes, notes, result codes, 现场笔录 and orders, all at once. */
  async save(input: SaveSectionInput, principal: Principal): Promise<SectionView> {
    return this.write('SAVE', input, principal, async (manager, current, checkItems) => {
      if (current.section?.status === 'SUBMITTED') throw conflict('本部门检查记录已提交并锁定；如需修改，请提交更正并说明理由', { field: 'inspectionId', status: 'SUBMITTED' });
      const next = this.stateFrom(input, checkItems);
      this.refuse(resultCodeProblems(next.resultCodes));
      return { next, status: 'IN_PROGRESS' as const };
    });
  }

  /** Submits the record: every item checked, a result that fits them (R-RES-1, R-RES-2); then locked. */
  async submit(input: SubmitSectionInput, principal: Principal): Promise<SectionView> {
    return this.write('SUBMIT', { ...input, planId: null }, principal, async (_manager, current) => {
      if (!current.section) throw badInput('inspectionId', '本部门尚未填写检查记录，不能提交');
      if (current.section.status === 'SUBMITTED') throw conflict('本部门检查记录已经提交', { field: 'inspectionId', status: 'SUBMITTED' });
      const state = current.state;
      this.refuse(resultProblems({ codes: state.resultCodes, outcomes: state.items.map((i) => i.outcome), orders: state.orders }));
      return { next: state, status: 'SUBMITTED' as const };
    });
  }

  /** Amends a submitted record: a reason is required and the change is kept beside the original. */
  async amend(input: AmendSectionInput, principal: Principal): Promise<SectionView> {
    return this.write('AMEND', input, principal, async (_manager, current, checkItems) => {
      if (current.section?.status !== 'SUBMITTED') throw badInput('inspectionId', '检查记录尚未提交，请直接修改保存，无需更正');
      const next = this.stateFrom(input, checkItems);
      this.refuse(resultProblems({ codes: next.resultCodes, outcomes: next.items.map((i) => i.outcome), orders: next.orders }));
      return { next, status: 'SUBMITTED' as const };
    });
  }

  /**
   * Takes a wrong photo or file off the record before submission. The row is marked (who, when), the
   * removal is kept in `evidence_removal` and the file stays in the store; once submitted, evidence is
   * part of the locked record.
   */
  async removeEvidence(input: RemoveEvidenceInput, principal: Principal): Promise<SectionView> {
    return retryingTransaction(this.dataSource, async (manager) => {
      const section = await this.lockedSection(manager, input.inspectionId);
      if (section && section.planId !== input.planId) throw badInput('planId', '实施方案与本次检查不一致');
      const claim = await claimIdempotencyKey(manager, { userId: principal.userId, key: input.idempotencyKey, operation: `${this.department}.REMOVE_EVIDENCE`, targetId: input.evidenceId });
      if (claim === 'new') {
        const evidence = await manager.findOneBy(EvidenceEntity, { id: input.evidenceId, inspectionId: input.inspectionId });
        if (!evidence) throw new AppError('NOT_FOUND', '证据不存在，或不属于本次检查', { field: 'evidenceId', id: input.evidenceId });
        if (section?.status === 'SUBMITTED') throw conflict('本部门检查记录已提交并锁定，其中的证据不能删除；如有误，请提交更正并说明理由', { field: 'evidenceId', status: 'SUBMITTED' });
        // Removed by someone else already: the record is as this user wants it.
        if (!evidence.removedAt) {
          const now = new Date();
          await manager.update(EvidenceEntity, { id: evidence.id }, { removedAt: now, removedBy: principal.userId });
          const { fileName, uploadedBy, uploadedAt } = evidence;
          await manager.insert(EvidenceRemovalEntity, { id: randomUUID(), evidenceId: evidence.id, inspectionId: evidence.inspectionId, fileName, uploadedBy, uploadedAt, removedBy: principal.userId, removedAt: now });
        }
      }
      return toSectionView(this.department, input.inspectionId, await this.rows(manager, input.inspectionId, input.planId, section));
    });
  }

  /** The section with its rows, read inside `manager`'s transaction. */
  async rows(manager: EntityManager, inspectionId: string, planId: string | null, section?: SectionEntity): Promise<SectionRows> {
    const found = section ?? (await manager.findOneBy(SectionEntity, { inspectionId })) ?? undefined;
    const plan = planId ?? found?.planId;
    const [checkItems, recorded, orders, evidence, changes] = await Promise.all([
      plan ? manager.find(CheckItemEntity, { where: { planId: plan, department: this.department }, order: { order: 'ASC' } }) : Promise.resolve([]),
      found ? manager.findBy(SectionItemEntity, { sectionId: found.id }) : Promise.resolve([]),
      found ? manager.findBy(OrderEntity, { sectionId: found.id }) : Promise.resolve([]),
      manager.findBy(EvidenceEntity, { inspectionId }),
      found ? manager.findBy(SectionChangeEntity, { sectionId: found.id, kind: 'AMEND' }) : Promise.resolve([]),
    ]);
    return { checkItems, section: found, recorded, orders, evidence, changes };
  }

  private async write(
    kind: ChangeKind,
    input: { inspectionId: string; planId: string | null; expectedVersion: number; idempotencyKey: string; reason?: string },
    principal: Principal,
    decide: (
      manager: EntityManager,
      current: SectionRows & { state: SectionState },
      checkItems: CheckItemEntity[],
    ) => Promise<{ next: SectionState; status: 'IN_PROGRESS' | 'SUBMITTED' }>,
  ): Promise<SectionView> {
    return retryingTransaction(this.dataSource, async (manager) => {
      const section = await this.lockedSection(manager, input.inspectionId);
      const claim = await claimIdempotencyKey(manager, { userId: principal.userId, key: input.idempotencyKey, operation: `${this.department}.${kind}`, targetId: input.inspectionId });
      if (claim === 'replay') return toSectionView(this.department, input.inspectionId, await this.rows(manager, input.inspectionId, input.planId, section));
      if (section && input.planId && section.planId !== input.planId) throw badInput('planId', '实施方案与本次检查不一致');
      const version = section?.version ?? 0;
      if (version !== input.expectedVersion) throw await this.staleWrite(manager, section!, input.expectedVersion);
      const current = await this.rows(manager, input.inspectionId, input.planId, section);
      if (!current.checkItems.length) throw badInput('planId', `该实施方案没有${DEPARTMENT_NAMES[this.department].full}的检查事项`);
      const state = stateOf(current.checkItems, section, current.recorded, current.orders);
      const { next, status } = await decide(manager, { ...current, state }, current.checkItems);
      const changes = kind === 'SUBMIT' ? [{ field: 'status', label: '状态', before: '检查中', after: '已提交（锁定）' }] : diffStates(state, next, current.checkItems);
      if (changes.length === 0) return toSectionView(this.department, input.inspectionId, current);
      const now = new Date();
      const saved = await this.store(manager, section, { inspectionId: input.inspectionId, planId: current.checkItems[0].planId, version, status, next, now, principal, kind });
      await manager.insert(SectionChangeEntity, {
        id: randomUUID(),
        sectionId: saved.id,
        version: saved.version,
        kind,
        reason: kind === 'AMEND' ? (input.reason ?? '').trim() : null,
        changedBy: principal.userId,
        changedByName: principal.displayName.slice(0, 50),
        changedAt: now,
        changes: JSON.stringify(changes),
      });
      if (kind === 'AMEND') {
        // The office prints an amendment made after signing on its own 更正记录 page (ADR 0015); it learns of it here, with the change.
        const payload: EventPayloads['section.amended'] = {
          inspectionId: input.inspectionId,
          department: this.department,
          version: saved.version,
          reason: (input.reason ?? '').trim(),
          amendedByName: principal.displayName.slice(0, 50),
          amendedAt: now.toISOString(),
          changes,
        };
        await publishEvent(manager, { source: this.department, topic: 'section.amended', payload, destinations: ['office'] });
      }
      return toSectionView(this.department, input.inspectionId, await this.rows(manager, input.inspectionId, null, saved));
    });
  }

  /** Writes the new state; the version guard in the UPDATE is the last word on concurrent writers. */
  private async store(
    manager: EntityManager,
    section: SectionEntity | undefined,
    write: { inspectionId: string; planId: string; version: number; status: 'IN_PROGRESS' | 'SUBMITTED'; next: SectionState; now: Date; principal: Principal; kind: ChangeKind },
  ): Promise<SectionEntity> {
    const { next, now, principal } = write;
    const fields = {
      status: write.status,
      version: write.version + 1,
      updatedAt: now,
      updatedBy: principal.userId,
      resultCodes: formatResultCodes(next.resultCodes),
      onSiteFacts: next.onSiteRecord?.facts || null,
      onSitePersons: next.onSiteRecord?.personsPresent || null,
      ...(write.kind === 'SUBMIT' ? { submittedAt: now, submittedBy: principal.userId, submittedRecord: JSON.stringify(next) } : {}),
    };
    let id: string;
    if (section) {
      id = section.id;
      const result = await manager.createQueryBuilder().update(SectionEntity).set(fields).where('id = :id AND version = :version', { id, version: write.version }).execute();
      if (result.affected !== 1) throw conflict('检查记录已被他人修改，请刷新后重试', { field: 'expectedVersion' });
    } else {
      id = randomUUID();
      await manager.insert(SectionEntity, { id, inspectionId: write.inspectionId, planId: write.planId, submittedAt: null, submittedBy: null, submittedRecord: null, ...fields });
    }
    if (write.kind !== 'SUBMIT') {
      await manager.delete(SectionItemEntity, { sectionId: id });
      const recorded = next.items.filter((item) => item.outcome !== null || item.note !== null);
      if (recorded.length) {
        await manager.insert(
          SectionItemEntity,
          recorded.map((item) => ({ sectionId: id, checkItemId: item.checkItemId, outcome: item.outcome, note: item.note, updatedAt: now, updatedBy: principal.userId })),
        );
      }
      await manager.delete(OrderEntity, { sectionId: id });
      if (next.orders.length) await manager.insert(OrderEntity, next.orders.map((order, position) => ({ id: randomUUID(), sectionId: id, position, ...order })));
    }
    return manager.findOneByOrFail(SectionEntity, { id });
  }

  /** The CONFLICT a stale write gets: the current version and every change made since its base. */
  private async staleWrite(manager: EntityManager, section: SectionEntity | undefined, expectedVersion: number) {
    const since = section ? await manager.find(SectionChangeEntity, { where: { sectionId: section.id, version: MoreThan(expectedVersion) }, order: { version: 'ASC' }, take: 50 }) : [];
    return conflict('检查记录已被他人修改：请查看对方的修改，在最新版本上重新保存', {
      field: 'expectedVersion',
      currentVersion: section?.version ?? 0,
      changes: since.map((change) => ({ version: change.version, kind: change.kind, by: change.changedByName, at: change.changedAt.toISOString(), changes: JSON.parse(change.changes) })),
    });
  }

  /** The section, locked for the rest of the transaction on MySQL (SQLite serializes transactions). */
  private async lockedSection(manager: EntityManager, inspectionId: string): Promise<SectionEntity | undefined> {
    return (await forUpdate(manager.createQueryBuilder(SectionEntity, 'section').where('section.inspection_id = :inspectionId', { inspectionId })).getOne()) ?? undefined;
  }

  /** The state a save or amendment asks for, checked against the plan's items of this department. */
  private stateFrom(input: SaveSectionInput, checkItems: CheckItemEntity[]): SectionState {
    const known = new Set(checkItems.map((item) => item.id));
    const given = new Map<string, SaveSectionInput['items'][number]>();
    input.items.forEach((item, i) => {
      if (!known.has(item.checkItemId)) throw badInput(`items.${i}.checkItemId`, `检查事项不存在，或不属于${DEPARTMENT_NAMES[this.department].full}（${item.checkItemId}）`);
      if (given.has(item.checkItemId)) throw badInput(`items.${i}.checkItemId`, '同一检查事项出现了两次');
      given.set(item.checkItemId, item);
    });
    const orders = input.orders.map((order, i) => {
      const content = order.content.trim();
      if (!content) throw badInput(`orders.${i}.content`, '请填写责令内容');
      if (order.kind === 'RECTIFY' && !order.deadline) throw badInput(`orders.${i}.deadline`, '责令限期改正须写明改正期限');
      if (order.deadline && !isIsoDate(order.deadline)) throw badInput(`orders.${i}.deadline`, '改正期限应为有效日期（YYYY-MM-DD）');
      if (order.checkItemId && !known.has(order.checkItemId)) throw badInput(`orders.${i}.checkItemId`, '责令关联的检查事项不属于本部门');
      return { kind: order.kind, delivery: order.delivery, content, deadline: order.kind === 'RECTIFY' ? order.deadline! : null, checkItemId: order.checkItemId ?? null };
    });
    const facts = input.onSiteRecord?.facts.trim() ?? '';
    const persons = input.onSiteRecord?.personsPresent.trim() ?? '';
    return {
      items: checkItems.map((item) => ({ checkItemId: item.id, outcome: given.get(item.id)?.outcome ?? null, note: given.get(item.id)?.note?.trim() || null })),
      resultCodes: [...input.resultCodes].sort((a, b) => a - b),
      onSiteRecord: facts || persons ? { facts, personsPresent: persons } : null,
      orders,
    };
  }

  private refuse(problems: { field: string; message: string }[]): void {
    if (problems.length) throw badInput(problems[0].field, problems.map((p) => p.message).join('；'));
  }
}
