import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from './date.scalar';

export enum CalendarYearOrigin {
  SHIPPED = 'SHIPPED',
  LOADED = 'LOADED',
}
registerEnumType(CalendarYearOrigin, {
  name: 'CalendarYearOrigin',
  description: '节假日安排的来源',
  valuesConfig: { SHIPPED: { description: '随系统发布' }, LOADED: { description: '由联席办载入' } },
});

@ObjectType({ description: '某年的法定节假日安排（R-CAL-2）' })
export class CalendarYear {
  @Field(() => Int)
  year: number;

  @Field({ description: '依据，如国务院办公厅关于某年部分节假日安排的通知及文号' })
  source: string;

  @Field(() => CalendarYearOrigin)
  origin: CalendarYearOrigin;

  @Field(() => [DateScalar], { description: '放假日' })
  holidays: string[];

  @Field(() => [DateScalar], { description: '调休上班日（星期六或星期日）' })
  workingDays: string[];

  @Field(() => Date, { nullable: true, description: '载入时间（随系统发布的为空）' })
  loadedAt: Date | null;

  @Field(() => String, { nullable: true, description: '载入人（随系统发布的为空）' })
  loadedBy: string | null;
}
