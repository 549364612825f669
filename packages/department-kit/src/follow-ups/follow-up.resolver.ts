import { Arg, Args, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { FollowUpScopeArgs } from '../progress/progress.args';
import type { DataSource } from 'typeorm';
import { chinaDateOf, DEPARTMENT_NAMES, mayManageOffice, type Department } from '@dr/domain';
import { Connection, decodeCursor, forbidden, PageArgs, requireDepartment, requirePrincipal, type Page } from '@dr/subgraph-kit';
import type { DepartmentContext } from '../loaders';
import { workingDaysLeft } from '../results/result-deadline';
import { RecordReinspectionInput } from './dtos/follow-up.inputs';
import { FollowUpState, ReinspectionOutcome } from './follow-up.enums';
import type { FollowUpEntity } from './follow-up.entity';
import { FollowUpService } from './follow-up.service';

/**
 * Follow-up types, queries and mutations of one department (`CultureFollowUp`, `cultureFollowUps`,
 * `cultureRecordReinspection`), R-PUB-3.
 */
export function buildFollowUpResolvers(department: Department, prefix: string, dataSource?: DataSource): Function[] {
  const name = DEPARTMENT_NAMES[department].full;

  @ObjectType(`${prefix}FollowUp`, { description: `${name}对责令限期改正的后续监管（复查）任务（R-PUB-3）` })
  class FollowUpType {
    @Field(() => ID)
    id: string;

    @Field(() => ID)
    inspectionId: string;

    @Field(() => ID, { description: '所依据的责令' })
    orderId: string;

    @Field(() => ID)
    venueId: string;

    @Field({ description: '检查对象名称' })
    venueName: string;

    @Field({ description: '责令内容' })
    orderContent: string;

    @Field({ description: '责令之日（检查日期）' })
    orderedOn: string;

    @Field({ description: '改正期限' })
    rectificationDeadline: string;

    @Field(() => String, { nullable: true, description: '应复查日期' })
    dueOn: string | null;

    @Field(() => FollowUpState)
    state: FollowUpState;

    @Field(() => ReinspectionOutcome, { nullable: true, description: '复查结论' })
    outcome: ReinspectionOutcome | null;

    @Field(() => String, { nullable: true, description: '复查日期' })
    reinspectedOn: string | null;

    @Field(() => String, { nullable: true, description: '复查意见' })
    opinion: string | null;

    @Field(() => String, { nullable: true, description: '复查人' })
    reinspectedByName: string | null;

    @Field(() => Int, { description: '版本号，每次修改加一' })
    version: number;
  }

  @Resolver(() => FollowUpType)
  class FollowUpFieldsResolver {
    @FieldResolver(() => Boolean, { description: '是否已过应复查日期仍未复查' })
    overdue(@Root() row: FollowUpEntity): boolean {
      return row.state === 'OPEN' && row.dueOn !== null && row.dueOn < chinaDateOf(new Date());
    }

    @FieldResolver(() => Int, { nullable: true, description: '距应复查日期还剩的工作日（已过期为负数）；已办结或无日期时为空' })
    workingDaysLeft(@Root() row: FollowUpEntity): number | null {
      if (row.state !== 'OPEN' || !row.dueOn) return null;
      return workingDaysLeft(chinaDateOf(new Date()), row.dueOn);
    }
  }

  @ObjectType(`${prefix}FollowUpConnection`)
  class FollowUpConnection extends Connection(FollowUpType) {}

  @Resolver()
  class FollowUpResolver {
    readonly service = dataSource ? new FollowUpService(dataSource, department) : null;

    @Query(() => FollowUpConnection, { name: `${department}FollowUps`, description: `${name}的复查任务，按应复查日期排序` })
    async followUps(
      @Args() page: PageArgs,
      @Arg('state', () => FollowUpState, { nullable: true }) state: FollowUpState | null,
      @Arg('dueWithinWorkingDays', () => Int, { nullable: true, description: '只看今天起若干个工作日内到期（含已过期）的待复查任务' }) dueWithinWorkingDays: number | null,
      @Args() scope: FollowUpScopeArgs,
      @Ctx() context: DepartmentContext,
    ): Promise<Page<FollowUpEntity>> {
      const principal = requirePrincipal(context);
      if (principal.department !== department && !mayManageOffice(principal)) throw forbidden(`只有${name}的人员和联席办可以查看本部门的复查任务`);
      return this.service!.list({ ...scope, state, dueWithinWorkingDays, first: page.first, offset: decodeCursor(page.after), today: chinaDateOf(new Date()) });
    }

    @Mutation(() => FollowUpType, { name: `${department}RecordReinspection`, description: `记录${name}的复查结论并办结任务（本部门人员，R-PUB-3）` })
    async recordReinspection(@Arg('input') input: RecordReinspectionInput, @Ctx() context: DepartmentContext): Promise<FollowUpEntity> {
      const principal = requireDepartment(context, department);
      const row = await this.service!.recordReinspection(input, principal);
      context.logger.info({ followUpId: row.id, outcome: row.outcome, by: principal.userId }, 'follow-up closed');
      return row;
    }
  }

  return [FollowUpFieldsResolver, FollowUpResolver];
}
