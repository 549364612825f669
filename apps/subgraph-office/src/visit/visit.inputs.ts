import { IsEnum, IsOptional, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { SafeText, SaneDate } from '@dr/subgraph-kit';
import { NoticeMode } from './visit.types';

@InputType({ description: '安排检查时间（R-PLAN-2）' })
export class ScheduleVisitInput {
  @Field(() => ID)
  @Length(1, 36, { message: '检查编号无效' })
  inspectionId: string;

  @Field({ description: '检查日期 YYYY-MM-DD' })
  @Length(10, 10, { message: '检查日期应为 YYYY-MM-DD' })
  date: string;

  @Field({ description: '开始时间 HH:MM' })
  @Length(5, 5, { message: '开始时间应为 HH:MM' })
  startTime: string;

  @Field({ description: '结束时间 HH:MM' })
  @Length(5, 5, { message: '结束时间应为 HH:MM' })
  endTime: string;
}

@InputType({ description: '检查告知（R-NOTE-1）' })
export class RecordNoticeInput {
  @Field(() => ID)
  @Length(1, 36, { message: '检查编号无效' })
  inspectionId: string;

  @Field(() => NoticeMode)
  @IsEnum(NoticeMode, { message: '告知方式无效' })
  mode: NoticeMode;

  @Field(() => Date, { nullable: true, description: '告知时间；不予告知时为空' })
  @IsOptional()
  @SaneDate('告知时间')
  noticeAt?: Date | null;

  @Field(() => String, { nullable: true, description: '需被检查对象准备的资料' })
  @IsOptional()
  @MaxLength(1000, { message: '需准备的资料不能超过 1000 字' })
  @SafeText({ label: '需准备的资料', multiline: true })
  prepare?: string | null;
}

@InputType({ description: '执法人员签字' })
export class OfficerSignatureInput {
  @Field(() => ID)
  @Length(1, 36, { message: '检查编号无效' })
  inspectionId: string;

  @Field(() => ID, { description: '签字的执法人员' })
  @Length(1, 36, { message: '执法人员编号无效' })
  inspectorId: string;

  @Field({ description: '签名图片（PNG 的 data URL）' })
  @MaxLength(800_000, { message: '签名图片过大' })
  image: string;

  @Field({ description: '本人确认：签字执法人员本人的用户名（须为与该执法人员关联的账号）' })
  @Length(1, 50, { message: '请输入签字人本人的用户名' })
  signerUsername: string;

  @Field({ description: '本人确认：签字执法人员本人的登录密码（只用于本次确认，不保存）' })
  @Length(1, 200, { message: '请签字人本人输入登录密码' })
  signerPassword: string;

  @Field({ description: '请求编号（设备生成）；重发不会重复签字' })
  @Length(8, 64, { message: '请求编号无效' })
  idempotencyKey: string;
}

@InputType({ description: '被检查对象签字盖章' })
export class VenueSignatureInput {
  @Field(() => ID)
  @Length(1, 36, { message: '检查编号无效' })
  inspectionId: string;

  @Field({ description: '签字人姓名' })
  @Length(1, 50, { message: '请填写签字人姓名（不超过 50 字）' })
  @SafeText({ label: '签字人姓名' })
  signerName: string;

  @Field({ description: '签名图片（PNG 的 data URL）' })
  @MaxLength(800_000, { message: '签名图片过大' })
  signature: string;

  @Field({ description: '盖章照片（JPEG 或 PNG 的 data URL）' })
  @MaxLength(2_900_000, { message: '盖章照片过大（不超过 2 MB）' })
  stamp: string;

  @Field()
  @Length(8, 64, { message: '请求编号无效' })
  idempotencyKey: string;
}

@InputType({ description: '被检查对象拒绝签字盖章（R-VISIT-3）' })
export class VenueRefusalInput {
  @Field(() => ID)
  @Length(1, 36, { message: '检查编号无效' })
  inspectionId: string;

  @Field({ description: '拒签情况说明' })
  @Length(2, 1000, { message: '请写明拒签情况（2–1000 字）' })
  @SafeText({ label: '拒签情况说明', multiline: true })
  note: string;

  @Field()
  @Length(8, 64, { message: '请求编号无效' })
  idempotencyKey: string;
}

@InputType({ description: '组长撤回误记的拒签（记录表锁定前）' })
export class WithdrawVenueRefusalInput {
  @Field(() => ID)
  @Length(1, 36, { message: '检查编号无效' })
  inspectionId: string;

  @Field({ description: '撤回理由' })
  @Length(2, 500, { message: '请写明撤回理由（2–500 字）' })
  @SafeText({ label: '撤回理由', multiline: true })
  reason: string;

  @Field()
  @Length(8, 64, { message: '请求编号无效' })
  idempotencyKey: string;
}

@InputType({ description: '被检查对象确认签字后的更正' })
export class AcknowledgeAmendmentInput {
  @Field(() => ID)
  @Length(1, 36, { message: '更正记录编号无效' })
  amendmentId: string;

  @Field({ description: '确认人姓名' })
  @Length(1, 50, { message: '请填写确认人姓名（不超过 50 字）' })
  @SafeText({ label: '确认人姓名' })
  signerName: string;

  @Field({ description: '确认人签名图片（PNG 的 data URL）' })
  @MaxLength(800_000, { message: '签名图片过大' })
  signature: string;

  @Field()
  @Length(8, 64, { message: '请求编号无效' })
  idempotencyKey: string;
}
