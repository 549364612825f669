import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: '各阶段的检查数（已到达该阶段的，含其后各阶段）' })
export class StageCountsType {
  @Field(() => Int, { description: '已抽取' })
  drawn: number;

  @Field(() => Int, { description: '已安排检查时间' })
  scheduled: number;

  @Field(() => Int, { description: '已上门（记录表开始签字）' })
  visited: number;

  @Field(() => Int, { description: '已签字（检查完成）' })
  signed: number;
}

@ObjectType({ description: '一个街道的检查进度' })
export class StreetProgressType extends StageCountsType {
  @Field({ description: '所属街道' })
  street: string;
}

@ObjectType({ description: '联席办视角的方案进度：由检查记录统计，不另设计数' })
export class PlanProgressType {
  @Field(() => ID)
  planId: string;

  @Field(() => StageCountsType, { description: '全方案合计' })
  total: StageCountsType;

  @Field(() => [StreetProgressType], { description: '按街道（有检查的街道，按名称排序）' })
  byStreet: StreetProgressType[];

  @Field({ description: '总结及汇总表报送截止日期（R-REP-2）' })
  reportingDeadline: string;

  @Field({ description: '已过报送截止日期（报送功能上线前仅按日期判断）' })
  reportOverdue: boolean;
}
