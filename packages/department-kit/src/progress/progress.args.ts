import { ArgsType, Field, ID, Int } from 'type-graphql';
import { IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { SafeText } from '@dr/subgraph-kit';
import { ReinspectionOutcome } from '../follow-ups/follow-up.enums';

/** The dashboard's drill-down filters on `<department>Results` (each optional; together: AND). */
@ArgsType()
export class ResultScopeArgs {
  @Field(() => ID, { nullable: true, description: '实施方案' })
  @IsOptional()
  @Length(1, 36, { message: '方案编号无效' })
  planId?: string | null;

  @Field(() => String, { nullable: true, description: '检查对象所属街道' })
  @IsOptional()
  @MaxLength(50, { message: '街道名称过长' })
  @SafeText({ label: '所属街道' })
  street?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true 已录入（待审核或已公示）；false 未录入或退回' })
  entered?: boolean | null;

  @Field(() => Int, { nullable: true, description: '含此检查结果代码（R-RES-2）' })
  @IsOptional()
  @Min(1, { message: '检查结果代码应为 1 到 10' })
  @Max(10, { message: '检查结果代码应为 1 到 10' })
  resultCode?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'true 发现问题（代码不只 1、9）；false 已录入且未发现问题' })
  problemFound?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'true 需移送（代码含 8）而超过移送期限仍未移送（R-RES-3）' })
  referralOverdue?: boolean | null;
}

/** The dashboard's drill-down filters on `<department>FollowUps`. */
@ArgsType()
export class FollowUpScopeArgs {
  @Field(() => ID, { nullable: true, description: '实施方案' })
  @IsOptional()
  @Length(1, 36, { message: '方案编号无效' })
  planId?: string | null;

  @Field(() => ReinspectionOutcome, { nullable: true, description: '复查结论' })
  outcome?: ReinspectionOutcome | null;

  @Field(() => Boolean, { nullable: true, description: 'true 已过应复查日期仍未复查' })
  overdue?: boolean | null;
}
