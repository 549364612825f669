import { ArrayMaxSize, IsEnum, IsInt, IsOptional, Length, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SafeText } from '@dr/subgraph-kit';
import { ItemOutcome, OrderDelivery, OrderKind } from '../enums';

@InputType({ description: '一项检查事项的结果' })
export class SectionItemInput {
  @Field(() => ID)
  @Length(1, 36, { message: '检查事项编号无效' })
  checkItemId: string;

  @Field(() => ItemOutcome, { nullable: true, description: '符合 / 不符合 / 不涉及；未检查时为空' })
  @IsOptional()
  @IsEnum(ItemOutcome, { message: '检查结果无效' })
  outcome?: ItemOutcome | null;

  @Field(() => String, { nullable: true, description: '备注（不超过 500 字）' })
  @IsOptional()
  @MaxLength(500, { message: '备注不能超过 500 字' })
  @SafeText({ label: '备注', multiline: true })
  note?: string | null;
}

@InputType({ description: '现场笔录（R-VISIT-1）' })
export class OnSiteRecordInput {
  @Field({ description: '检查发现的事实' })
  @MaxLength(5000, { message: '现场笔录不能超过 5000 字' })
  @SafeText({ label: '检查发现的事实', multiline: true })
  facts: string;

  @Field({ description: '在场人员' })
  @MaxLength(500, { message: '在场人员不能超过 500 字' })
  @SafeText({ label: '在场人员', multiline: true })
  personsPresent: string;
}

@InputType({ description: '现场责令（R-VISIT-1/2）' })
export class OrderInput {
  @Field(() => OrderKind)
  @IsEnum(OrderKind, { message: '责令类型无效' })
  kind: OrderKind;

  @Field(() => OrderDelivery, { description: '下达方式（R-VISIT-2）' })
  @IsEnum(OrderDelivery, { message: '下达方式无效' })
  delivery: OrderDelivery;

  @Field({ description: '责令内容' })
  @MaxLength(1000, { message: '责令内容不能超过 1000 字' })
  @SafeText({ label: '责令内容', multiline: true })
  content: string;

  @Field(() => String, { nullable: true, description: '改正期限 YYYY-MM-DD（责令限期改正必填）' })
  @IsOptional()
  @MaxLength(10, { message: '改正期限应为 YYYY-MM-DD' })
  @SafeText({ label: '改正期限' })
  deadline?: string | null;

  @Field(() => ID, { nullable: true, description: '关联的检查事项' })
  @IsOptional()
  @Length(1, 36, { message: '检查事项编号无效' })
  checkItemId?: string | null;
}

@InputType({ description: '写入检查记录的共同字段：基于哪个版本、请求编号（重发不重复写入）' })
class SectionWriteInput {
  @Field(() => ID)
  @Length(1, 36, { message: '检查编号无效' })
  inspectionId: string;

  @Field(() => Int, { description: '所依据的版本号；新记录为 0。版本已变则返回 CONFLICT' })
  @IsInt({ message: '版本号无效' })
  @Min(0, { message: '版本号无效' })
  expectedVersion: number;

  @Field({ description: '请求编号（设备生成的 UUID）；同一编号重发不会重复写入' })
  @Length(8, 64, { message: '请求编号无效' })
  idempotencyKey: string;
}

@InputType({ description: '保存本部门检查记录（草稿）' })
export class SaveSectionInput extends SectionWriteInput {
  @Field(() => ID)
  @Length(1, 36, { message: '实施方案编号无效' })
  planId: string;

  @Field(() => [SectionItemInput])
  @ArrayMaxSize(200, { message: '检查事项过多' })
  @ValidateNested({ each: true })
  items: SectionItemInput[];

  @Field(() => [Int], { description: '检查结果代码（R-RES-2，可多选）' })
  @ArrayMaxSize(10, { message: '检查结果代码过多' })
  resultCodes: number[];

  @Field(() => OnSiteRecordInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  onSiteRecord?: OnSiteRecordInput | null;

  @Field(() => [OrderInput])
  @ArrayMaxSize(50, { message: '责令事项过多' })
  @ValidateNested({ each: true })
  orders: OrderInput[];
}

@InputType({ description: '提交本部门检查记录（提交后锁定，只能更正）' })
export class SubmitSectionInput extends SectionWriteInput {}

@InputType({ description: '更正已提交的检查记录：须说明理由，原记录保留' })
export class AmendSectionInput extends SaveSectionInput {
  @Field({ description: '更正理由' })
  @Length(2, 500, { message: '请填写更正理由（2–500 字）' })
  @SafeText({ label: '更正理由', multiline: true })
  reason: string;
}

@InputType({ description: '删除误拍或误传的证据（仅限提交前；记录与文件保留备查）' })
export class RemoveEvidenceInput {
  @Field(() => ID)
  @Length(1, 36, { message: '检查编号无效' })
  inspectionId: string;

  @Field(() => ID, { description: '检查记录所属的实施方案（用于返回整份记录）' })
  @Length(1, 36, { message: '实施方案编号无效' })
  planId: string;

  @Field(() => ID)
  @Length(1, 36, { message: '证据编号无效' })
  evidenceId: string;

  @Field({ description: '请求编号（设备生成的 UUID）；同一编号重发不会重复写入' })
  @Length(8, 64, { message: '请求编号无效' })
  idempotencyKey: string;
}
