import { Length } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { DateScalar } from '../date.scalar';

@InputType({ description: '某年的法定节假日安排（按国务院办公厅通知填写）' })
export class LoadCalendarYearInput {
  @Field(() => Int)
  year: number;

  @Field({ description: '依据：通知名称及文号' })
  @Length(1, 200, { message: '依据应为 1–200 个字符，写明通知名称及文号' })
  source: string;

  @Field(() => [DateScalar], { description: '放假日（含放假期间的周末）' })
  holidays: string[];

  @Field(() => [DateScalar], { description: '调休上班日' })
  workingDays: string[];
}
