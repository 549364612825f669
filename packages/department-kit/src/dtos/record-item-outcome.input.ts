import { IsEnum, IsOptional, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ItemOutcome } from '../enums';

@InputType({ description: '记录一项检查事项的结果' })
export class RecordItemOutcomeInput {
  @Field(() => ID)
  @Length(1, 36, { message: '检查编号无效' })
  inspectionId: string;

  @Field(() => ID)
  @Length(1, 36, { message: '检查事项编号无效' })
  checkItemId: string;

  @Field(() => ItemOutcome)
  @IsEnum(ItemOutcome, { message: '检查结果无效' })
  outcome: ItemOutcome;

  @Field(() => String, { nullable: true, description: '备注（不超过 500 字）' })
  @IsOptional()
  @MaxLength(500, { message: '备注不能超过 500 字' })
  note?: string | null;
}
