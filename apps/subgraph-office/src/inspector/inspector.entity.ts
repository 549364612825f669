import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DepartmentEnum } from '@dr/subgraph-kit';
import type { Department, InspectorStatusCode } from '@dr/domain';

export enum InspectorStatus {
  ACTIVE = 'ACTIVE',
  ON_LEAVE = 'ON_LEAVE',
}
registerEnumType(InspectorStatus, { name: 'InspectorStatus', description: '在岗状态', valuesConfig: { ACTIVE: { description: '在岗' }, ON_LEAVE: { description: '请假' } } });

/** An enforcement officer in the inspector directory (执法检查人员名录库). */
@Entity('inspector')
@ObjectType({ description: '执法检查人员' })
@Directive('@key(fields: "id")')
export class Inspector {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id: string;

  @Column({ type: 'varchar', length: 50 })
  @Field({ description: '姓名' })
  name: string;

  @Index('idx_inspector_department')
  @Column({ type: 'varchar', length: 16 })
  @Field(() => DepartmentEnum, { description: '所属部门' })
  department: Department;

  @Index('uq_inspector_certificate_number', { unique: true })
  @Column({ name: 'certificate_number', type: 'varchar', length: 50 })
  @Field({ description: '执法证号' })
  certificateNumber: string;

  @Column({ name: 'certificate_valid_from', type: 'varchar', length: 10, nullable: true })
  @Field(() => String, { nullable: true, description: '执法证有效期起 YYYY-MM-DD' })
  certificateValidFrom: string | null;

  @Column({ name: 'certificate_valid_until', type: 'varchar', length: 10, nullable: true })
  @Field(() => String, { nullable: true, description: '执法证有效期至 YYYY-MM-DD' })
  certificateValidUntil: string | null;

  @Column({ type: 'varchar', length: 16, default: 'ACTIVE' })
  @Field(() => InspectorStatus, { description: '在岗状态（请假人员不参加抽取）' })
  status: InspectorStatusCode;

  @Column({ type: 'simple-array', nullable: true })
  @Field(() => [String], { description: '专业领域' })
  expertise: string[];
}
