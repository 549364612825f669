import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum InspectionStatus {
  SCHEDULED = 'SCHEDULED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(InspectionStatus, {
  name: 'InspectionStatus',
  description: '检查状态',
  valuesConfig: { SCHEDULED: { description: '待检查' }, IN_PROGRESS: { description: '检查中' }, COMPLETED: { description: '已完成' }, CANCELLED: { description: '已撤销（重新抽取）' } },
});

/**
 * One visit to one venue by one team for every department of the plan (进一次门、查多项事). The
 * departments extend this entity with their own sections; the office owns only what is joint.
 */
@Entity('inspection')
@Index('idx_inspection_plan_date', ['planId', 'scheduledDate', 'id'])
@ObjectType({ description: '联合检查（一次上门，检查各部门全部事项）' })
@Directive('@key(fields: "id")')
export class Inspection {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id: string;

  @Column({ name: 'plan_id', type: 'varchar', length: 36 })
  @Field(() => ID)
  planId: string;

  @Index('idx_inspection_venue')
  @Column({ name: 'venue_id', type: 'varchar', length: 36 })
  venueId: string;

  @Column({ name: 'scheduled_date', type: 'varchar', length: 10, nullable: true })
  @Field(() => String, { nullable: true, description: '计划检查日期 YYYY-MM-DD' })
  scheduledDate: string | null;

  @Column({ type: 'varchar', length: 16, default: InspectionStatus.SCHEDULED })
  @Field(() => InspectionStatus)
  status: InspectionStatus;

  @Index('idx_inspection_draw')
  @Column({ name: 'draw_id', type: 'varchar', length: 36, nullable: true })
  @Field(() => ID, { nullable: true, description: '产生本检查的抽取；手工创建时为空' })
  drawId: string | null;

  @VersionColumn({ type: 'int' })
  version: number;

  @Column({ name: 'created_at', type: 'datetime', default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;
}
