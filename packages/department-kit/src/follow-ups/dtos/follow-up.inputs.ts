import { IsInt, Length, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ReinspectionOutcome } from '../follow-up.enums';

@InputType({ description: '记录复查并办结后续监管任务（R-PUB-3）' })
export class RecordReinspectionInput {
  @Field(() => ID)
  @Length(1, 36, { message: '任务编号无效' })
  followUpId: string;

  @Field(() => Int, { description: '所依据的版本号（过期返回 CONFLICT）' })
  @IsInt()
  @Min(0, { message: '版本号无效' })
  expectedVersion: number;

  @Field(() => ReinspectionOutcome)
  outcome: ReinspectionOutcome;

  @Field({ description: '复查日期 YYYY-MM-DD：不早于责令之日，不晚于今天' })
  reinspectedOn: string;

  @Field({ description: '复查意见' })
  @MaxLength(2000, { message: '复查意见不能超过 2000 字' })
  opinion: string;
}
