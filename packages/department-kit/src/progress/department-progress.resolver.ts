import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { chinaDateOf, DEPARTMENT_NAMES, mayManageOffice, resultLabel, type Department } from '@dr/domain';
import { forbidden, requirePrincipal } from '@dr/subgraph-kit';
import type { DepartmentContext } from '../loaders';
import { DepartmentProgressService } from './department-progress.service';

/**
 * `<department>Progress(planId)`: the department's part of the plan's dashboard (entered → published →
 * followed up), counted from its own tables. Each number drills into `<department>Results` or
 * `<department>FollowUps` with the filters named in its description.
 */
export function buildProgressResolvers(department: Department, prefix: string, dataSource?: DataSource): Function[] {
  const name = DEPARTMENT_NAMES[department].full;

  @ObjectType(`${prefix}StreetProgress`, { description: '一个街道的检查结果进度' })
  class StreetProgressType {
    @Field({ description: '所属街道' })
    street: string;

    @Field(() => Int, { description: '已形成检查结果（已签字）：results(planId, street)' })
    formed: number;

    @Field(() => Int, { description: '已录入（待审核或已公示）：results(planId, street, entered: true)' })
    entered: number;

    @Field(() => Int, { description: '已公示：results(planId, street, status: PUBLISHED)' })
    published: number;
  }

  @ObjectType(`${prefix}ResultCodeCount`, { description: '已公示结果中某一检查结果代码的数量' })
  class ResultCodeCountType {
    @Field(() => Int, { description: '检查结果代码（R-RES-2）' })
    code: number;

    @Field({ description: '代码含义' })
    label: string;

    @Field(() => Int, { description: 'results(planId, status: PUBLISHED, resultCode)' })
    count: number;
  }

  @ObjectType(`${prefix}StatusCounts`, { description: '各状态的检查结果数' })
  class StatusCountsType {
    @Field(() => Int, { description: '待录入' })
    pendingEntry: number;

    @Field(() => Int, { description: '待审核' })
    pendingReview: number;

    @Field(() => Int, { description: '退回' })
    returned: number;

    @Field(() => Int, { description: '已公示' })
    published: number;
  }

  @ObjectType(`${prefix}FollowUpCounts`, { description: '复查任务' })
  class FollowUpCountsType {
    @Field(() => Int, { description: '全部：followUps(planId)' })
    total: number;

    @Field(() => Int, { description: '待复查：followUps(planId, state: OPEN)' })
    open: number;

    @Field(() => Int, { description: '整改到位：followUps(planId, outcome: RECTIFIED)' })
    rectified: number;
  }

  @ObjectType(`${prefix}OverdueCounts`, { description: '超期事项' })
  class OverdueCountsType {
    @Field(() => Int, { description: '超期未公示：results(planId, overdue: true)（R-PUB-1）' })
    publications: number;

    @Field(() => Int, { description: '超期未移送：results(planId, referralOverdue: true)（R-RES-3）' })
    referrals: number;

    @Field(() => Int, { description: '超期未复查：followUps(planId, overdue: true)（R-PUB-3）' })
    followUps: number;
  }

  @ObjectType(`${prefix}Progress`, { description: `${name}在一个方案中的进度：由本部门的检查结果和复查任务统计` })
  class ProgressType {
    @Field(() => ID)
    planId: string;

    @Field(() => StatusCountsType)
    byStatus: StatusCountsType;

    @Field(() => [StreetProgressType], { description: '按街道' })
    byStreet: StreetProgressType[];

    @Field(() => [ResultCodeCountType], { description: '已公示结果的代码分布（一条结果有两个代码时各计一次）' })
    resultCodes: ResultCodeCountType[];

    @Field(() => Int, { description: '发现问题（已公示且代码不只 1、9）：results(planId, status: PUBLISHED, problemFound: true)' })
    problemsFound: number;

    @Field(() => FollowUpCountsType)
    followUps: FollowUpCountsType;

    @Field(() => OverdueCountsType)
    overdue: OverdueCountsType;
  }

  @Resolver()
  class ProgressResolver {
    readonly service = dataSource ? new DepartmentProgressService(dataSource) : null;

    @Query(() => ProgressType, { name: `${department}Progress`, description: `${name}的方案进度看板（本部门人员和联席办）` })
    async progress(@Arg('planId', () => ID) planId: string, @Ctx() context: DepartmentContext): Promise<ProgressType> {
      const principal = requirePrincipal(context);
      if (principal.department !== department && !mayManageOffice(principal)) throw forbidden(`只有${name}的人员和联席办可以查看本部门的进度`);
      const figures = await this.service!.progress(planId, chinaDateOf(new Date()));
      const { PENDING_ENTRY, PENDING_REVIEW, RETURNED, PUBLISHED } = figures.byStatus;
      return {
        planId,
        byStatus: { pendingEntry: PENDING_ENTRY, pendingReview: PENDING_REVIEW, returned: RETURNED, published: PUBLISHED },
        byStreet: figures.byStreet,
        resultCodes: figures.resultCodes.map((row) => ({ ...row, label: resultLabel(row.code) ?? '' })),
        problemsFound: figures.problemsFound,
        followUps: figures.followUps,
        overdue: figures.overdue,
      };
    }
  }

  return [ProgressResolver];
}
