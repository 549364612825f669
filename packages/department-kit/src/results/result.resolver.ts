import { Arg, Args, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { chinaDateOf, DEPARTMENT_NAMES, mayManageOffice, type Department, type Principal } from '@dr/domain';
import { Connection, decodeCursor, DepartmentEnum, forbidden, PageArgs, requireDepartment, requirePrincipal, type Page } from '@dr/subgraph-kit';
import type { DepartmentContext } from '../loaders';
import { parseResultCodes } from '../section-state';
import { ResultStatus } from './result-status.enum';
import type { ResultChangeEntity, ResultEntity } from './result.entity';
import { ResultService, type ResultContent } from './result.service';
import { workingDaysLeft } from './result-deadline';
import { referralDeadline, referralNeeded, referralOverdue } from '../referrals/referral-rules';
import type { ResultHooks } from '../extension/department-extension';
import { ResultScopeArgs } from '../progress/progress.args';
import { CorrectResultInput, EnterResultInput, PublishResultInput, ReturnResultInput } from './dtos/result.inputs';

/** The office reads every department's results (read-only); a department's staff read only their own. */
function requireResultReader(context: DepartmentContext, department: Department): Principal {
  const principal = requirePrincipal(context);
  if (principal.department !== department && !mayManageOffice(principal)) throw forbidden(`只有${DEPARTMENT_NAMES[department].full}的人员和联席办可以查看本部门的检查结果`);
  return principal;
}

/**
 * The result types, queries and mutations of one department (`CultureResult`, `cultureEnterResult` …),
 * and the field `<department>Result` on the office's `Inspection` (`inspectionType`, the department
 * schema's reference class), so the shell shows it beside the section.
 */
export function buildResultResolvers(department: Department, prefix: string, inspectionType: new () => { id: string }, hooks: ResultHooks, dataSource?: DataSource): Function[] {
  const name = DEPARTMENT_NAMES[department].full;

  @ObjectType(`${prefix}ResultVenue`, { description: '检查对象（取自联席办的检查对象名录库）' })
  class ResultVenueType {
    @Field(() => ID)
    id: string;

    @Field({ description: '名称' })
    name: string;

    @Field({ description: '统一社会信用代码' })
    uscc: string;

    @Field({ description: '所属街道' })
    street: string;
  }

  @ObjectType(`${prefix}ResultContent`, { description: '公示内容：检查结果代码与检查结果说明' })
  class ResultContentType {
    @Field(() => [Int], { description: '检查结果代码（R-RES-2）' })
    resultCodes: number[];

    @Field(() => String, { nullable: true, description: '检查结果说明' })
    summary: string | null;
  }

  @ObjectType(`${prefix}ResultChange`, { description: '检查结果的一次操作：录入、退回、公示或更正（修改前后）' })
  class ResultChangeType {
    @Field(() => Int)
    version: number;

    @Field({ description: 'ENTER 录入 / RETURN 退回 / PUBLISH 公示 / CORRECT 更正' })
    kind: string;

    @Field(() => String, { nullable: true, description: '退回或更正的理由' })
    reason: string | null;

    @Field({ description: '操作人' })
    changedBy: string;

    @Field(() => Date)
    changedAt: Date;

    @Field(() => ResultContentType)
    before: ResultContent;

    @Field(() => ResultContentType)
    after: ResultContent;
  }

  const changeView = (row: ResultChangeEntity) => ({
    version: row.version,
    kind: row.kind,
    reason: row.reason,
    changedBy: row.changedByName,
    changedAt: row.changedAt,
    before: JSON.parse(row.before) as ResultContent,
    after: JSON.parse(row.after) as ResultContent,
  });

  @ObjectType(`${prefix}Result`, { description: `${name}对一次联合检查的检查结果（谁检查、谁录入、谁公开，R-PUB-1）` })
  class ResultType {
    @Field(() => ID)
    inspectionId: string;

    @Field(() => ID)
    planId: string;

    @Field({ description: '抽查任务' })
    planTitle: string;

    @Field(() => ResultStatus)
    status: ResultStatus;

    @Field({ description: '检查日期 YYYY-MM-DD' })
    inspectedOn: string;

    @Field({ description: '被检查对象签字（或拒签）日期 YYYY-MM-DD' })
    signedOn: string;

    @Field(() => String, { nullable: true, description: '公示期限：检查后 20 个工作日（R-PUB-1）；节假日安排未载入时为空' })
    publicationDeadline: string | null;

    @Field(() => String, { nullable: true, description: '检查结果说明（向社会公示）' })
    summary: string | null;

    @Field(() => String, { nullable: true, description: '退回理由（重新录入后清空，历史中保留）' })
    returnReason: string | null;

    @Field(() => Int, { description: '版本号，每次修改加一' })
    version: number;

    @Field(() => Int, { description: '公示版次：公示时为 1，每次更正加一' })
    revision: number;

    @Field(() => String, { nullable: true, description: '录入人' })
    enteredByName: string | null;

    @Field(() => Date, { nullable: true })
    enteredAt: Date | null;

    @Field(() => String, { nullable: true, description: '公示人' })
    publishedByName: string | null;

    @Field(() => Date, { nullable: true, description: '公示时间' })
    publishedAt: Date | null;

    @Field(() => String, { nullable: true, description: '公示日期 YYYY-MM-DD' })
    publishedOn: string | null;
  }

  @Resolver(() => ResultType)
  class ResultFieldsResolver {
    @FieldResolver(() => DepartmentEnum)
    department(): Department {
      return department;
    }

    @FieldResolver(() => ResultVenueType)
    venue(@Root() row: ResultEntity): ResultVenueType {
      return { id: row.venueId, name: row.venueName, uscc: row.venueUscc, street: row.venueStreet };
    }

    @FieldResolver(() => [Int], { description: '检查结果代码（R-RES-2）' })
    resultCodes(@Root() row: ResultEntity): number[] {
      return parseResultCodes(row.resultCodes);
    }

    @FieldResolver(() => Int, { nullable: true, description: '距公示期限还剩的工作日（已过期为负数）；已公示或无期限时为空' })
    workingDaysLeft(@Root() row: ResultEntity): number | null {
      if (row.status === 'PUBLISHED' || !row.publicationDeadline) return null;
      return workingDaysLeft(chinaDateOf(new Date()), row.publicationDeadline);
    }

    @FieldResolver(() => Boolean, { description: '是否已超过公示期限仍未公示（R-PUB-1）' })
    overdue(@Root() row: ResultEntity): boolean {
      return row.status !== 'PUBLISHED' && row.publicationDeadline !== null && row.publicationDeadline < chinaDateOf(new Date());
    }

    @FieldResolver(() => String, { nullable: true, description: '移送期限：检查结果形成（签字）后 7 个工作日（R-RES-3）' })
    referralDeadline(@Root() row: ResultEntity): string | null {
      return referralDeadline(row.signedOn);
    }

    @FieldResolver(() => Boolean, { description: '是否需要移送：检查结果代码含 8（发现问题待后续处理）' })
    referralNeeded(@Root() row: ResultEntity): boolean {
      return referralNeeded(parseResultCodes(row.resultCodes));
    }

    @FieldResolver(() => Boolean, { description: '需要移送而超过移送期限仍未移送（R-RES-3）' })
    async referralOverdue(@Root() row: ResultEntity, @Ctx() context: DepartmentContext): Promise<boolean> {
      const needed = referralNeeded(parseResultCodes(row.resultCodes));
      if (!needed) return false;
      const sent = (await context.loaders.referralsSentByInspection.load(row.inspectionId)).length;
      return referralOverdue({ needed, sent, deadline: referralDeadline(row.signedOn), today: chinaDateOf(new Date()) });
    }

    @FieldResolver(() => ResultContentType, { nullable: true, description: '首次公示的内容（更正不覆盖）' })
    original(@Root() row: ResultEntity): ResultContent | null {
      return row.publishedRecord ? (JSON.parse(row.publishedRecord) as ResultContent) : null;
    }

    @FieldResolver(() => [ResultChangeType], { description: '公示后的更正（修改前后、理由）' })
    async corrections(@Root() row: ResultEntity, @Ctx() context: DepartmentContext) {
      return (await context.loaders.resultChangesByResult.load(row.id)).filter((change) => change.kind === 'CORRECT').map(changeView);
    }

    @FieldResolver(() => [ResultChangeType], { description: '全部操作记录：录入、退回、公示、更正' })
    async history(@Root() row: ResultEntity, @Ctx() context: DepartmentContext) {
      return (await context.loaders.resultChangesByResult.load(row.id)).map(changeView);
    }
  }

  @ObjectType(`${prefix}ResultConnection`)
  class ResultConnection extends Connection(ResultType) {}

  @Resolver(() => inspectionType)
  class InspectionResultResolver {
    @FieldResolver(() => ResultType, { name: `${department}Result`, nullable: true, description: `${name}的检查结果；检查完成签字前为空` })
    async result(@Root() inspection: { id: string }, @Ctx() context: DepartmentContext): Promise<ResultEntity | null> {
      requireResultReader(context, department);
      return context.loaders.resultByInspection.load(inspection.id);
    }
  }

  @Resolver()
  class ResultResolver {
    readonly service = dataSource ? new ResultService(dataSource, department, hooks) : null;

    @Query(() => ResultType, { name: `${department}Result`, nullable: true, description: `${name}对某次检查的检查结果` })
    async result(@Arg('inspectionId', () => ID) inspectionId: string, @Ctx() context: DepartmentContext): Promise<ResultEntity | null> {
      requireResultReader(context, department);
      return context.loaders.resultByInspection.load(inspectionId);
    }

    @Query(() => ResultConnection, { name: `${department}Results`, description: `${name}的检查结果工作台：按公示期限排序，可按状态、是否超期筛选` })
    async results(
      @Args() page: PageArgs,
      @Arg('status', () => ResultStatus, { nullable: true }) status: ResultStatus | null,
      @Arg('overdue', () => Boolean, { nullable: true, description: 'true 只看超期未公示的；false 只看未超期的' }) overdue: boolean | null,
      @Args() scope: ResultScopeArgs,
      @Ctx() context: DepartmentContext,
    ): Promise<Page<ResultEntity>> {
      requireResultReader(context, department);
      return this.service!.list({ ...scope, status, overdue, first: page.first, offset: decodeCursor(page.after), today: chinaDateOf(new Date()) });
    }

    @Mutation(() => ResultType, { name: `${department}EnterResult`, description: `录入${name}的检查结果并提交审核（本检查组的本部门执法人员或本部门管理员）` })
    async enter(@Arg('input') input: EnterResultInput, @Ctx() context: DepartmentContext): Promise<ResultEntity> {
      return this.write(context, input.inspectionId, 'result entered', (principal) => this.service!.enter(input, principal));
    }

    @Mutation(() => ResultType, { name: `${department}ReturnResult`, description: `退回${name}的检查结果，须说明理由（本部门管理员）` })
    async returnResult(@Arg('input') input: ReturnResultInput, @Ctx() context: DepartmentContext): Promise<ResultEntity> {
      return this.write(context, input.inspectionId, 'result returned', (principal) => this.service!.returnForReentry(input, principal));
    }

    @Mutation(() => ResultType, { name: `${department}PublishResult`, description: `审核通过并公示${name}的检查结果（本部门管理员，R-PUB-1）` })
    async publish(@Arg('input') input: PublishResultInput, @Ctx() context: DepartmentContext): Promise<ResultEntity> {
      return this.write(context, input.inspectionId, 'result published', (principal) => this.service!.publish(input, principal));
    }

    @Mutation(() => ResultType, { name: `${department}CorrectResult`, description: `更正${name}已公示的检查结果，须说明理由（原公示内容保留）` })
    async correct(@Arg('input') input: CorrectResultInput, @Ctx() context: DepartmentContext): Promise<ResultEntity> {
      return this.write(context, input.inspectionId, 'result corrected', (principal) => this.service!.correct(input, principal));
    }

    /** Every write: the department's own staff only (R-PUB-2), one log line. */
    async write(context: DepartmentContext, inspectionId: string, event: string, run: (principal: Principal) => Promise<ResultEntity>): Promise<ResultEntity> {
      const principal = requireDepartment(context, department);
      const result = await run(principal);
      context.logger.info({ inspectionId, version: result.version, status: result.status, by: principal.userId }, event);
      return result;
    }
  }

  return [ResultFieldsResolver, InspectionResultResolver, ResultResolver];
}
