import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { Department } from '@dr/domain';
import { DepartmentEnum } from '@dr/subgraph-kit';

@ObjectType({ description: '分层抽取规则' })
export class DrawStratum {
  @Field()
  riskClass: string;

  @Field(() => Int, { nullable: true, description: '比例（基点）' })
  basisPoints: number | null;

  @Field(() => Int, { nullable: true, description: '固定数量' })
  count: number | null;
}

@ObjectType()
export class DepartmentCount {
  @Field(() => DepartmentEnum)
  department: Department;

  @Field(() => Int)
  count: number;
}

@ObjectType('DrawParameters', { description: '抽取参数（承诺后不可更改）' })
export class DrawParametersView {
  @Field()
  batch: string;

  @Field(() => [String])
  streets: string[];

  @Field()
  excludeNotOperating: boolean;

  @Field(() => Int)
  recentInspectionDays: number;

  @Field()
  asOf: string;

  @Field(() => [DrawStratum])
  strata: DrawStratum[];

  @Field()
  visitStart: string;

  @Field()
  visitEnd: string;

  @Field(() => DepartmentEnum)
  leadDepartment: Department;

  @Field(() => [DepartmentCount])
  officersPerDepartment: DepartmentCount[];
}

@ObjectType()
export class SeedCommitment {
  @Field()
  party: string;

  @Field()
  commitment: string;
}

@ObjectType()
export class SeedReveal {
  @Field()
  party: string;

  @Field()
  secret: string;
}

@ObjectType({ description: '各分层的抽取情况' })
export class DrawSelection {
  @Field()
  riskClass: string;

  @Field(() => Int, { description: '符合条件的检查对象数' })
  eligible: number;

  @Field(() => Int, { description: '抽中数' })
  drawn: number;
}

@ObjectType({ description: '被排除的检查对象数' })
export class DrawExclusions {
  @Field(() => Int, { description: '不在定向街道' })
  filteredOut: number;

  @Field(() => Int, { description: '非营业状态' })
  notOperating: number;

  @Field(() => Int, { description: '近期已检查且未发现问题' })
  recentlyInspected: number;

  @Field(() => Int, { description: '不属于所抽分层' })
  otherClass: number;
}

@ObjectType()
export class WorkloadExplanation {
  @Field(() => ID)
  officerId: string;

  @Field(() => ID)
  venueId: string;

  @Field({ description: 'CONFLICT：申报回避' })
  reason: string;
}

@ObjectType({ description: '各部门人员的任务量分布' })
export class DrawWorkload {
  @Field(() => DepartmentEnum)
  department: Department;

  @Field(() => Int, { description: '可参加本批次的人员数' })
  officers: number;

  @Field(() => Int)
  min: number;

  @Field(() => Int)
  max: number;

  @Field(() => [WorkloadExplanation], { description: '最大最小相差超过 1 时：造成差异的回避申报' })
  explanation: WorkloadExplanation[];
}

@ObjectType({ description: '抽取结果概要' })
export class DrawOutcome {
  @Field(() => DrawExclusions)
  excluded: DrawExclusions;

  @Field(() => [DrawSelection])
  selections: DrawSelection[];

  @Field(() => [DrawWorkload])
  workload: DrawWorkload[];
}
