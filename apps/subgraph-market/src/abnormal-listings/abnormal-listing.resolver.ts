import { Arg, Args, Ctx, Field, ID, Int, Mutation, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import type { DepartmentContext, DepartmentDependencies } from '@dr/department-kit';
import { Connection, decodeCursor, PageArgs, requirePrincipal, type Page } from '@dr/subgraph-kit';
import type { AbnormalListingEntity } from './abnormal-listing.entity';
import { AbnormalListingService } from './abnormal-listing.service';
import { ConfirmAbnormalListingInput, WithdrawAbnormalListingInput } from './dtos/abnormal-listing.inputs';

export enum MarketAbnormalListingState {
  PROPOSED = 'PROPOSED',
  CONFIRMED = 'CONFIRMED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(MarketAbnormalListingState, {
  name: 'MarketAbnormalListingState',
  description: '列入经营异常名录建议的状态',
  valuesConfig: { PROPOSED: { description: '待确认' }, CONFIRMED: { description: '已确认列入' }, WITHDRAWN: { description: '已撤回' } },
});

@ObjectType('MarketAbnormalListing', { description: '列入经营异常名录的建议：检查结果为“无法联系”（代码 4）公示后产生，由市场监管管理员确认或撤回' })
export class MarketAbnormalListingType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  inspectionId: string;

  @Field(() => ID)
  venueId: string;

  @Field({ description: '企业名称' })
  venueName: string;

  @Field({ description: '统一社会信用代码' })
  venueUscc: string;

  @Field({ description: '列入事由' })
  reason: string;

  @Field({ description: '列入依据' })
  legalBasis: string;

  @Field(() => MarketAbnormalListingState)
  state: MarketAbnormalListingState;

  @Field({ description: '建议日期（检查结果公示之日）' })
  proposedOn: string;

  @Field(() => String, { nullable: true, description: '确认或撤回日期' })
  decidedOn: string | null;

  @Field(() => String, { nullable: true, description: '处理人' })
  decidedByName: string | null;

  @Field(() => String, { nullable: true, description: '撤回理由' })
  withdrawReason: string | null;

  @Field(() => Int, { description: '版本号，每次处理加一' })
  version: number;
}

@ObjectType('MarketAbnormalListingConnection')
export class MarketAbnormalListingConnection extends Connection(MarketAbnormalListingType) {}

@Resolver()
export class AbnormalListingResolver {
  private readonly listings: AbnormalListingService;

  constructor({ dataSource }: DepartmentDependencies) {
    this.listings = new AbnormalListingService(dataSource);
  }

  @Query(() => MarketAbnormalListingConnection, { name: 'marketAbnormalListings', description: '列入经营异常名录的建议（市场监管人员和联席办），待确认的在前' })
  async abnormalListings(
    @Args() page: PageArgs,
    @Arg('state', () => MarketAbnormalListingState, { nullable: true }) state: MarketAbnormalListingState | null,
    @Ctx() context: DepartmentContext,
  ): Promise<Page<AbnormalListingEntity>> {
    return this.listings.list(requirePrincipal(context), { state, first: page.first, offset: decodeCursor(page.after) });
  }

  @Mutation(() => MarketAbnormalListingType, { name: 'marketConfirmAbnormalListing', description: '确认列入经营异常名录（市场监管管理员）' })
  async confirm(@Arg('input') input: ConfirmAbnormalListingInput, @Ctx() context: DepartmentContext): Promise<AbnormalListingEntity> {
    const principal = requirePrincipal(context);
    const row = await this.listings.confirm(input, principal);
    context.logger.info({ listingId: row.id, by: principal.userId }, 'abnormal listing confirmed');
    return row;
  }

  @Mutation(() => MarketAbnormalListingType, { name: 'marketWithdrawAbnormalListing', description: '撤回列入经营异常名录的建议（市场监管管理员，须说明理由）' })
  async withdraw(@Arg('input') input: WithdrawAbnormalListingInput, @Ctx() context: DepartmentContext): Promise<AbnormalListingEntity> {
    const principal = requirePrincipal(context);
    const row = await this.listings.withdraw(input, principal);
    context.logger.info({ listingId: row.id, by: principal.userId }, 'abnormal listing withdrawn');
    return row;
  }
}
