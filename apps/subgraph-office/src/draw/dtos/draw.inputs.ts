import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { Department } from '@dr/domain';
import { DepartmentEnum, SafeText, SaneDate } from '@dr/subgraph-kit';

@InputType({ description: '一个信用风险分层的抽取比例（基点，1/10000，向上取整）或数量' })
export class DrawStratumInput {
  @Field()
  @Length(1, 8, { message: '信用风险分类无效' })
  @SafeText({ label: '信用风险分类' })
  riskClass: string;

  @Field(() => Int, { nullable: true, description: '比例，单位为基点（5000 = 50%）' })
  @IsOptional()
  @Min(0, { message: '比例不能为负' })
  @Max(10000, { message: '比例不能超过 100%（10000 基点）' })
  basisPoints?: number | null;

  @Field(() => Int, { nullable: true, description: '固定数量' })
  @IsOptional()
  @Min(0, { message: '数量不能为负' })
  @Max(1_000_000, { message: '数量过大' })
  count?: number | null;
}

@InputType()
export class DepartmentCountInput {
  @Field(() => DepartmentEnum)
  department: Department;

  @Field(() => Int, { description: '每组该部门人数（组长计入牵头部门）' })
  @Min(1, { message: '每个部门至少 1 人' })
  @Max(10, { message: '每个部门不超过 10 人' })
  count: number;
}

@InputType({ description: '抽取参数' })
export class DrawParametersInput {
  @Field({ description: '批次名称' })
  @Length(1, 64, { message: '批次名称应为 1–64 个字符' })
  @SafeText({ label: '批次名称' })
  batch: string;

  @Field(() => [String], { defaultValue: [], description: '定向抽取的街道；为空表示全部街道' })
  @ArrayMaxSize(100)
  @SafeText({ label: '街道', each: true })
  streets: string[];

  @Field({ defaultValue: true, description: '排除非营业状态的检查对象' })
  excludeNotOperating: boolean;

  @Field(() => Int, { defaultValue: 365, description: '排除在此天数内已检查且未发现问题的检查对象（0 为不排除）' })
  @Min(0, { message: '天数不能为负' })
  @Max(3650, { message: '天数不超过 3650' })
  recentInspectionDays: number;

  @Field({ description: '排除规则的基准日期 YYYY-MM-DD' })
  @SaneDate('基准日期')
  asOf: string;

  @Field(() => [DrawStratumInput])
  @ArrayMinSize(1, { message: '至少需要一个分层' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  strata: DrawStratumInput[];

  @Field({ description: '检查期间起 YYYY-MM-DD，须在方案检查时间窗口内' })
  @SaneDate('检查期间起')
  visitStart: string;

  @Field({ description: '检查期间止 YYYY-MM-DD' })
  @SaneDate('检查期间止')
  visitEnd: string;

  @Field(() => [DepartmentCountInput], { nullable: true, description: '每组各部门人数；默认各参与部门 2 人（《行政处罚法》第四十二条）' })
  @IsOptional()
  @ValidateNested({ each: true })
  officersPerDepartment?: DepartmentCountInput[] | null;
}

@InputType()
export class SeedCommitmentInput {
  @Field({ description: '参与方，如 联席办、公证处' })
  @Length(1, 64, { message: '参与方名称应为 1–64 个字符' })
  @SafeText({ label: '参与方名称' })
  party: string;

  @Field({ description: 'SHA-256(“dr-draw/1” ␟ “commit” ␟ 参与方 ␟ 种子)，64 位小写十六进制' })
  @Matches(/^[0-9a-f]{64}$/, { message: '承诺应为 64 位小写十六进制' })
  commitment: string;
}

@InputType()
export class CommitDrawInput {
  @Field(() => ID)
  @Length(1, 36)
  planId: string;

  @Field(() => DrawParametersInput)
  @ValidateNested()
  parameters: DrawParametersInput;

  @Field(() => [SeedCommitmentInput])
  @ArrayMinSize(2, { message: '至少需要两个参与方的种子承诺（如联席办与公证处）' })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  seedCommitments: SeedCommitmentInput[];

  @Field(() => ID, { nullable: true, description: '重新抽取时：被取代的抽取' })
  @IsOptional()
  @Length(1, 36)
  supersedesId?: string | null;

  @Field(() => String, { nullable: true, description: '重新抽取的理由' })
  @IsOptional()
  @MaxLength(500, { message: '理由不超过 500 字' })
  @SafeText({ label: '重新抽取的理由', multiline: true })
  redrawReason?: string | null;
}

@InputType()
export class SeedRevealInput {
  @Field()
  @Length(1, 64)
  @SafeText({ label: '参与方名称' })
  party: string;

  @Field({ description: '参与方的种子原文' })
  @Length(16, 200, { message: '种子应为 16–200 个字符' })
  secret: string;
}

@InputType()
export class RevealDrawInput {
  @Field(() => ID)
  @Length(1, 36)
  drawId: string;

  @Field(() => [SeedRevealInput])
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  reveals: SeedRevealInput[];
}
