import { Length, MaxLength } from 'class-validator';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { DepartmentEnum, requireOffice, SafeText, type FileStore } from '@dr/subgraph-kit';
import type { Department } from '@dr/domain';
import type { OfficeContext } from '../loaders';
import { DateScalar } from '../calendar/date.scalar';
import type { ReportDocument } from './report.entities';
import { ReportService, type ReportStatusView, type SubmissionView } from './report.service';

@ObjectType('ReportDocument', { description: '上传的工作总结定稿（R-REP-2），每次上传为一个新版本' })
class ReportDocumentType {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '版本号' })
  version: number;

  @Field({ description: '文件名' })
  fileName: string;

  @Field({ description: 'Word 文档或 PDF' })
  contentType: string;

  @Field(() => Int, { description: '字节数' })
  size: number;

  @Field()
  sha256: string;

  @Field({ description: '上传人' })
  uploadedByName: string;

  @Field(() => Date)
  uploadedAt: Date;

  @Field({ description: '下载地址（需登录令牌）' })
  url: string;
}

@ObjectType('ReportSubmission', { description: '报送记录：报送了哪个版本、报送给谁、何时、由谁登记（R-REP-2）' })
class ReportSubmissionType {
  @Field(() => ID)
  id: string;

  @Field(() => ReportDocumentType, { nullable: true, description: '报送的工作总结版本' })
  document: ReportDocumentType | null;

  @Field({ description: '报送单位' })
  recipient: string;

  @Field(() => DateScalar, { description: '报送日期' })
  sentOn: string;

  @Field({ description: '是否为补充报送' })
  supplementary: boolean;

  @Field(() => Int, { description: '本次报送包含的已完成检查户次' })
  inspectionCount: number;

  @Field({ description: '是否在报送期限内（含期限当日）' })
  onTime: boolean;

  @Field(() => Int, { description: '逾期的工作日数；按期为 0' })
  workingDaysLate: number;

  @Field({ description: '登记人' })
  recordedByName: string;

  @Field(() => Date)
  recordedAt: Date;
}

@ObjectType('PlanReports', { description: '实施方案的报表与报送情况（R-REP-1/2）' })
class PlanReportsType {
  @Field(() => ID)
  planId: string;

  @Field(() => DateScalar, { description: '报送期限（含当日）' })
  reportingDeadline: string;

  @Field(() => DepartmentEnum, { description: '报送单位' })
  reportTo: Department;

  @Field({ description: '报送单位名称' })
  reportToName: string;

  @Field(() => [ReportDocumentType], { description: '工作总结定稿的各版本，最新的在前（最多 100 个）' })
  documents: ReportDocumentType[];

  @Field(() => [ReportSubmissionType], { description: '报送记录，最新的在前（最多 100 条）' })
  submissions: ReportSubmissionType[];

  @Field(() => Int, { description: '尚未报送的已完成检查户次（首次报送后即需补充报送）' })
  unreportedInspections: number;
}

@InputType({ description: '登记一次报送' })
class RecordReportSubmissionInput {
  @Field(() => ID)
  @Length(1, 36, { message: '实施方案编号无效' })
  planId: string;

  @Field(() => ID, { description: '报送的工作总结定稿版本' })
  @Length(1, 36, { message: '请选择报送的工作总结版本' })
  documentId: string;

  @Field({ description: '报送单位，如 卫东区市场监督管理局' })
  @MaxLength(100, { message: '报送单位不能超过 100 字' })
  @SafeText({ label: '报送单位' })
  recipient: string;

  @Field(() => DateScalar, { description: '报送日期' })
  sentOn: string;
}

const documentView = (row: ReportDocument): ReportDocumentType => ({ ...row, url: `/files/plans/${row.planId}/reports/documents/${row.id}` });
const submissionView = (view: SubmissionView): ReportSubmissionType => ({
  ...view.submission,
  document: view.document ? documentView(view.document) : null,
  onTime: view.onTime,
  workingDaysLate: view.workingDaysLate,
});

/** The plan's reports for the joint office (R-REP-2): what exists, what was sent, on time or not. */
@Resolver()
export class ReportResolver {
  private readonly service: ReportService;

  constructor(dataSource: DataSource, _auth?: unknown, _imports?: unknown, _visits?: unknown, files?: FileStore) {
    this.service = new ReportService(dataSource, files as FileStore);
  }

  @Query(() => PlanReportsType, { description: '实施方案的报表与报送情况（联席办）' })
  async planReports(@Arg('planId', () => ID) planId: string, @Ctx() context: OfficeContext): Promise<PlanReportsType> {
    requireOffice(context);
    return toView(await this.service.status(planId));
  }

  @Mutation(() => ReportSubmissionType, { description: '登记一次报送：工作总结定稿版本、报送单位、报送日期（联席办）；首次之后为补充报送' })
  async recordReportSubmission(@Arg('input') input: RecordReportSubmissionInput, @Ctx() context: OfficeContext): Promise<ReportSubmissionType> {
    const principal = requireOffice(context);
    const view = await this.service.recordSubmission(input, principal);
    context.logger.info({ planId: input.planId, submissionId: view.submission.id, supplementary: view.submission.supplementary, onTime: view.onTime, by: principal.userId }, 'report submission recorded');
    return submissionView(view);
  }
}

function toView(status: ReportStatusView): PlanReportsType {
  return {
    planId: status.plan.id,
    reportingDeadline: status.plan.reportingDeadline,
    reportTo: status.plan.reportTo,
    reportToName: status.reportToName,
    documents: status.documents.map(documentView),
    submissions: status.submissions.map(submissionView),
    unreportedInspections: status.unreported,
  };
}
