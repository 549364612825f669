import { IsInt, Length, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SafeText } from '@dr/subgraph-kit';

@InputType({ description: '确认列入经营异常名录' })
export class ConfirmAbnormalListingInput {
  @Field(() => ID)
  @Length(1, 36, { message: '建议编号无效' })
  id: string;

  @Field(() => Int, { description: '所依据的版本号（过期返回 CONFLICT）' })
  @IsInt()
  @Min(0, { message: '版本号无效' })
  expectedVersion: number;
}

@InputType({ description: '撤回列入经营异常名录的建议（须说明理由）' })
export class WithdrawAbnormalListingInput extends ConfirmAbnormalListingInput {
  @Field({ description: '撤回理由' })
  @SafeText()
  @Length(2, 500, { message: '撤回理由应为 2 到 500 个字' })
  reason: string;
}
