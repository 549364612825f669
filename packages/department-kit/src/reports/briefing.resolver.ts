import { Arg, Args, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { DEPARTMENT_NAMES, mayManageOffice, type Department } from '@dr/domain';
import { Connection, decodeCursor, forbidden, PageArgs, requirePrincipal, type Page } from '@dr/subgraph-kit';
import type { DepartmentContext } from '../loaders';
import type { BriefingEntity } from './briefing.entity';
import { SubmitBriefingInput } from './briefing.inputs';
import { BriefingService } from './briefing.service';

/**
 * `<department>Briefings(planId)` and `<department>SubmitBriefing` (专项简报, R-REP-1): the department's
 * admin files them; the department's staff and the joint office (which compiles them) read them.
 */
export function buildBriefingResolvers(department: Department, prefix: string, dataSource?: DataSource): Function[] {
  const name = DEPARTMENT_NAMES[department].full;

  @ObjectType(`${prefix}Briefing`, { description: `${name}的一期专项简报（R-REP-1）` })
  class BriefingType {
    @Field(() => ID)
    id: string;

    @Field(() => ID)
    planId: string;

    @Field(() => Int, { description: '期数（第 N 期）' })
    issue: number;

    @Field({ description: '工作亮点' })
    highlights: string;

    @Field({ description: '存在问题' })
    problems: string;

    @Field({ description: '意见和建议' })
    suggestions: string;

    @Field({ description: '填报人' })
    createdByName: string;

    @Field(() => Date)
    createdAt: Date;
  }

  @ObjectType(`${prefix}BriefingConnection`)
  class BriefingConnection extends Connection(BriefingType) {}

  @Resolver()
  class BriefingResolver {
    private readonly service = dataSource ? new BriefingService(dataSource) : undefined;

    @Query(() => BriefingConnection, { name: `${department}Briefings`, description: `${name}对某实施方案报送的专项简报，最新的在前（本部门人员、联席办）` })
    async briefings(@Arg('planId', () => ID) planId: string, @Args() page: PageArgs, @Ctx() context: DepartmentContext): Promise<Page<BriefingEntity>> {
      const principal = requirePrincipal(context);
      if (principal.department !== department && !mayManageOffice(principal)) throw forbidden(`只有${name}的人员和联席办可以查看本部门的专项简报`);
      return this.service!.list(planId, page.first, decodeCursor(page.after));
    }

    @Mutation(() => BriefingType, { name: `${department}SubmitBriefing`, description: `报送${name}的一期专项简报（本部门管理员）` })
    async submit(@Arg('input') input: SubmitBriefingInput, @Ctx() context: DepartmentContext): Promise<BriefingEntity> {
      const principal = requirePrincipal(context);
      if (principal.department !== department || principal.role !== 'DEPARTMENT_ADMIN') throw forbidden(`只有${name}的管理员可以报送本部门的专项简报`);
      const row = await this.service!.submit(input, principal);
      context.logger.info({ planId: row.planId, issue: row.issue, by: principal.userId }, 'briefing submitted');
      return row;
    }
  }

  return [BriefingResolver];
}
