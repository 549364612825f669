import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { MaxLength } from 'class-validator';
import type { DataSource } from 'typeorm';
import { mayManageOffice, type Department, type Principal } from '@dr/domain';
import { auditRead, Connection, containsText, decodeCursor, DepartmentEnum, PageArgs, requirePrincipal, SafeText, toPage } from '@dr/subgraph-kit';
import { Inspector, InspectorStatus } from './inspector.entity';
import { InspectorConflict } from './conflict.entity';
import { InspectorInput } from './dtos/inspector.input';
import { InspectorService } from './inspector.service';
import type { OfficeContext } from '../loaders';

@ObjectType()
export class InspectorConnection extends Connection(Inspector) {}

@ArgsType()
export class InspectorFilterArgs extends PageArgs {
  @Field(() => DepartmentEnum, { nullable: true, description: '所属部门' })
  department?: Department | null;

  @Field(() => InspectorStatus, { nullable: true })
  status?: InspectorStatus | null;

  @Field(() => String, { nullable: true, description: '姓名或执法证号（包含）' })
  @MaxLength(50, { message: '搜索内容不能超过 50 个字符' })
  @SafeText({ label: '搜索内容' })
  search?: string | null;
}

/** Who may read an officer's conflict-of-interest declarations: the office, their department's admin, themself. */
export function mayReadConflicts(principal: Principal, inspector: Pick<Inspector, 'id' | 'department'>): boolean {
  return mayManageOffice(principal) || (principal.role === 'DEPARTMENT_ADMIN' && principal.department === inspector.department) || principal.inspectorId === inspector.id;
}

@Resolver(() => Inspector)
export class InspectorResolver {
  private readonly service: InspectorService;

  constructor(private readonly dataSource: DataSource) {
    this.service = new InspectorService(dataSource);
  }

  @Query(() => InspectorConnection, { description: '执法检查人员名录库' })
  async inspectors(@Args() args: InspectorFilterArgs, @Ctx() context: OfficeContext): Promise<InspectorConnection> {
    requirePrincipal(context);
    const offset = decodeCursor(args.after);
    const base = { ...(args.department ? { department: args.department } : {}), ...(args.status ? { status: args.status } : {}) };
    const [nodes, total] = await this.dataSource.getRepository(Inspector).findAndCount({
      where: args.search ? [{ ...base, name: containsText(args.search) }, { ...base, certificateNumber: containsText(args.search) }] : base,
      order: { department: 'ASC', certificateNumber: 'ASC' },
      skip: offset,
      take: args.first,
    });
    return toPage(nodes, total, offset);
  }

  @Mutation(() => Inspector, { description: '新增执法检查人员（联席办，或本部门管理员）' })
  async createInspector(@Arg('input') input: InspectorInput, @Ctx() context: OfficeContext): Promise<Inspector> {
    const principal = requirePrincipal(context);
    const inspector = await this.service.create(input, principal);
    context.logger.info({ inspectorId: inspector.id, by: principal.userId }, 'inspector created');
    return inspector;
  }

  @Mutation(() => Inspector, { description: '修改执法检查人员（联席办，或本部门管理员）' })
  async updateInspector(@Arg('id', () => ID) id: string, @Arg('input') input: InspectorInput, @Ctx() context: OfficeContext): Promise<Inspector> {
    const principal = requirePrincipal(context);
    const inspector = await this.service.update(id, input, principal);
    context.logger.info({ inspectorId: inspector.id, by: principal.userId }, 'inspector updated');
    return inspector;
  }

  /**
   * Declarations name the officer's relatives and former employers: null (not an error, so a list of
   * officers still answers) unless the caller may read them (`mayReadConflicts`).
   */
  @FieldResolver(() => [InspectorConflict], { nullable: true, description: '回避申报；仅联席办、本部门管理员和本人可见，其他人为空' })
  async conflicts(@Root() inspector: Inspector, @Ctx() context: OfficeContext): Promise<InspectorConflict[] | null> {
    if (!mayReadConflicts(requirePrincipal(context), inspector)) return null;
    // Whose declarations were read, and by whom, is audited (one entry per officer, one transaction per page).
    await auditRead(context, this.dataSource, 'conflict-declaration', inspector.id);
    return context.loaders.conflictsByInspector.load(inspector.id);
  }
}
