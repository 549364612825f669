import { ArrayMaxSize, IsEnum, IsOptional, Length, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { Department } from '@dr/domain';
import { DepartmentEnum, SafeText, SaneDate } from '@dr/subgraph-kit';
import { InspectorStatus } from '../inspector.entity';

@InputType({ description: '回避申报' })
export class ConflictInput {
  @Field(() => ID, { description: '回避的检查对象' })
  @Length(1, 36)
  venueId: string;

  @Field({ description: '关系，如 近亲属、曾任职' })
  @Length(1, 50, { message: '关系应为 1–50 个字符' })
  @SafeText({ label: '关系' })
  relation: string;

  @Field({ description: '原因' })
  @Length(1, 200, { message: '原因应为 1–200 个字符' })
  @SafeText({ label: '原因' })
  reason: string;
}

@InputType({ description: '执法检查人员（新增或修改）' })
export class InspectorInput {
  @Field()
  @Length(1, 50, { message: '姓名应为 1–50 个字符' })
  @SafeText({ label: '姓名' })
  name: string;

  @Field(() => DepartmentEnum)
  department: Department;

  @Field({ description: '执法证号' })
  @Length(1, 50, { message: '执法证号应为 1–50 个字符' })
  @SafeText({ label: '执法证号' })
  certificateNumber: string;

  @Field({ description: '执法证有效期起 YYYY-MM-DD' })
  @SaneDate('执法证有效期起')
  certificateValidFrom: string;

  @Field({ description: '执法证有效期止 YYYY-MM-DD' })
  @SaneDate('执法证有效期止')
  certificateValidUntil: string;

  @Field(() => InspectorStatus, { defaultValue: InspectorStatus.ACTIVE })
  @IsEnum(InspectorStatus)
  status: InspectorStatus;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(20)
  @MaxLength(30, { each: true, message: '每个专业领域不超过 30 个字符' })
  @SafeText({ label: '专业领域', each: true })
  expertise: string[];

  @Field(() => [ConflictInput], { defaultValue: [], description: '回避申报（整体替换）' })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  conflicts: ConflictInput[];
}
