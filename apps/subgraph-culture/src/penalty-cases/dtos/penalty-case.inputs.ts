import { IsInt, Length, Matches, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SafeText, SaneDate } from '@dr/subgraph-kit';
import { CulturePenaltyCaseState } from '../penalty-case.enums';

@InputType({ description: '对移交的案件立案：立案号与立案日期' })
export class FilePenaltyCaseInput {
  @Field(() => ID)
  @Length(1, 36, { message: '案件编号无效' })
  id: string;

  @Field(() => Int, { description: '所依据的版本号（过期返回 CONFLICT）' })
  @IsInt()
  @Min(0, { message: '版本号无效' })
  expectedVersion: number;

  @Field({ description: '立案号，例如 卫文旅立〔2022〕12号' })
  @SafeText()
  @Length(2, 50, { message: '立案号应为 2 到 50 个字' })
  caseNumber: string;

  @Field({ description: '立案日期 YYYY-MM-DD：不早于移交之日，不晚于今天' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '立案日期应为 YYYY-MM-DD' })
  @SaneDate('立案日期')
  filedOn: string;
}

@InputType({ description: '案件进入下一阶段：调查、处罚决定或结案' })
export class AdvancePenaltyCaseInput {
  @Field(() => ID)
  @Length(1, 36, { message: '案件编号无效' })
  id: string;

  @Field(() => Int, { description: '所依据的版本号（过期返回 CONFLICT）' })
  @IsInt()
  @Min(0, { message: '版本号无效' })
  expectedVersion: number;

  @Field(() => CulturePenaltyCaseState, { description: '要进入的阶段：只能是当前阶段的下一阶段' })
  to: CulturePenaltyCaseState;

  @Field({ description: '进入该阶段的日期 YYYY-MM-DD：不早于上一阶段，不晚于今天' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期应为 YYYY-MM-DD' })
  @SaneDate('日期')
  on: string;
}
