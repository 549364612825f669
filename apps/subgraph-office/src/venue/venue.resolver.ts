import { Arg, Args, ArgsType, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { MaxLength } from 'class-validator';
import type { DataSource, FindOptionsWhere } from 'typeorm';
import { Connection, containsText, decodeCursor, PageArgs, requireOffice, requirePrincipal, SafeText, toPage } from '@dr/subgraph-kit';
import { Venue, VenueStatus } from './venue.entity';
import { VenueInput } from './dtos/venue.input';
import { VenueService } from './venue.service';
import type { OfficeContext } from '../loaders';
import type { ImportService } from '../directory-import/import.service';

@ObjectType()
export class VenueConnection extends Connection(Venue) {}

@ArgsType()
export class VenueFilterArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: '所属街道' })
  @MaxLength(50, { message: '街道名称过长' })
  @SafeText({ label: '所属街道' })
  street?: string | null;

  @Field(() => String, { nullable: true, description: '名称或统一社会信用代码（包含）' })
  @MaxLength(50, { message: '搜索内容不能超过 50 个字符' })
  @SafeText({ label: '搜索内容' })
  search?: string | null;

  @Field(() => VenueStatus, { nullable: true, description: '经营状态' })
  status?: VenueStatus | null;

  @Field(() => String, { nullable: true, description: '信用风险分类' })
  @MaxLength(8)
  @SafeText({ label: '信用风险分类' })
  riskClass?: string | null;
}

@Resolver(() => Venue)
export class VenueResolver {
  private readonly service: VenueService;

  constructor(
    private readonly dataSource: DataSource,
    _auth: unknown,
    imports: ImportService | undefined,
  ) {
    // Printing the schema builds resolvers without services; nothing is resolved then.
    this.service = new VenueService(dataSource, imports?.districtStreets ?? []);
  }

  @Query(() => VenueConnection, { description: '检查对象名录库' })
  async venues(@Args() args: VenueFilterArgs, @Ctx() context: OfficeContext): Promise<VenueConnection> {
    requirePrincipal(context);
    const offset = decodeCursor(args.after);
    const base: FindOptionsWhere<Venue> = {
      ...(args.street ? { street: args.street } : {}),
      ...(args.status ? { status: args.status } : {}),
      ...(args.riskClass ? { riskClass: args.riskClass } : {}),
    };
    const where = args.search ? [{ ...base, name: containsText(args.search) }, { ...base, uscc: containsText(args.search) }] : base;
    const [nodes, total] = await this.dataSource.getRepository(Venue).findAndCount({ where, order: { name: 'ASC', id: 'ASC' }, skip: offset, take: args.first });
    return toPage(nodes, total, offset);
  }

  @Query(() => Venue, { nullable: true })
  async venue(@Arg('id', () => ID) id: string, @Ctx() context: OfficeContext): Promise<Venue | null> {
    requirePrincipal(context);
    return context.loaders.venue.load(id);
  }

  @Mutation(() => Venue, { description: '新增检查对象（仅联席办）' })
  async createVenue(@Arg('input') input: VenueInput, @Ctx() context: OfficeContext): Promise<Venue> {
    const principal = requireOffice(context);
    const venue = await this.service.create(input);
    context.logger.info({ venueId: venue.id, by: principal.userId }, 'venue created');
    return venue;
  }

  @Mutation(() => Venue, { description: '修改检查对象（仅联席办）' })
  async updateVenue(@Arg('id', () => ID) id: string, @Arg('input') input: VenueInput, @Ctx() context: OfficeContext): Promise<Venue> {
    const principal = requireOffice(context);
    const venue = await this.service.update(id, input);
    context.logger.info({ venueId: venue.id, by: principal.userId }, 'venue updated');
    return venue;
  }
}
