import { Arg, Ctx, Directive, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { DEPARTMENT_NAMES, type Department } from '@dr/domain';
import { buildFederatedSchema, DepartmentEnum, requireDepartment, requirePrincipal } from '@dr/subgraph-kit';
import { ItemOutcome, SectionStatus } from './enums';
import { RecordItemOutcomeInput } from './dtos/record-item-outcome.input';
import { SectionService, toSectionView, type SectionView } from './section.service';
import type { CheckItemEntity } from './entities';
import type { DepartmentContext } from './loaders';

/** `culture` → `Culture`: the prefix of the department's type and operation names. */
function typePrefix(department: Department): string {
  return department[0].toUpperCase() + department.slice(1);
}

/**
 * Builds one department's subgraph schema. The three departments share this shape (check items, a
 * section per inspection), but each names its own types (`CultureSection`, `cultureRecordItemOutcome`)
 * so the supergraph never confuses whose record is whose, and each can grow fields of its own.
 */
export function buildDepartmentSchema(department: Department, dataSource?: DataSource) {
  const prefix = typePrefix(department);
  const name = DEPARTMENT_NAMES[department].full;

  @ObjectType(`${prefix}CheckItem`, { description: `${name}的抽查事项（R-ITEM-4：随方案版本化的数据）` })
  class CheckItemType {
    @Field(() => ID)
    id: string;

    @Field(() => ID)
    planId: string;

    @Field(() => DepartmentEnum)
    department: Department;

    @Field({ description: '事项代码' })
    code: string;

    @Field({ description: '检查事项' })
    title: string;

    @Field({ description: '检查依据' })
    legalBasis: string;

    @Field(() => Int)
    order: number;
  }

  @ObjectType(`${prefix}SectionItem`)
  class SectionItemType {
    @Field(() => CheckItemType)
    checkItem: CheckItemEntity;

    @Field(() => ItemOutcome, { nullable: true, description: '检查结果；未检查时为空' })
    outcome: ItemOutcome | null;

    @Field(() => String, { nullable: true })
    note: string | null;
  }

  @ObjectType(`${prefix}Section`, { description: `${name}在一次联合检查中的检查记录` })
  class SectionType {
    @Field(() => ID)
    inspectionId: string;

    @Field(() => DepartmentEnum)
    department: Department;

    @Field(() => SectionStatus)
    status: SectionStatus;

    @Field(() => [SectionItemType])
    items: SectionItemType[];

    @Field(() => Int, { description: '版本号，每次修改加一' })
    version: number;

    @Field(() => Date, { nullable: true })
    updatedAt: Date | null;
  }

  /** The office's Inspection, extended with this department's section. */
  @ObjectType('Inspection')
  @Directive('@key(fields: "id")')
  class InspectionReference {
    @Field(() => ID)
    id: string;

    @Field(() => ID)
    @Directive('@external')
    planId: string;
  }

  @Resolver(() => InspectionReference)
  class InspectionSectionResolver {
    @FieldResolver(() => SectionType, { name: `${department}Section`, nullable: true, description: `${name}的检查记录` })
    @Directive('@requires(fields: "planId")')
    async section(@Root() inspection: InspectionReference, @Ctx() context: DepartmentContext): Promise<SectionView> {
      requirePrincipal(context);
      const [checkItems, sections] = await Promise.all([
        context.loaders.checkItemsByPlan.load(inspection.planId),
        context.loaders.sectionsByInspection.load(inspection.id),
      ]);
      const recorded = sections[0] ? await context.loaders.itemsBySection.load(sections[0].id) : [];
      return toSectionView(department, inspection.id, checkItems, sections[0], recorded);
    }
  }

  @Resolver()
  class DepartmentResolver {
    private readonly sections = dataSource ? new SectionService(dataSource, department) : null;

    @Query(() => [CheckItemType], { name: `${department}CheckItems`, description: `${name}在某方案下的抽查事项清单` })
    async checkItems(@Arg('planId', () => ID) planId: string, @Ctx() context: DepartmentContext): Promise<CheckItemEntity[]> {
      requirePrincipal(context);
      return context.loaders.checkItemsByPlan.load(planId);
    }

    @Mutation(() => SectionType, { name: `${department}RecordItemOutcome`, description: `记录${name}一项检查事项的结果（仅本部门人员）` })
    async recordItemOutcome(@Arg('input') input: RecordItemOutcomeInput, @Ctx() context: DepartmentContext): Promise<SectionView> {
      const principal = requireDepartment(context, department);
      const view = await this.sections!.recordItemOutcome(input, principal);
      context.logger.info({ inspectionId: input.inspectionId, checkItemId: input.checkItemId, outcome: input.outcome, by: principal.userId }, 'item outcome recorded');
      return view;
    }
  }

  return buildFederatedSchema(
    { resolvers: [InspectionSectionResolver, DepartmentResolver], orphanedTypes: [InspectionReference] },
    // The gateway sends `{ id, planId }` (planId via @requires); the section resolver needs no more.
    { Inspection: { __resolveReference: (reference: InspectionReference) => reference } },
  );
}
