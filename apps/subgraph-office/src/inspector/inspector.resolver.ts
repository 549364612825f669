import { Args, ArgsType, Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import type { Department } from '@dr/domain';
import { Connection, decodeCursor, DepartmentEnum, PageArgs, requirePrincipal, toPage } from '@dr/subgraph-kit';
import { Inspector } from './inspector.entity';
import type { OfficeContext } from '../loaders';

@ObjectType()
export class InspectorConnection extends Connection(Inspector) {}

@ArgsType()
export class InspectorFilterArgs extends PageArgs {
  @Field(() => DepartmentEnum, { nullable: true, description: '所属部门' })
  department?: Department | null;
}

@Resolver(() => Inspector)
export class InspectorResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => InspectorConnection, { description: '执法检查人员名录库' })
  async inspectors(@Args() args: InspectorFilterArgs, @Ctx() context: OfficeContext): Promise<InspectorConnection> {
    requirePrincipal(context);
    const offset = decodeCursor(args.after);
    const [nodes, total] = await this.dataSource.getRepository(Inspector).findAndCount({
      where: args.department ? { department: args.department } : {},
      order: { department: 'ASC', certificateNumber: 'ASC' },
      skip: offset,
      take: args.first,
    });
    return toPage(nodes, total, offset);
  }
}
