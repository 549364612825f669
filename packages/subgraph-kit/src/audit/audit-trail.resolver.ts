import { Args, Arg, Ctx, Field, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import type { DataSource } from 'typeorm';
import type { Principal } from '@dr/domain';
import { requirePrincipal, type RequestContext } from '../context';
import { Connection, decodeCursor, PageArgs, toPage, type Page } from '../pagination';
import { SafeText } from '../input-rules';
import type { AuditEntryEntity } from './audit.entities';
import { appendAudit, auditHead } from './audit-writer';
import { AuditTrailService, checkAuditFilter } from './audit-trail';

/** Options of {@link buildAuditTrailResolvers}. */
export interface AuditTrailSchemaOptions {
  /** The subgraph (`office`, `culture` …): the query is `<source>AuditTrail`. */
  source: string;
  /** Prefix of the type names (`Office`, `Culture` …), so no two subgraphs declare the same type. */
  typePrefix: string;
  /** The trail's owner in Chinese (`联席办`, `文化广电和旅游局`), for descriptions. */
  ownerName: string;
  /** Throws FORBIDDEN unless `principal` may read this trail. */
  authorize: (principal: Principal) => void;
  /** Absent when the schema is built only for printing. */
  dataSource?: DataSource;
}

/**
 * The query `<source>AuditTrail(filter, first, after)` and its types (`<Prefix>AuditEntry` …): a paged
 * search of the subgraph's own trail, newest first, with the chain head to anchor. Reading is audited.
 */
export function buildAuditTrailResolvers(options: AuditTrailSchemaOptions): Function[] {
  const { typePrefix: prefix, ownerName } = options;

  @ObjectType(`${prefix}AuditEntry`, { description: `${ownerName}审计日志的一条记录` })
  class AuditEntryType {
    @Field(() => Int, { description: '序号（从 1 起连续）' })
    seq: number;

    @Field(() => Date, { description: '时间' })
    at: Date;

    @Field(() => String, { nullable: true, description: '用户编号' })
    actorUserId: string | null;

    @Field({ description: '用户名（登录失败时为所填用户名；system 为系统后台操作）' })
    actorUsername: string;

    @Field(() => String, { nullable: true, description: '角色' })
    actorRole: string | null;

    @Field(() => String, { nullable: true, description: '部门' })
    actorDepartment: string | null;

    @Field(() => String, { nullable: true, description: '来源地址' })
    clientAddress: string | null;

    @Field({ description: '操作：insert / update / delete / login / file.read / audit.read / audit.export' })
    action: string;

    @Field({ description: '对象类型（数据表或文件种类）' })
    objectType: string;

    @Field(() => String, { nullable: true, description: '对象编号' })
    objectId: string | null;

    @Field({ description: 'SUCCEEDED 成功 / FAILED 失败 / REFUSED 拒绝' })
    outcome: string;

    @Field({ description: '详情（JSON）' })
    detail: string;

    @Field()
    prevHash: string;

    @Field()
    hash: string;
  }

  @ObjectType(`${prefix}AuditHead`, { description: '审计链的链头：最后一条的序号与哈希（可抄录到库外留存）' })
  class AuditHeadType {
    @Field(() => Int)
    seq: number;

    @Field()
    hash: string;
  }

  @ObjectType(`${prefix}AuditTrail`, { description: `${ownerName}的审计日志（分页）` })
  class AuditTrailType extends Connection(AuditEntryType) {
    @Field(() => AuditHeadType, { nullable: true, description: '查询时的链头' })
    head: AuditHeadType | null;
  }

  @InputType(`${prefix}AuditTrailFilter`, { description: '审计日志的筛选条件（均可不填）' })
  class AuditTrailFilterInput {
    @Field(() => String, { nullable: true, description: '用户名（部分匹配）' })
    @IsOptional()
    @MaxLength(64, { message: '用户名最多 64 个字' })
    @SafeText({ label: '用户' })
    user?: string | null;

    @Field(() => String, { nullable: true, description: '对象类型' })
    @IsOptional()
    @MaxLength(64, { message: '对象类型最多 64 个字' })
    @SafeText({ label: '对象类型' })
    objectType?: string | null;

    @Field(() => String, { nullable: true, description: '对象编号' })
    @IsOptional()
    @MaxLength(200, { message: '对象编号最多 200 个字' })
    @SafeText({ label: '对象编号' })
    objectId?: string | null;

    @Field(() => String, { nullable: true, description: '操作' })
    @IsOptional()
    @MaxLength(32, { message: '操作最多 32 个字' })
    @SafeText({ label: '操作' })
    action?: string | null;

    @Field(() => Date, { nullable: true, description: '开始时间' })
    from?: Date | null;

    @Field(() => Date, { nullable: true, description: '结束时间' })
    to?: Date | null;
  }

  @Resolver()
  class AuditTrailResolver {
    private readonly trail = options.dataSource ? new AuditTrailService(options.dataSource) : null;

    @Query(() => AuditTrailType, { name: `${options.source}AuditTrail`, description: `检索${ownerName}的审计日志（按用户、对象、操作、时间；新的在前）` })
    async auditTrail(
      @Args() { first, after }: PageArgs,
      @Arg('filter', () => AuditTrailFilterInput, { nullable: true }) filter: AuditTrailFilterInput | null,
      @Ctx() context: RequestContext<unknown>,
    ): Promise<Page<AuditEntryEntity> & { head: AuditHeadType | null }> {
      options.authorize(requirePrincipal(context));
      const checked = checkAuditFilter({ ...(filter ?? {}) });
      const offset = decodeCursor(after);
      const [rows, total] = await this.trail!.search(checked, offset, first);
      const head = await auditHead(options.dataSource!);
      await appendAudit(options.dataSource!, { action: 'audit.read', objectType: 'audit_entry', detail: { filter: checked, offset } });
      return { ...toPage(rows, total, offset), head: head && { seq: head.seq, hash: head.hash } };
    }
  }

  return [AuditTrailResolver];
}
