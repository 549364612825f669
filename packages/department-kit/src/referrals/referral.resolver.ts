import { Arg, Args, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { chinaDateOf, DEPARTMENT_NAMES, mayManageOffice, type Department, type Principal } from '@dr/domain';
import { Connection, decodeCursor, DepartmentEnum, forbidden, PageArgs, requireDepartment, requirePrincipal, type Page } from '@dr/subgraph-kit';
import type { DepartmentContext } from '../loaders';
import { workingDaysLeft } from '../results/result-deadline';
import { AcknowledgeReferralInput, AnswerReferralInput, SendReferralInput } from './dtos/referral.inputs';
import { ReferralChannel, ReferralState } from './referral.enums';
import type { ReferralReceivedEntity, ReferralSentEntity } from './referral.entity';
import { referralAnswerOverdue } from './referral-rules';
import { ReferralService } from './referral.service';

/** The department's staff read its referrals; the joint office reads every department's (read-only). */
function requireReferralReader(context: DepartmentContext, department: Department): Principal {
  const principal = requirePrincipal(context);
  if (principal.department !== department && !mayManageOffice(principal)) throw forbidden(`只有${DEPARTMENT_NAMES[department].full}的人员和联席办可以查看本部门的移送`);
  return principal;
}

/**
 * Referral types, queries and mutations of one department (`CultureReferral`, `cultureSendReferral`,
 * `cultureReferralsSent` …), R-RES-3.
 */
export function buildReferralResolvers(department: Department, prefix: string, dataSource?: DataSource): Function[] {
  const name = DEPARTMENT_NAMES[department].full;

  @ObjectType(`${prefix}Referral`, { description: `${name}移送出的涉嫌违法线索（R-RES-3）` })
  class ReferralType {
    @Field(() => ID)
    id: string;

    @Field(() => ID)
    inspectionId: string;

    @Field(() => DepartmentEnum, { nullable: true, description: '平台内的接收部门' })
    toDepartment: Department | null;

    @Field(() => String, { nullable: true, description: '平台外的接收机关' })
    toAuthority: string | null;

    @Field({ description: '涉嫌违法的事实' })
    facts: string;

    @Field({ description: '移送依据' })
    legalBasis: string;

    @Field(() => ReferralChannel, { description: '移送方式' })
    channel: ReferralChannel;

    @Field({ description: '移送日期 YYYY-MM-DD' })
    sentOn: string;

    @Field(() => String, { nullable: true, description: '移送期限：检查结果形成后 7 个工作日（R-RES-3）' })
    deadline: string | null;

    @Field(() => ReferralState)
    state: ReferralState;

    @Field(() => String, { nullable: true, description: '退回理由' })
    answerReason: string | null;

    @Field(() => String, { nullable: true, description: '接收、退回或确认收到的日期' })
    answeredOn: string | null;

    @Field(() => String, { nullable: true, description: '答复人（平台内部门）或确认收到的机关' })
    answeredByName: string | null;

    @Field({ description: '移送人' })
    sentByName: string;

    @Field(() => Int, { description: '版本号，每次变化加一' })
    version: number;
  }

  @Resolver(() => ReferralType)
  class ReferralFieldsResolver {
    @FieldResolver(() => [ID], { description: '所附证据（本部门该次检查的证据编号）' })
    evidenceIds(@Root() row: ReferralSentEntity): string[] {
      return row.evidenceIds ? row.evidenceIds.split(',') : [];
    }

    @FieldResolver(() => Boolean, { description: '是否晚于移送期限才移送' })
    late(@Root() row: ReferralSentEntity): boolean {
      return row.deadline !== null && row.sentOn > row.deadline;
    }
  }

  @ObjectType(`${prefix}ReferralEvidence`, { description: '移送所附证据（由移送部门保存）' })
  class ReferralEvidenceType {
    @Field(() => ID)
    id: string;

    @Field()
    fileName: string;

    @Field()
    sha256: string;

    @Field({ description: '下载地址（需登录令牌）' })
    url: string;
  }

  @ObjectType(`${prefix}ReceivedReferral`, { description: `其他部门移送给${name}的涉嫌违法线索（R-RES-3）` })
  class ReceivedReferralType {
    @Field(() => ID)
    id: string;

    @Field(() => DepartmentEnum, { description: '移送部门' })
    fromDepartment: Department;

    @Field(() => ID)
    inspectionId: string;

    @Field(() => ID)
    venueId: string;

    @Field({ description: '检查对象名称' })
    venueName: string;

    @Field({ description: '统一社会信用代码' })
    venueUscc: string;

    @Field()
    facts: string;

    @Field()
    legalBasis: string;

    @Field()
    sentOn: string;

    @Field()
    sentByName: string;

    @Field(() => String, { nullable: true, description: '答复期限：收到后 7 个工作日' })
    answerDeadline: string | null;

    @Field(() => ReferralState)
    state: ReferralState;

    @Field(() => String, { nullable: true })
    answerReason: string | null;

    @Field(() => String, { nullable: true })
    answeredOn: string | null;

    @Field(() => String, { nullable: true })
    answeredByName: string | null;

    @Field(() => Int)
    version: number;
  }

  @Resolver(() => ReceivedReferralType)
  class ReceivedReferralFieldsResolver {
    @FieldResolver(() => [ReferralEvidenceType])
    evidence(@Root() row: ReferralReceivedEntity): ReferralEvidenceType[] {
      const files = JSON.parse(row.evidence) as { id: string; fileName: string; sha256: string }[];
      return files.map((file) => ({ ...file, url: `/files/${row.fromDepartment}/evidence/${file.id}` }));
    }

    @FieldResolver(() => Boolean, { description: '是否超过答复期限仍未答复' })
    overdue(@Root() row: ReferralReceivedEntity): boolean {
      return referralAnswerOverdue({ state: row.state, answerDeadline: row.answerDeadline, today: chinaDateOf(new Date()) });
    }

    @FieldResolver(() => Int, { nullable: true, description: '距答复期限还剩的工作日（已过期为负数）；已答复或无期限时为空' })
    workingDaysLeft(@Root() row: ReferralReceivedEntity): number | null {
      if (row.state !== 'SENT' || !row.answerDeadline) return null;
      return workingDaysLeft(chinaDateOf(new Date()), row.answerDeadline);
    }
  }

  @ObjectType(`${prefix}ReferralConnection`)
  class ReferralConnection extends Connection(ReferralType) {}

  @ObjectType(`${prefix}ReceivedReferralConnection`)
  class ReceivedReferralConnection extends Connection(ReceivedReferralType) {}

  @Resolver()
  class ReferralResolver {
    readonly service = dataSource ? new ReferralService(dataSource, department) : null;

    @Query(() => ReferralConnection, { name: `${department}ReferralsSent`, description: `${name}移送出的线索，新的在前` })
    async sent(@Args() page: PageArgs, @Arg('state', () => ReferralState, { nullable: true }) state: ReferralState | null, @Ctx() context: DepartmentContext): Promise<Page<ReferralSentEntity>> {
      requireReferralReader(context, department);
      return this.service!.listSent({ state, first: page.first, offset: decodeCursor(page.after) });
    }

    @Query(() => ReceivedReferralConnection, { name: `${department}ReferralsReceived`, description: `移送给${name}的线索，答复期限近的在前` })
    async received(@Args() page: PageArgs, @Arg('state', () => ReferralState, { nullable: true }) state: ReferralState | null, @Ctx() context: DepartmentContext): Promise<Page<ReferralReceivedEntity>> {
      requireReferralReader(context, department);
      return this.service!.listReceived({ state, first: page.first, offset: decodeCursor(page.after) });
    }

    @Mutation(() => ReferralType, { name: `${department}SendReferral`, description: `移送${name}发现的涉嫌违法线索（本检查组的本部门执法人员或本部门管理员，R-RES-3）` })
    async send(@Arg('input') input: SendReferralInput, @Ctx() context: DepartmentContext): Promise<ReferralSentEntity> {
      const principal = requireDepartment(context, department);
      const row = await this.service!.send(input, principal);
      context.logger.info({ referralId: row.id, inspectionId: row.inspectionId, to: row.toDepartment ?? 'outside', by: principal.userId }, 'referral sent');
      return row;
    }

    @Mutation(() => ReceivedReferralType, { name: `${department}AnswerReferral`, description: `接收或退回移送给${name}的线索（本部门管理员）` })
    async answer(@Arg('input') input: AnswerReferralInput, @Ctx() context: DepartmentContext): Promise<ReferralReceivedEntity> {
      const principal = requireDepartment(context, department);
      const row = await this.service!.answer(input, principal);
      context.logger.info({ referralId: row.id, state: row.state, by: principal.userId }, 'referral answered');
      return row;
    }

    @Mutation(() => ReferralType, { name: `${department}AcknowledgeReferral`, description: `记录平台外机关已确认收到${name}的移送（本部门管理员）` })
    async acknowledge(@Arg('input') input: AcknowledgeReferralInput, @Ctx() context: DepartmentContext): Promise<ReferralSentEntity> {
      const principal = requireDepartment(context, department);
      const row = await this.service!.acknowledge(input, principal);
      context.logger.info({ referralId: row.id, by: principal.userId }, 'referral acknowledged');
      return row;
    }
  }

  return [ReferralFieldsResolver, ReceivedReferralFieldsResolver, ReferralResolver];
}
