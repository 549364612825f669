import { ArrayMaxSize, IsInt, IsOptional, Length, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { Department } from '@dr/domain';
import { DepartmentEnum } from '@dr/subgraph-kit';
import { ReferralChannel, ReferralDecision } from '../referral.enums';

@InputType({ description: '移送涉嫌违法线索（R-RES-3）：发往平台内的其他部门，或写明平台外的机关' })
export class SendReferralInput {
  @Field(() => ID, { description: '本部门检查结果所属的检查编号' })
  @Length(1, 36, { message: '检查编号无效' })
  inspectionId: string;

  @Field(() => DepartmentEnum, { nullable: true, description: '接收部门（平台内，不能是本部门）；与 toAuthority 二选一' })
  @IsOptional()
  toDepartment?: Department | null;

  @Field(() => String, { nullable: true, description: '平台外的接收机关名称，如 卫东区公安分局；与 toDepartment 二选一' })
  @IsOptional()
  @MaxLength(100, { message: '接收机关名称不能超过 100 字' })
  toAuthority?: string | null;

  @Field({ description: '涉嫌违法的事实' })
  @MaxLength(4000, { message: '事实不能超过 4000 字' })
  facts: string;

  @Field({ description: '移送依据（法律依据）' })
  @MaxLength(500, { message: '移送依据不能超过 500 字' })
  legalBasis: string;

  @Field(() => [ID], { defaultValue: [], description: '本部门该次检查记录中的证据编号' })
  @ArrayMaxSize(50, { message: '证据最多 50 件' })
  evidenceIds: string[];

  @Field(() => ReferralChannel, { nullable: true, description: '移送方式（仅平台外机关必填；平台内部门经本系统移送）' })
  @IsOptional()
  channel?: ReferralChannel | null;

  @Field(() => String, { nullable: true, description: '移送日期 YYYY-MM-DD（仅平台外机关必填；平台内部门为今天）' })
  @IsOptional()
  sentOn?: string | null;
}

@InputType({ description: '接收或退回收到的移送（本部门管理员）' })
export class AnswerReferralInput {
  @Field(() => ID)
  @Length(1, 36, { message: '移送编号无效' })
  referralId: string;

  @Field(() => Int, { description: '所依据的版本号（过期返回 CONFLICT）' })
  @IsInt()
  @Min(0, { message: '版本号无效' })
  expectedVersion: number;

  @Field(() => ReferralDecision)
  decision: ReferralDecision;

  @Field(() => String, { nullable: true, description: '退回理由（退回时必填）' })
  @IsOptional()
  @MaxLength(500, { message: '退回理由不能超过 500 字' })
  reason?: string | null;
}

@InputType({ description: '记录平台外机关已确认收到移送（本部门管理员）' })
export class AcknowledgeReferralInput {
  @Field(() => ID)
  @Length(1, 36, { message: '移送编号无效' })
  referralId: string;

  @Field(() => Int, { description: '所依据的版本号（过期返回 CONFLICT）' })
  @IsInt()
  @Min(0, { message: '版本号无效' })
  expectedVersion: number;

  @Field({ description: '对方确认收到的日期 YYYY-MM-DD' })
  acknowledgedOn: string;
}
