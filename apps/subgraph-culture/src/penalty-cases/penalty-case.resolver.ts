import { Arg, Args, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { DepartmentContext, DepartmentDependencies } from '@dr/department-kit';
import { Connection, decodeCursor, PageArgs, requirePrincipal, type Page } from '@dr/subgraph-kit';
import { AdvancePenaltyCaseInput, FilePenaltyCaseInput } from './dtos/penalty-case.inputs';
import type { PenaltyCaseEntity } from './penalty-case.entity';
import { CulturePenaltyCaseState } from './penalty-case.enums';
import { PenaltyCaseService } from './penalty-case.service';

@ObjectType('CulturePenaltyCase', { description: '行政处罚案件：检查结果为“发现问题待后续处理”（代码 8）公示后移交，由文广旅管理员立案并推进' })
export class CulturePenaltyCaseType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  inspectionId: string;

  @Field(() => ID)
  venueId: string;

  @Field({ description: '检查对象名称' })
  venueName: string;

  @Field(() => String, { nullable: true, description: '移交时的检查结果说明' })
  summary: string | null;

  @Field({ description: '移交日期（检查结果公示之日）' })
  handedOffOn: string;

  @Field(() => String, { nullable: true, description: '立案号' })
  caseNumber: string | null;

  @Field(() => String, { nullable: true, description: '立案日期' })
  filedOn: string | null;

  @Field(() => CulturePenaltyCaseState)
  state: CulturePenaltyCaseState;

  @Field({ description: '进入当前阶段的日期' })
  stateOn: string;

  @Field(() => String, { nullable: true, description: '最近办理人' })
  updatedByName: string | null;

  @Field(() => Int, { description: '版本号，每次变更加一' })
  version: number;
}

@ObjectType('CulturePenaltyCaseConnection')
export class CulturePenaltyCaseConnection extends Connection(CulturePenaltyCaseType) {}

@Resolver()
export class PenaltyCaseResolver {
  private readonly cases: PenaltyCaseService;

  constructor({ dataSource }: DepartmentDependencies) {
    this.cases = new PenaltyCaseService(dataSource);
  }

  @Query(() => CulturePenaltyCaseConnection, { name: 'culturePenaltyCases', description: '移交的行政处罚案件（文广旅人员和联席办），先移交的在前' })
  async penaltyCases(
    @Args() page: PageArgs,
    @Arg('state', () => CulturePenaltyCaseState, { nullable: true }) state: CulturePenaltyCaseState | null,
    @Ctx() context: DepartmentContext,
  ): Promise<Page<PenaltyCaseEntity>> {
    return this.cases.list(requirePrincipal(context), { state, first: page.first, offset: decodeCursor(page.after) });
  }

  @Mutation(() => CulturePenaltyCaseType, { name: 'cultureFilePenaltyCase', description: '立案：填写立案号和立案日期（文广旅管理员）' })
  async file(@Arg('input') input: FilePenaltyCaseInput, @Ctx() context: DepartmentContext): Promise<PenaltyCaseEntity> {
    const principal = requirePrincipal(context);
    const row = await this.cases.file(input, principal);
    context.logger.info({ caseId: row.id, by: principal.userId }, 'penalty case filed');
    return row;
  }

  @Mutation(() => CulturePenaltyCaseType, { name: 'cultureAdvancePenaltyCase', description: '案件进入下一阶段：调查、处罚决定、结案（文广旅管理员）' })
  async advance(@Arg('input') input: AdvancePenaltyCaseInput, @Ctx() context: DepartmentContext): Promise<PenaltyCaseEntity> {
    const principal = requirePrincipal(context);
    const row = await this.cases.advance(input, principal);
    context.logger.info({ caseId: row.id, state: row.state, by: principal.userId }, 'penalty case advanced');
    return row;
  }
}
