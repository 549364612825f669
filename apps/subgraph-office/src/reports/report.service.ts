import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { chinaDateOf, DEPARTMENT_NAMES, isIsoDate, isSaneDate, submissionTimeliness, type Principal, type SubmissionTimeliness } from '@dr/domain';
import { AppError, badInput, notFound, retryingTransaction, sha256Hex, sniffDocumentType, type FileStore } from '@dr/subgraph-kit';
import { Plan } from '../plan/plan.entity';
import { Inspection, InspectionStatus } from '../inspection/inspection.entity';
import { CalendarService } from '../calendar/calendar.service';
import { toCalendarGraphQLError } from '../calendar/calendar.errors';
import { ReportDocument, ReportSubmission } from './report.entities';

export const WORK_SUMMARY = 'WORK_SUMMARY';
/** The newest this many versions and submissions are listed (a plan has a handful). */
export const REPORT_LIST_LIMIT = 100;

export interface SubmissionView extends SubmissionTimeliness {
  submission: ReportSubmission;
  document: ReportDocument | null;
}

export interface ReportStatusView {
  plan: Plan;
  /** e.g. 卫东区市场监督管理局 */
  reportToName: string;
  documents: ReportDocument[];
  submissions: SubmissionView[];
  /** Completed inspections not in any report yet: after the first report they call for 补充报送. */
  unreported: number;
}

/**
 * The plan's reports as the joint office keeps them (R-REP-2): the final work summary's versions, and
 * 报送 — what version went to whom, when, recorded by whom — with on time or late in working days.
 */
export class ReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly files: FileStore,
  ) {}

  /** Read afresh each time: a year the office loads counts at once (the calendar service caches per instance). */
  private async timelinessOf(sentOn: string, deadline: string) {
    const calendar = await new CalendarService(this.dataSource).calendar();
    try {
      return submissionTimeliness(sentOn, deadline, calendar);
    } catch (error) {
      throw toCalendarGraphQLError(error, 'sentOn');
    }
  }

  async plan(planId: string): Promise<Plan> {
    const plan = await this.dataSource.manager.findOneBy(Plan, { id: planId });
    if (!plan) throw notFound('实施方案', planId);
    return plan;
  }

  /**
   * Stores an uploaded final work summary as the next version. Only a whole DOCX or PDF is taken,
   * judged by content: anything else is refused before anything is written.
   */
  async uploadWorkSummary(planId: string, bytes: Buffer, fileName: string, principal: Principal): Promise<ReportDocument | 'UNSUPPORTED'> {
    await this.plan(planId);
    const contentType = sniffDocumentType(bytes);
    if (!contentType) return 'UNSUPPORTED';
    const sha256 = await this.files.put(bytes);
    if (sha256 !== sha256Hex(bytes)) throw new Error('file store returned another hash');
    return retryingTransaction(this.dataSource, async (manager) => {
      const last = await manager.getRepository(ReportDocument).createQueryBuilder('d').select('MAX(d.version)', 'version').where('d.plan_id = :planId AND d.kind = :kind', { planId, kind: WORK_SUMMARY }).getRawOne<{ version: number | null }>();
      const row = manager.create(ReportDocument, {
        id: randomUUID(),
        planId,
        kind: WORK_SUMMARY,
        version: Number(last?.version ?? 0) + 1,
        fileName,
        contentType,
        sha256,
        size: bytes.length,
        uploadedBy: principal.userId,
        uploadedByName: principal.displayName.slice(0, 50),
        uploadedAt: new Date(),
      });
      await manager.insert(ReportDocument, row);
      return row;
    });
  }

  async document(planId: string, documentId: string): Promise<ReportDocument> {
    const row = await this.dataSource.manager.findOneBy(ReportDocument, { id: documentId, planId });
    if (!row) throw notFound('报告文件', documentId);
    return row;
  }

  /**
   * Records 报送. The first for a plan is the report; each later one is 补充报送 of the inspections
   * completed since the one before (counted now, in the same transaction as the record).
   */
  async recordSubmission(input: { planId: string; documentId: string; recipient: string; sentOn: string }, principal: Principal): Promise<SubmissionView> {
    const plan = await this.plan(input.planId);
    const recipient = input.recipient.trim();
    if (!recipient) throw badInput('recipient', '请填写报送单位');
    if (!isIsoDate(input.sentOn) || !isSaneDate(input.sentOn)) throw badInput('sentOn', '报送日期无效');
    if (input.sentOn > chinaDateOf(new Date())) throw badInput('sentOn', '报送日期不能晚于今天');
    if (input.sentOn < plan.issueDate) throw badInput('sentOn', `报送日期不能早于实施方案印发日期（${plan.issueDate}）`);
    const document = await this.dataSource.manager.findOneBy(ReportDocument, { id: input.documentId, planId: plan.id });
    if (!document) throw badInput('documentId', '请先上传工作总结定稿，再选择报送的版本');
    const timeliness = await this.timelinessOf(input.sentOn, plan.reportingDeadline);
    const submission = await retryingTransaction(this.dataSource, async (manager) => {
      const previous = await this.lastSubmission(manager, plan.id);
      const now = new Date();
      const row = manager.create(ReportSubmission, {
        id: randomUUID(),
        planId: plan.id,
        documentId: document.id,
        recipient,
        sentOn: input.sentOn,
        supplementary: previous !== null,
        inspectionCount: await this.completedBetween(manager, plan.id, previous?.recordedAt ?? null, now),
        recordedBy: principal.userId,
        recordedByName: principal.displayName.slice(0, 50),
        recordedAt: now,
      });
      await manager.insert(ReportSubmission, row);
      return row;
    });
    return { submission, document, ...timeliness };
  }

  async status(planId: string): Promise<ReportStatusView> {
    const plan = await this.plan(planId);
    const manager = this.dataSource.manager;
    const documents = await manager.find(ReportDocument, { where: { planId }, order: { version: 'DESC' }, take: REPORT_LIST_LIMIT });
    const submissions = await manager.find(ReportSubmission, { where: { planId }, order: { recordedAt: 'DESC' }, take: REPORT_LIST_LIMIT });
    const last = submissions[0] ?? null;
    return {
      plan,
      reportToName: DEPARTMENT_NAMES[plan.reportTo]?.full ?? plan.reportTo,
      documents,
      submissions: await Promise.all(
        submissions.map(async (submission) => ({
          submission,
          document: documents.find((d) => d.id === submission.documentId) ?? null,
          ...(await this.timelinessOf(submission.sentOn, plan.reportingDeadline)),
        })),
      ),
      unreported: await this.completedBetween(manager, planId, last?.recordedAt ?? null, null),
    };
  }

  /** The submission a supplementary 汇总表 follows; its inspections are those completed after it. */
  async submission(planId: string, submissionId: string): Promise<ReportSubmission> {
    const row = await this.dataSource.manager.findOneBy(ReportSubmission, { id: submissionId, planId });
    if (!row) throw new AppError('NOT_FOUND', '没有找到这次报送记录', { field: 'since' });
    return row;
  }

  /** Ids of the plan's inspections completed after `after`: the rows of a supplementary report. */
  async completedAfter(planId: string, after: Date): Promise<Set<string>> {
    const rows = await this.completedQuery(this.dataSource.manager, planId, after, null).select('i.id', 'id').getRawMany<{ id: string }>();
    return new Set(rows.map((r) => r.id));
  }

  private lastSubmission(manager: EntityManager, planId: string): Promise<ReportSubmission | null> {
    return manager.findOne(ReportSubmission, { where: { planId }, order: { recordedAt: 'DESC' } });
  }

  private completedBetween(manager: EntityManager, planId: string, after: Date | null, upTo: Date | null): Promise<number> {
    return this.completedQuery(manager, planId, after, upTo).getCount();
  }

  private completedQuery(manager: EntityManager, planId: string, after: Date | null, upTo: Date | null) {
    const query = manager.getRepository(Inspection).createQueryBuilder('i').where('i.plan_id = :planId AND i.status = :status', { planId, status: InspectionStatus.COMPLETED });
    if (after) query.andWhere('i.completed_at > :after', { after });
    if (upTo) query.andWhere('i.completed_at <= :upTo', { upTo });
    return query;
  }
}
