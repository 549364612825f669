import { ArrayMaxSize, ArrayMinSize, Length, Matches } from 'class-validator';
import { SafeText } from '@dr/subgraph-kit';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: '新建检查：对象、日期与检查组' })
export class CreateInspectionInput {
  @Field(() => ID)
  @Length(1, 36, { message: '方案编号无效' })
  planId: string;

  @Field(() => ID)
  @Length(1, 36, { message: '检查对象编号无效' })
  venueId: string;

  @Field({ description: '计划检查日期 YYYY-MM-DD，须在方案检查时间窗口内（R-PLAN-2）' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
  scheduledDate: string;

  @Field(() => ID, { description: '检查组组长（文广旅执法人员，R-DRAW-2）' })
  @Length(1, 36, { message: '组长编号无效' })
  leaderId: string;

  @Field(() => [ID], { description: '检查组组员' })
  @ArrayMinSize(1, { message: '检查组至少需要一名组员' })
  @ArrayMaxSize(20, { message: '检查组组员不能超过 20 人' })
  @Length(1, 36, { each: true, message: '组员编号无效' })
  memberIds: string[];

  @Field({ description: '手工建立（而非抽取）检查任务的理由，如 投诉举报、上级交办' })
  @Length(1, 500, { message: '理由应为 1–500 个字符' })
  @SafeText({ label: '理由', multiline: true })
  reason: string;
}
