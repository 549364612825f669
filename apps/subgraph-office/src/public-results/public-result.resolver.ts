import { Arg, Args, ArgsType, Field, Query, Resolver } from 'type-graphql';
import { ValidateNested } from 'class-validator';
import { decodeCursor, PageArgs, toPage } from '@dr/subgraph-kit';
import type { DataSource } from 'typeorm';
import { PublicResultService } from './public-result.service';
import { PublicResultConnection, PublicResultFilter, PublicResultPlan, PublicVenueResults } from './public-result.types';

@ArgsType()
class PublicResultsArgs extends PageArgs {
  @Field(() => PublicResultFilter, { nullable: true })
  @ValidateNested()
  filter?: PublicResultFilter | null;
}

/**
 * 一公开: the published results, open to anyone. These are the only office queries that need no login;
 * they read nothing but the public read model filled by the departments' events.
 */
@Resolver()
export class PublicResultResolver {
  private readonly service: PublicResultService;

  constructor(dataSource: DataSource) {
    this.service = new PublicResultService(dataSource);
  }

  @Query(() => PublicResultConnection, { description: '抽查检查结果公示（无需登录；按公示日期倒序、再按名称）' })
  async publicResults(@Args() args: PublicResultsArgs): Promise<PublicResultConnection> {
    const offset = decodeCursor(args.after);
    const { nodes, total } = await this.service.page(args.filter ?? {}, offset, args.first);
    return toPage(nodes, total, offset);
  }

  @Query(() => [PublicResultPlan], { description: '有公示结果的实施方案（无需登录）' })
  async publicResultPlans(): Promise<PublicResultPlan[]> {
    return this.service.plans();
  }

  @Query(() => PublicVenueResults, { nullable: true, description: '一个检查对象的全部公示结果（无需登录）；没有公示结果时为空' })
  async publicVenueResults(@Arg('uscc') uscc: string): Promise<PublicVenueResults | null> {
    return this.service.venue(uscc);
  }
}
