import { ArrayMaxSize, IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { Department } from '@dr/domain';
import { DepartmentEnum, SafeText, SaneDate } from '@dr/subgraph-kit';

/** A plan as the office sets it up or edits it (R-PLAN-1); the rules between fields are `planProblems`. */
@InputType({ description: '实施方案（新建或修改）' })
export class PlanInput {
  @Field({ description: '方案名称' })
  @Length(1, 200, { message: '方案名称应为 1–200 个字符' })
  @SafeText({ label: '方案名称' })
  title: string;

  @Field({ description: '文号，如 平卫双随机办〔2023〕1号' })
  @Length(1, 64, { message: '文号应为 1–64 个字符' })
  @SafeText({ label: '文号' })
  documentNumber: string;

  @Field({ description: '印发日期 YYYY-MM-DD' })
  @SaneDate('印发日期')
  issueDate: string;

  @Field({ description: '检查对象类型' })
  @Length(1, 100, { message: '检查对象类型应为 1–100 个字符' })
  @SafeText({ label: '检查对象类型' })
  objectType: string;

  @Field({ description: '检查时间起 YYYY-MM-DD' })
  @SaneDate('检查开始日期')
  windowStart: string;

  @Field({ description: '检查时间止 YYYY-MM-DD' })
  @SaneDate('检查结束日期')
  windowEnd: string;

  @Field(() => [DepartmentEnum], { description: '参与部门' })
  @ArrayMaxSize(10, { message: '参与部门过多' })
  participatingDepartments: Department[];

  @Field(() => DepartmentEnum, { description: '牵头部门（须为参与部门之一）' })
  leadDepartment: Department;

  @Field({ description: '所依据的年度计划', defaultValue: '' })
  @Length(0, 300, { message: '年度计划名称不能超过 300 个字符' })
  @SafeText({ label: '年度计划' })
  annualPlan: string;

  @Field({ description: '总结及汇总表报送截止日期 YYYY-MM-DD' })
  @SaneDate('报送截止日期')
  reportingDeadline: string;

  @Field(() => DepartmentEnum, { description: '报送单位（如 区市场监管局）' })
  reportTo: Department;
}

@InputType({ description: '新建实施方案；复制上年方案时指明被复制的方案' })
export class CreatePlanInput extends PlanInput {
  @Field(() => ID, { nullable: true, description: '复制自该方案：各部门将其检查事项复制为本方案的新版本（可再修改）' })
  @IsOptional()
  @Length(1, 36, { message: '被复制的方案无效' })
  copyFromPlanId?: string | null;
}
