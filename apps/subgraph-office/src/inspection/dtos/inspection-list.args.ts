import { ArgsType, Field, registerEnumType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { PageArgs, SafeText } from '@dr/subgraph-kit';
import { InspectionStatus } from '../inspection.entity';
import { InspectionStage } from '../../progress/inspection-stage';

export enum InspectionSort {
  DATE = 'DATE',
  STREET = 'STREET',
  STATE = 'STATE',
}
registerEnumType(InspectionSort, {
  name: 'InspectionSort',
  description: '检查列表排序',
  valuesConfig: { DATE: { description: '按检查日期（未安排的排在最后）' }, STREET: { description: '按所属街道' }, STATE: { description: '按检查状态' } },
});

/** The plan's task list: filters, a search and a sort, all applied in SQL (paged, bounded). */
@ArgsType()
export class InspectionListArgs extends PageArgs {
  @Field(() => InspectionStage, { nullable: true, description: '只看已到达该阶段的检查（与进度看板的数字一致）' })
  stage?: InspectionStage | null;

  @Field(() => InspectionStatus, { nullable: true, description: '检查状态' })
  status?: InspectionStatus | null;

  @Field(() => String, { nullable: true, description: '检查对象所属街道' })
  @MaxLength(50, { message: '街道名称过长' })
  @SafeText({ label: '所属街道' })
  street?: string | null;

  @Field(() => String, { nullable: true, description: '检查对象名称或统一社会信用代码（包含）' })
  @MaxLength(50, { message: '搜索内容不能超过 50 个字符' })
  @SafeText({ label: '搜索内容' })
  search?: string | null;

  @Field(() => InspectionSort, { nullable: true, defaultValue: InspectionSort.DATE, description: '排序' })
  sort?: InspectionSort | null;
}
