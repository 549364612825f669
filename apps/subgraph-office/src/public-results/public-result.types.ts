import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { Connection, DepartmentEnum } from '@dr/subgraph-kit';
import type { Department } from '@dr/domain';

@ObjectType({ description: '检查结果更正记录（更正后原公示结果仍保留）' })
export class PublicResultCorrection {
  @Field(() => Int, { description: '更正后的版本号' })
  revision: number;

  @Field({ description: '更正原因' })
  reason: string;

  @Field({ description: '更正日期 YYYY-MM-DD' })
  correctedOn: string;

  @Field(() => [String], { description: '更正后的检查结果' })
  resultLabels: string[];
}

@ObjectType({ description: '一个部门对一次检查公示的抽查检查结果（R-PUB-1），不含任何个人信息' })
export class PublicResult {
  @Field(() => ID, { description: '检查编号' })
  inspectionId: string;

  @Field(() => ID)
  planId: string;

  @Field({ description: '实施方案名称' })
  planName: string;

  @Field(() => DepartmentEnum, { description: '检查部门' })
  department: Department;

  @Field({ description: '检查部门全称' })
  departmentName: string;

  @Field({ description: '检查对象名称' })
  venueName: string;

  @Field({ description: '统一社会信用代码' })
  uscc: string;

  @Field({ description: '所在街道' })
  street: string;

  @Field(() => [Int], { description: '检查结果代码（R-RES-2）' })
  resultCodes: number[];

  @Field(() => [String], { description: '检查结果' })
  resultLabels: string[];

  @Field({ description: '检查日期 YYYY-MM-DD' })
  inspectedOn: string;

  @Field({ description: '公示日期 YYYY-MM-DD' })
  publishedOn: string;

  @Field(() => Int, { description: '版本号，每次更正加一' })
  revision: number;

  @Field(() => [PublicResultCorrection], { description: '更正记录（按版本先后）' })
  corrections: PublicResultCorrection[];
}

@ObjectType({ description: '公示结果分页列表' })
export class PublicResultConnection extends Connection(PublicResult) {}

@ObjectType({ description: '一个检查对象的全部公示结果' })
export class PublicVenueResults {
  @Field({ description: '统一社会信用代码' })
  uscc: string;

  @Field({ description: '检查对象名称（以最近一次公示为准）' })
  venueName: string;

  @Field({ description: '所在街道（以最近一次公示为准）' })
  street: string;

  @Field(() => [PublicResult], { description: '公示结果（公示日期倒序，最多 200 条）' })
  results: PublicResult[];
}

@ObjectType({ description: '有公示结果的实施方案（供筛选）' })
export class PublicResultPlan {
  @Field(() => ID)
  id: string;

  @Field({ description: '实施方案名称' })
  title: string;
}

@InputType({ description: '公示结果筛选条件' })
export class PublicResultFilter {
  @Field(() => ID, { nullable: true, description: '实施方案' })
  @IsOptional()
  @MaxLength(36, { message: '实施方案编号无效' })
  planId?: string | null;

  @Field(() => DepartmentEnum, { nullable: true, description: '检查部门' })
  department?: Department | null;

  @Field(() => String, { nullable: true, description: '检查对象名称（包含）或统一社会信用代码（完全一致）' })
  @IsOptional()
  @MaxLength(100, { message: '搜索内容不能超过 100 个字' })
  search?: string | null;
}
