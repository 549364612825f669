import { ArrayMaxSize, IsInt, IsOptional, Length, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

/** Every write to a result names the version it was based on (a stale one is a CONFLICT). */
@InputType({ description: '写入检查结果的共同字段' })
class ResultWriteInput {
  @Field(() => ID)
  @Length(1, 36, { message: '检查编号无效' })
  inspectionId: string;

  @Field(() => Int, { description: '所依据的版本号（过期返回 CONFLICT）' })
  @IsInt()
  @Min(0, { message: '版本号无效' })
  expectedVersion: number;
}

@InputType({ description: '录入本部门的检查结果，提交审核' })
export class EnterResultInput extends ResultWriteInput {
  @Field(() => [Int], { nullable: true, description: '检查结果代码（R-RES-2）；不填则沿用本部门检查记录中的结果' })
  @IsOptional()
  @ArrayMaxSize(10, { message: '检查结果代码最多 10 个' })
  resultCodes?: number[] | null;

  @Field({ description: '检查结果说明（向社会公示的文字）' })
  @MaxLength(2000, { message: '检查结果说明不能超过 2000 字' })
  summary: string;
}

@InputType({ description: '审核退回，须说明理由' })
export class ReturnResultInput extends ResultWriteInput {
  @Field({ description: '退回理由' })
  @MaxLength(500, { message: '退回理由不能超过 500 字' })
  reason: string;
}

@InputType({ description: '审核通过并公示' })
export class PublishResultInput extends ResultWriteInput {}

@InputType({ description: '更正已公示的检查结果，须说明理由（原公示内容保留）' })
export class CorrectResultInput extends ResultWriteInput {
  @Field(() => [Int], { description: '更正后的检查结果代码（R-RES-2）' })
  @ArrayMaxSize(10, { message: '检查结果代码最多 10 个' })
  resultCodes: number[];

  @Field({ description: '更正后的检查结果说明' })
  @MaxLength(2000, { message: '检查结果说明不能超过 2000 字' })
  summary: string;

  @Field({ description: '更正理由' })
  @MaxLength(500, { message: '更正理由不能超过 500 字' })
  reason: string;
}
