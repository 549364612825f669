import { Arg, Ctx, Directive, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { DEPARTMENT_NAMES, type Department, type Principal } from '@dr/domain';
import { buildAuditTrailResolvers, buildFederatedSchema, DepartmentEnum, officeOrDepartmentAdmin, requireDepartment, requirePrincipal } from '@dr/subgraph-kit';
import { ItemOutcome, OrderDelivery, OrderKind, SectionStatus } from './enums';
import { AmendSectionInput, RemoveEvidenceInput, SaveSectionInput, SubmitSectionInput } from './dtos/section.inputs';
import { SectionService, toSectionView, type AmendmentView, type SectionView } from './section.service';
import type { CheckItemEntity, EvidenceEntity, OrderEntity } from './entities';
import type { DepartmentContext } from './loaders';
import type { VisitAccessCheck } from './visit-access';
import { buildResultResolvers } from './results/result.resolver';
import { buildReferralResolvers } from './referrals/referral.resolver';
import { buildFollowUpResolvers } from './follow-ups/follow-up.resolver';
import { buildProgressResolvers } from './progress/department-progress.resolver';
import { buildBriefingResolvers } from './reports/briefing.resolver';
import type { DepartmentDependencies, DepartmentExtension } from './extension/department-extension';
import { CheckItemService } from './check-items/check-item.service';
import { ReorderCheckItemsInput, SaveCheckItemInput } from './check-items/dtos/check-item.inputs';

/** `culture` → `Culture`: the prefix of the department's type and operation names. */
function typePrefix(department: Department): string {
  return department[0].toUpperCase() + department.slice(1);
}

/**
 * Builds one department's subgraph schema. The three departments share this shape (check items, a
 * section per inspection), but each names its own types (`CultureSection`, `cultureSaveSection`)
 * so the supergraph never confuses whose record is whose, and each adds its own through `extension`
 * (ADR 0014). Without `dependencies` the schema is only for printing: no resolver is instantiated.
 */
export function buildDepartmentSchema(department: Department, extension: DepartmentExtension, dependencies?: Omit<DepartmentDependencies, 'department'>) {
  const dataSource: DataSource | undefined = dependencies?.dataSource;
  const access: VisitAccessCheck | undefined = dependencies?.access;
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

    @Field(() => Int, { description: '版本号：修改一次加一；检查记录显示检查时的版本' })
    version: number;

    @Field({ description: '检查依据待法制审核' })
    legalReviewPending: boolean;

    @Field({ description: '已随方案抽取锁定（不能再修改）' })
    frozen(): boolean {
      return (this as unknown as CheckItemEntity).frozenAt != null;
    }
  }

  @ObjectType(`${prefix}Evidence`, { description: '现场证据（照片或文件），按内容的 SHA-256 保存' })
  class EvidenceType {
    @Field(() => ID)
    id: string;

    @Field(() => ID, { nullable: true })
    checkItemId: string | null;

    @Field()
    fileName: string;

    @Field()
    contentType: string;

    @Field(() => Int, { description: '字节数' })
    size: number;

    @Field()
    sha256: string;

    @Field(() => Date)
    uploadedAt: Date;

    @Field({ description: '下载地址（需登录令牌）' })
    url(): string {
      return `/files/${department}/evidence/${this.id}`;
    }
  }

  @ObjectType(`${prefix}SectionItem`)
  class SectionItemType {
    @Field(() => CheckItemType)
    checkItem: CheckItemEntity;

    @Field(() => ItemOutcome, { nullable: true, description: '检查结果；未检查时为空' })
    outcome: ItemOutcome | null;

    @Field(() => String, { nullable: true })
    note: string | null;

    @Field(() => [EvidenceType])
    evidence: EvidenceEntity[];
  }

  @ObjectType(`${prefix}OnSiteRecord`, { description: '现场笔录' })
  class OnSiteRecordType {
    @Field({ description: '检查发现的事实' })
    facts: string;

    @Field({ description: '在场人员' })
    personsPresent: string;
  }

  @ObjectType(`${prefix}Order`, { description: '现场责令（R-VISIT-1/2）' })
  class OrderType {
    @Field(() => ID)
    id: string;

    @Field(() => OrderKind)
    kind: OrderKind;

    @Field(() => OrderDelivery)
    delivery: OrderDelivery;

    @Field()
    content: string;

    @Field(() => String, { nullable: true, description: '改正期限 YYYY-MM-DD' })
    deadline: string | null;

    @Field(() => ID, { nullable: true })
    checkItemId: string | null;
  }

  @ObjectType(`${prefix}FieldChange`, { description: '一处修改：修改前后' })
  class FieldChangeType {
    @Field()
    field: string;

    @Field()
    label: string;

    @Field(() => String, { nullable: true })
    before: string | null;

    @Field(() => String, { nullable: true })
    after: string | null;
  }

  @ObjectType(`${prefix}Amendment`, { description: '提交后的更正（原记录保留）' })
  class AmendmentType {
    @Field(() => Int)
    version: number;

    @Field()
    reason: string;

    @Field()
    amendedBy: string;

    @Field(() => Date)
    amendedAt: Date;

    @Field(() => [FieldChangeType])
    changes: FieldChangeType[];
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

    @Field(() => [Int], { description: '检查结果代码（R-RES-2）' })
    resultCodes: number[];

    @Field(() => OnSiteRecordType, { nullable: true })
    onSiteRecord: OnSiteRecordType | null;

    @Field(() => [OrderType])
    orders: OrderEntity[];

    @Field(() => [EvidenceType], { description: '本次检查的全部证据（含未关联检查事项的）' })
    evidence: EvidenceEntity[];

    @Field(() => Int, { description: '版本号，每次修改加一' })
    version: number;

    @Field(() => Date, { nullable: true })
    updatedAt: Date | null;

    @Field(() => Date, { nullable: true, description: '提交（锁定）时间' })
    submittedAt: Date | null;

    @Field(() => [AmendmentType], { description: '更正记录' })
    amendments: AmendmentView[];
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
      const { loaders } = context;
      const [checkItems, sections, evidence] = await Promise.all([
        loaders.checkItemsByPlan.load(inspection.planId),
        loaders.sectionsByInspection.load(inspection.id),
        loaders.evidenceByInspection.load(inspection.id),
      ]);
      const section = sections[0];
      const [recorded, orders, changes] = section
        ? await Promise.all([loaders.itemsBySection.load(section.id), loaders.ordersBySection.load(section.id), loaders.amendmentsBySection.load(section.id)])
        : [[], [], []];
      const ownItems = checkItems.filter((item) => item.department === department);
      return toSectionView(department, inspection.id, { checkItems: ownItems, section, recorded, orders, evidence, changes });
    }
  }

  @Resolver()
  class DepartmentResolver {
    private readonly sections = dataSource ? new SectionService(dataSource, department) : null;
    private readonly checkItemService = dataSource ? new CheckItemService(dataSource, department) : null;

    @Mutation(() => CheckItemType, { name: `${department}SaveCheckItem`, description: `新增或修改${name}在某方案下的检查事项（仅本部门管理员；修改形成新版本；方案抽取后返回 CONFLICT）` })
    async saveCheckItem(@Arg('input') input: SaveCheckItemInput, @Ctx() context: DepartmentContext): Promise<CheckItemEntity> {
      const principal = requireDepartment(context, department);
      const item = await this.checkItemService!.save(input, principal);
      context.logger.info({ planId: input.planId, checkItemId: item.id, version: item.version, by: principal.userId }, 'check item saved');
      return item;
    }

    @Mutation(() => [CheckItemType], { name: `${department}ReorderCheckItems`, description: `调整${name}检查事项的顺序（仅本部门管理员；方案抽取后返回 CONFLICT）` })
    async reorderCheckItems(@Arg('input') input: ReorderCheckItemsInput, @Ctx() context: DepartmentContext): Promise<CheckItemEntity[]> {
      const principal = requireDepartment(context, department);
      const items = await this.checkItemService!.reorder(input.planId, input.checkItemIds, principal);
      context.logger.info({ planId: input.planId, by: principal.userId }, 'check items reordered');
      return items;
    }

    @Query(() => [CheckItemType], { name: `${department}CheckItems`, description: `${name}在某方案下的抽查事项清单` })
    async checkItems(@Arg('planId', () => ID) planId: string, @Ctx() context: DepartmentContext): Promise<CheckItemEntity[]> {
      requirePrincipal(context);
      return context.loaders.checkItemsByPlan.load(planId);
    }

    @Mutation(() => SectionType, { name: `${department}SaveSection`, description: `保存${name}的检查记录草稿（仅本部门人员；版本过期返回 CONFLICT）` })
    async saveSection(@Arg('input') input: SaveSectionInput, @Ctx() context: DepartmentContext): Promise<SectionView> {
      return this.write(context, input.inspectionId, 'section saved', (principal) => this.sections!.save(input, principal));
    }

    @Mutation(() => SectionType, { name: `${department}SubmitSection`, description: `提交${name}的检查记录：各事项均已填写、结果相符；提交后锁定（R-RES-1）` })
    async submitSection(@Arg('input') input: SubmitSectionInput, @Ctx() context: DepartmentContext): Promise<SectionView> {
      return this.write(context, input.inspectionId, 'section submitted', (principal) => this.sections!.submit(input, principal));
    }

    @Mutation(() => SectionType, { name: `${department}RemoveEvidence`, description: `删除${name}检查记录中误拍、误传的证据（仅限提交前；记录与文件保留备查）` })
    async removeEvidence(@Arg('input') input: RemoveEvidenceInput, @Ctx() context: DepartmentContext): Promise<SectionView> {
      return this.write(context, input.inspectionId, 'evidence removed', (principal) => this.sections!.removeEvidence(input, principal), { evidenceId: input.evidenceId });
    }

    @Mutation(() => SectionType, { name: `${department}AmendSection`, description: `更正${name}已提交的检查记录（须说明理由，原记录保留）` })
    async amendSection(@Arg('input') input: AmendSectionInput, @Ctx() context: DepartmentContext): Promise<SectionView> {
      return this.write(context, input.inspectionId, 'section amended', (principal) => this.sections!.amend(input, principal), { reason: input.reason });
    }

    /** Every write: the department's staff only, on the visit's team (asked through the graph), one log line. */
    private async write(context: DepartmentContext, inspectionId: string, event: string, run: (principal: Principal) => Promise<SectionView>, details: Record<string, unknown> = {}): Promise<SectionView> {
      const principal = requireDepartment(context, department);
      await access?.assertMayWrite(inspectionId, principal, context.authorization);
      const view = await run(principal);
      context.logger.info({ inspectionId, version: view.version, ...details, by: principal.userId }, event);
      return view;
    }
  }

  const instances = new Map<Function, unknown>();
  return buildFederatedSchema(
    { resolvers: [InspectionSectionResolver, DepartmentResolver, ...buildResultResolvers(department, prefix, InspectionReference, extension, dataSource),
        ...buildReferralResolvers(department, prefix, dataSource),
        ...buildFollowUpResolvers(department, prefix, dataSource),
        ...buildAuditTrailResolvers({ source: department, typePrefix: prefix, ownerName: name, authorize: officeOrDepartmentAdmin(department, name), dataSource }),
        ...buildProgressResolvers(department, prefix, dataSource),
        ...buildBriefingResolvers(department, prefix, dataSource),
        ...(extension.resolvers ?? []),
      ], orphanedTypes: [InspectionReference, ...(extension.orphanedTypes ?? [])],
      // Each resolver is made once, with the department's dependencies (the kit's own ignore them).
      container: {
        get: (resolverClass: new (dependencies: DepartmentDependencies) => unknown) => {
          if (!dependencies) throw new Error('the department schema was built for printing only: resolvers have no data source');
          if (!instances.has(resolverClass)) instances.set(resolverClass, new resolverClass({ department, ...dependencies }));
          return instances.get(resolverClass);
        },
      } },
    // The gateway sends `{ id, planId }` (planId via @requires); the section resolver needs no more.
    { Inspection: { __resolveReference: (reference: InspectionReference) => reference } },
  );
}
