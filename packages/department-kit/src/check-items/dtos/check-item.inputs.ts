import { ArrayMaxSize, IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { SafeText } from '@dr/subgraph-kit';

@InputType({ description: '新增检查事项，或修改（形成新版本）；方案抽取后不能修改' })
export class SaveCheckItemInput {
  @Field(() => ID)
  @Length(1, 36, { message: '方案编号无效' })
  planId: string;

  @Field(() => ID, { nullable: true, description: '修改时为该事项；新增时不填' })
  @IsOptional()
  @Length(1, 36, { message: '检查事项编号无效' })
  checkItemId?: string | null;

  @Field(() => String, { nullable: true, description: '事项代码（新增时可不填，自动编号）' })
  @IsOptional()
  @Length(1, 16, { message: '事项代码应为 1–16 个字符' })
  code?: string | null;

  @Field({ description: '检查内容' })
  @Length(1, 500, { message: '检查内容应为 1–500 个字符' })
  @SafeText({ label: '检查内容' })
  title: string;

  @Field({ description: '检查依据' })
  @Length(1, 500, { message: '检查依据应为 1–500 个字符' })
  @SafeText({ label: '检查依据' })
  legalBasis: string;

  @Field(() => Boolean, { nullable: true, description: '检查依据待法制审核' })
  @IsOptional()
  legalReviewPending?: boolean | null;
}

@InputType({ description: '检查事项排序：本方案的每个事项各一次，按新的顺序' })
export class ReorderCheckItemsInput {
  @Field(() => ID)
  @Length(1, 36, { message: '方案编号无效' })
  planId: string;

  @Field(() => [ID])
  @ArrayMaxSize(200, { message: '检查事项过多' })
  checkItemIds: string[];
}
