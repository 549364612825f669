import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DepartmentEnum } from '@dr/subgraph-kit';
import type { Department } from '@dr/domain';

/** R-PLAN-1: a joint inspection plan (实施方案) as issued by the joint office. */
@Entity('plan')
@ObjectType({ description: '联合抽查实施方案（R-PLAN-1）' })
@Directive('@key(fields: "id")')
export class Plan {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id: string;

  @Index('uq_plan_document_number', { unique: true })
  @Column({ name: 'document_number', type: 'varchar', length: 64 })
  @Field({ description: '文号' })
  documentNumber: string;

  @Column({ type: 'varchar', length: 200 })
  @Field({ description: '标题' })
  title: string;

  @Column({ name: 'issuing_office', type: 'varchar', length: 200 })
  @Field({ description: '印发单位' })
  issuingOffice: string;

  @Column({ name: 'issue_date', type: 'varchar', length: 10 })
  @Field({ description: '印发日期 YYYY-MM-DD' })
  issueDate: string;

  @Column({ name: 'window_start', type: 'varchar', length: 10 })
  @Field({ description: '检查时间窗口起 YYYY-MM-DD（R-PLAN-2）' })
  windowStart: string;

  @Column({ name: 'window_end', type: 'varchar', length: 10 })
  @Field({ description: '检查时间窗口止 YYYY-MM-DD（R-PLAN-2）' })
  windowEnd: string;

  @Column({ name: 'object_type', type: 'varchar', length: 100 })
  @Field({ description: '检查对象类型' })
  objectType: string;

  @Column({ name: 'lead_department', type: 'varchar', length: 16 })
  @Field(() => DepartmentEnum, { description: '牵头部门' })
  leadDepartment: Department;

  @Column({ name: 'participating_departments', type: 'simple-array' })
  @Field(() => [DepartmentEnum], { description: '参与部门' })
  participatingDepartments: Department[];

  @Column({ name: 'annual_plan', type: 'varchar', length: 300 })
  @Field({ description: '所依据的年度计划' })
  annualPlan: string;

  @Column({ name: 'reporting_deadline', type: 'varchar', length: 10 })
  @Field({ description: '总结及汇总表报送截止日期（R-REP-2）' })
  reportingDeadline: string;

  @Column({ name: 'report_to', type: 'varchar', length: 16 })
  @Field(() => DepartmentEnum, { description: '报送单位（R-REP-2）' })
  reportTo: Department;

  @Column({ name: 'created_at', type: 'datetime', default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;
}
