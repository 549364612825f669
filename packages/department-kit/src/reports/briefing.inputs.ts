import { Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { SafeText } from '@dr/subgraph-kit';

@InputType({ description: '报送一期专项简报（R-REP-1）：工作亮点、存在问题、意见和建议' })
export class SubmitBriefingInput {
  @Field(() => ID)
  @Length(1, 36, { message: '实施方案编号无效' })
  planId: string;

  @Field({ description: '工作亮点' })
  @MaxLength(5000, { message: '工作亮点不能超过 5000 字' })
  @SafeText({ label: '工作亮点', multiline: true })
  highlights: string;

  @Field({ description: '存在问题' })
  @MaxLength(5000, { message: '存在问题不能超过 5000 字' })
  @SafeText({ label: '存在问题', multiline: true })
  problems: string;

  @Field({ description: '意见和建议' })
  @MaxLength(5000, { message: '意见和建议不能超过 5000 字' })
  @SafeText({ label: '意见和建议', multiline: true })
  suggestions: string;
}
