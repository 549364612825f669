import { randomUUID } from 'node:crypto';
import { applyResultFilter, type ResultFilter } from '../progress/progress-filters';
import type { DataSource, EntityManager } from 'typeorm';
import { chinaDateOf, resultCodeProblems, resultProblems, type Department, type EventPayloads, type ItemOutcomeValue, type Principal, type PublishedResult } from '@dr/domain';
import { AppError, badInput, conflict, forbidden, forUpdate, publishEvent, retryingTransaction, toPage, type Page } from '@dr/subgraph-kit';
import { OrderEntity, SectionEntity, SectionItemEntity } from '../entities';
import { formatResultCodes, parseResultCodes } from '../section-state';
import { ResultChangeEntity, ResultEntity, type ResultChangeKind, type ResultStatusValue } from './result.entity';
import { publicationDeadline } from './result-deadline';
import type { CorrectResultInput, EnterResultInput, PublishResultInput, ReturnResultInput } from './dtos/result.inputs';
import { problemFoundIn, tellVenueInspected } from '../follow-ups/venue-inspected.event';
import type { PublishedResultFacts, ResultHooks } from '../extension/department-extension';

/** What the public reads of a result: its codes and the 检查结果说明. */
export interface ResultContent {
  resultCodes: number[];
  summary: string | null;
}

/** One reason a result cannot be entered or published, naming the input field or the missing part. */
interface ResultProblem {
  field: string;
  message: string;
}

/** The department's own record of the visit, as far as the result is checked against it (R-RES-2). */
interface SectionFacts {
  submitted: boolean;
  /** The outcomes recorded (an item without one is not the result's business). */
  outcomes: ItemOutcomeValue[];
  orders: { kind: 'STOP_ILLEGAL' | 'RECTIFY' }[];
  resultCodes: number[];
}

export function contentOf(row: Pick<ResultEntity, 'resultCodes' | 'summary'>): ResultContent {
  return { resultCodes: parseResultCodes(row.resultCodes), summary: row.summary };
}

/**
 * A department's result of each inspection (谁检查、谁录入、谁公开, R-PUB-1/2): the team's officers of
 * the department (or its admin) enter it, the department admin returns it or publishes it, and a
 * published result changes only by a correction with a reason. Every write is one transaction that
 * names the version it was based on; publication and correction tell the office in that transaction.
 */
export class ResultService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly department: Department,
    /** The department's reaction to a publication, in its transaction (ADR 0014); `NO_EXTENSION` for none. */
    private readonly hooks: ResultHooks,
  ) {}

  /**
   * `inspection.signed` (ADR 0013): the visit is over, so the department's result is formed and waits
   * for entry. A department not taking part ignores it; a result that exists already is left alone.
   */
  async receiveSigned(manager: EntityManager, payload: EventPayloads['inspection.signed']): Promise<void> {
    if (!payload.departments.includes(this.department)) return;
    if (await manager.existsBy(ResultEntity, { inspectionId: payload.inspectionId })) return;
    const now = new Date();
    await manager.insert(ResultEntity, {
      id: randomUUID(),
      inspectionId: payload.inspectionId,
      planId: payload.planId,
      planTitle: payload.planTitle.slice(0, 300),
      venueId: payload.venue.id,
      venueName: payload.venue.name,
      venueUscc: payload.venue.uscc,
      venueStreet: payload.venue.street,
      inspectedOn: payload.inspectedOn,
      signedOn: payload.signedOn,
      teamInspectorIds: payload.teamInspectorIds.join(','),
      publicationDeadline: publicationDeadline(payload.inspectedOn),
      status: 'PENDING_ENTRY',
      resultCodes: '',
      summary: null,
      returnReason: null,
      version: 1,
      revision: 0,
      enteredByName: null,
      enteredAt: null,
      publishedBy: null,
      publishedByName: null,
      publishedAt: null,
      publishedOn: null,
      publishedRecord: null,
      createdAt: now,
      updatedAt: now,
    });
  }

  /** Enters (or re-enters after a return) the codes and the summary, and sends the result for review. */
  async enter(input: EnterResultInput, principal: Principal): Promise<ResultEntity> {
    const authorize = (result: ResultEntity) => {
      if (principal.role !== 'DEPARTMENT_ADMIN' && !(principal.inspectorId && result.teamInspectorIds.split(',').includes(principal.inspectorId))) {
        throw forbidden('只有本次检查组中本部门的执法人员或本部门管理员可以录入检查结果');
      }
    };
    return this.write(input, principal, 'ENTER', authorize, async (manager, result) => {
      if (result.status === 'PENDING_REVIEW') throw conflict('检查结果已提交审核；如需修改，请由本部门管理员退回', { field: 'inspectionId', status: result.status });
      if (result.status === 'PUBLISHED') throw conflict('检查结果已公示；如需修改，请由本部门管理员更正并说明理由', { field: 'inspectionId', status: result.status });
      const section = await this.section(manager, result.inspectionId);
      const next = { resultCodes: sortCodes(input.resultCodes ?? section?.resultCodes ?? []), summary: input.summary.trim() || null };
      refuse('检查结果有误', contradictions(next.resultCodes, section));
      return { status: 'PENDING_REVIEW', next, fields: { returnReason: null, enteredByName: principal.displayName.slice(0, 50), enteredAt: new Date() } };
    });
  }

  /** The department admin sends the result back to be entered again, saying why. */
  async returnForReentry(input: ReturnResultInput, principal: Principal): Promise<ResultEntity> {
    // Before the lookup: an inspector learns nothing of which results exist.
    assertReviewer(principal);
    return this.write(input, principal, 'RETURN', () => assertReviewer(principal), async (_manager, result) => {
      if (result.status !== 'PENDING_REVIEW') throw conflict('只有待审核的检查结果可以退回', { field: 'inspectionId', status: result.status });
      const reason = input.reason.trim();
      if (reason.length < 2) throw badInput('reason', '请填写退回理由');
      return { status: 'RETURNED', next: contentOf(result), reason, fields: { returnReason: reason } };
    });
  }

  /**
   * The department admin publishes (R-PUB-1): only a complete result that fits the department's
   * submitted record (R-RES-2); the office learns of it in the same transaction (`result.published`).
   */
  async publish(input: PublishResultInput, principal: Principal): Promise<ResultEntity> {
    // Before the lookup: an inspector learns nothing of which results exist.
    assertReviewer(principal);
    return this.write(input, principal, 'PUBLISH', () => assertReviewer(principal), async (manager, result) => {
      if (result.status !== 'PENDING_REVIEW') {
        throw conflict(result.status === 'PUBLISHED' ? '检查结果已经公示' : '检查结果尚未录入并提交审核，不能公示', { field: 'inspectionId', status: result.status });
      }
      const content = contentOf(result);
      // Checked again here: the section may have been amended since the result was entered.
      const section = await this.section(manager, result.inspectionId);
      refuse('不能公示', [...missingParts(content, section), ...contradictions(content.resultCodes, section)]);
      const now = new Date();
      const publishedOn = chinaDateOf(now);
      await this.tellOffice(manager, 'result.published', { ...this.published(result, content, publishedOn, 1) });
      // The venue's last inspection (read by the next draw) moves to this visit (R-PUB-3).
      await tellVenueInspected(manager, this.department, { venueId: result.venueId, inspectionId: result.inspectionId, date: result.inspectedOn, problemFound: problemFoundIn(content.resultCodes) });
      await this.hooks.onResultPublished?.(manager, this.facts(result, content, publishedOn, 1, principal));
      return {
        status: 'PUBLISHED',
        next: content,
        fields: { revision: 1, publishedBy: principal.userId, publishedByName: principal.displayName.slice(0, 50), publishedAt: now, publishedOn, publishedRecord: JSON.stringify(content) },
      };
    });
  }

  /** Corrects a published result: a reason is required, the original stays, the office gets the new revision. */
  async correct(input: CorrectResultInput, principal: Principal): Promise<ResultEntity> {
    // Before the lookup: an inspector learns nothing of which results exist.
    assertReviewer(principal);
    return this.write(input, principal, 'CORRECT', () => assertReviewer(principal), async (manager, result) => {
      if (result.status !== 'PUBLISHED') throw conflict('检查结果尚未公示，请直接修改录入，无需更正', { field: 'inspectionId', status: result.status });
      const reason = input.reason.trim();
      if (reason.length < 2) throw badInput('reason', '请填写更正理由');
      const next = { resultCodes: sortCodes(input.resultCodes), summary: input.summary.trim() || null };
      const before = contentOf(result);
      if (formatResultCodes(before.resultCodes) === formatResultCodes(next.resultCodes) && before.summary === next.summary) throw badInput('resultCodes', '更正后的内容与已公示的内容相同');
      const section = await this.section(manager, result.inspectionId);
      refuse('不能更正', [...missingParts(next, section), ...contradictions(next.resultCodes, section)]);
      const revision = result.revision + 1;
      const correctedOn = chinaDateOf(new Date());
      await this.tellOffice(manager, 'result.corrected', { ...this.published(result, next, result.publishedOn ?? correctedOn, revision), correction: { reason, correctedOn } });
      // A correction may add a code the department acts on (e.g. market's code 4): the hook hears it too.
      await this.hooks.onResultPublished?.(manager, this.facts(result, next, result.publishedOn ?? correctedOn, revision, principal));
      return { status: 'PUBLISHED', next, reason, fields: { revision } };
    });
  }

  /** One page of the department's results, nearest deadline first (the workbench, and the dashboard's drill-down). */
  async list(filter: ResultFilter & { first: number; offset: number; today: string }): Promise<Page<ResultEntity>> {
    const query = applyResultFilter(this.dataSource.getRepository(ResultEntity).createQueryBuilder('result'), filter, filter.today);
    const [rows, total] = await query
      .orderBy('CASE WHEN result.publication_deadline IS NULL THEN 1 ELSE 0 END', 'ASC')
      .addOrderBy('result.publication_deadline', 'ASC')
      .addOrderBy('result.inspection_id', 'ASC')
      .skip(filter.offset)
      .take(filter.first)
      .getManyAndCount();
    return toPage(rows, total, filter.offset);
  }

  private published(result: ResultEntity, content: ResultContent, publishedOn: string, revision: number): PublishedResult {
    return {
      inspectionId: result.inspectionId,
      planId: result.planId,
      department: this.department,
      venue: { id: result.venueId, name: result.venueName, uscc: result.venueUscc, street: result.venueStreet },
      resultCodes: content.resultCodes,
      inspectedOn: result.inspectedOn,
      publishedOn,
      revision,
    };
  }

  private facts(result: ResultEntity, content: ResultContent, publishedOn: string, revision: number, by: Principal): PublishedResultFacts {
    return {
      inspectionId: result.inspectionId,
      planId: result.planId,
      venue: { id: result.venueId, name: result.venueName, uscc: result.venueUscc, street: result.venueStreet },
      inspectedOn: result.inspectedOn,
      resultCodes: content.resultCodes,
      summary: content.summary,
      revision,
      publishedOn,
      by,
    };
  }

  private async tellOffice<T extends 'result.published' | 'result.corrected'>(manager: EntityManager, topic: T, payload: EventPayloads[T]): Promise<void> {
    await publishEvent(manager, { source: this.department, topic, payload, destinations: ['office'] });
  }

  /** The department's own record of the visit (its section), or null when none was written. */
  private async section(manager: EntityManager, inspectionId: string): Promise<SectionFacts | null> {
    const section = await manager.findOneBy(SectionEntity, { inspectionId });
    if (!section) return null;
    const [items, orders] = await Promise.all([manager.findBy(SectionItemEntity, { sectionId: section.id }), manager.findBy(OrderEntity, { sectionId: section.id })]);
    return { submitted: section.status === 'SUBMITTED', outcomes: items.flatMap((item) => (item.outcome ? [item.outcome] : [])), orders, resultCodes: parseResultCodes(section.resultCodes) };
  }

  /**
   * Every write: the result locked (MySQL), the version checked, the decision applied with a guarded
   * UPDATE, and one row in the trail with the content before and after.
   */
  private async write(
    input: { inspectionId: string; expectedVersion: number },
    principal: Principal,
    kind: ResultChangeKind,
    /** Who may write, decided before the version: a refusal never depends on staleness. */
    authorize: (result: ResultEntity) => void,
    decide: (manager: EntityManager, result: ResultEntity) => Promise<{ status: ResultStatusValue; next: ResultContent; reason?: string; fields: Partial<ResultEntity> }>,
  ): Promise<ResultEntity> {
    return retryingTransaction(this.dataSource, async (manager) => {
      const result = await forUpdate(manager.createQueryBuilder(ResultEntity, 'result').where('result.inspection_id = :id', { id: input.inspectionId })).getOne();
      if (!result) throw new AppError('NOT_FOUND', '没有找到本部门该次检查的结果：检查尚未完成签字，或本部门未参加该次检查', { field: 'inspectionId' });
      authorize(result);
      if (result.version !== input.expectedVersion) throw stale(result.version);
      const { status, next, reason, fields } = await decide(manager, result);
      const now = new Date();
      const update = await manager
        .createQueryBuilder()
        .update(ResultEntity)
        .set({ ...fields, status, resultCodes: formatResultCodes(next.resultCodes), summary: next.summary, version: result.version + 1, updatedAt: now })
        .where('id = :id AND version = :version', { id: result.id, version: result.version })
        .execute();
      if (update.affected !== 1) throw stale(result.version + 1);
      await manager.insert(ResultChangeEntity, {
        id: randomUUID(),
        resultId: result.id,
        version: result.version + 1,
        kind,
        reason: reason ?? null,
        changedBy: principal.userId,
        changedByName: principal.displayName.slice(0, 50),
        changedAt: now,
        before: JSON.stringify(contentOf(result)),
        after: JSON.stringify(next),
      });
      return manager.findOneByOrFail(ResultEntity, { id: result.id });
    });
  }
}

function sortCodes(codes: readonly number[]): number[] {
  return [...codes].sort((a, b) => a - b);
}

function assertReviewer(principal: Principal): void {
  if (principal.role !== 'DEPARTMENT_ADMIN') throw forbidden('只有本部门管理员可以审核、公示或更正检查结果');
}

function stale(currentVersion: number): AppError {
  return conflict('检查结果已被他人修改，请刷新后在最新版本上重新操作', { field: 'expectedVersion', currentVersion });
}

/** R-RES-2: codes that contradict each other or the items and orders the department recorded. */
function contradictions(codes: number[], section: SectionFacts | null): ResultProblem[] {
  if (codes.length === 0 || !section) return resultCodeProblems(codes);
  return resultProblems({ codes, outcomes: section.outcomes, orders: section.orders });
}

/** What a result lacks before the public may read it (R-PUB-1). */
function missingParts(content: ResultContent, section: SectionFacts | null): ResultProblem[] {
  const missing: ResultProblem[] = [];
  if (!section?.submitted) missing.push({ field: 'section', message: '本部门的检查记录尚未提交' });
  if (content.resultCodes.length === 0) missing.push({ field: 'resultCodes', message: '未选择检查结果代码' });
  if (!content.summary) missing.push({ field: 'summary', message: '未填写检查结果说明' });
  return missing;
}

/** Refuses with every problem in one message, the first one's field, and each field in `missing`. */
function refuse(what: string, problems: ResultProblem[]): void {
  if (problems.length) throw new AppError('BAD_USER_INPUT', `${what}：${problems.map((p) => p.message).join('；')}`, { field: problems[0].field, fields: problems.map((p) => p.field) });
}
