import { Args, ArgsType, Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { Like, type DataSource, type FindOptionsWhere } from 'typeorm';
import { Connection, decodeCursor, PageArgs, requirePrincipal, toPage } from '@dr/subgraph-kit';
import { Venue } from './venue.entity';
import type { OfficeContext } from '../loaders';

@ObjectType()
export class VenueConnection extends Connection(Venue) {}

@ArgsType()
export class VenueFilterArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: '所属街道' })
  @MaxLength(50, { message: '街道名称过长' })
  street?: string | null;

  @Field(() => String, { nullable: true, description: '名称或统一社会信用代码（包含）' })
  @MaxLength(50, { message: '搜索内容不能超过 50 个字符' })
  search?: string | null;
}

@Resolver(() => Venue)
export class VenueResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => VenueConnection, { description: '检查对象名录库' })
  async venues(@Args() args: VenueFilterArgs, @Ctx() context: OfficeContext): Promise<VenueConnection> {
    requirePrincipal(context);
    const offset = decodeCursor(args.after);
    const base: FindOptionsWhere<Venue> = args.street ? { street: args.street } : {};
    const pattern = args.search ? `%${args.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const where = pattern ? [{ ...base, name: Like(pattern) }, { ...base, uscc: Like(pattern) }] : base;
    const [nodes, total] = await this.dataSource.getRepository(Venue).findAndCount({ where, order: { name: 'ASC', id: 'ASC' }, skip: offset, take: args.first });
    return toPage(nodes, total, offset);
  }
}
