import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { NoticeMode } from '@dr/domain';

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

  /** Exposed through the visit resolver, which hides it from those who may not see an undisclosed visit. */
  @Column({ name: 'scheduled_date', type: 'varchar', length: 10, nullable: true })
  scheduledDate: string | null;

  @Column({ type: 'varchar', length: 16, default: InspectionStatus.SCHEDULED })
  @Field(() => InspectionStatus)
  status: InspectionStatus;

  @Index('idx_inspection_draw')
  @Column({ name: 'draw_id', type: 'varchar', length: 36, nullable: true })
  @Field(() => ID, { nullable: true, description: '产生本检查的抽取；手工创建时为空' })
  drawId: string | null;

  /** Visit time of day `HH:MM` (with the date: the slot an officer is booked for). */
  @Column({ name: 'visit_start_time', type: 'varchar', length: 5, nullable: true })
  visitStartTime: string | null;

  @Column({ name: 'visit_end_time', type: 'varchar', length: 5, nullable: true })
  visitEndTime: string | null;

  /** R-NOTE-1: how the venue was told, or UNDISCLOSED (then no letter, and the date is kept from others). */
  @Column({ name: 'notice_mode', type: 'varchar', length: 16, nullable: true })
  noticeMode: NoticeMode | null;

  @Column({ name: 'notice_at', type: 'datetime', precision: 6, nullable: true })
  noticeAt: Date | null;

  @Column({ name: 'notice_prepare', type: 'varchar', length: 1000, nullable: true })
  noticePrepare: string | null;

  @Column({ name: 'completed_at', type: 'datetime', precision: 6, nullable: true })
  completedAt: Date | null;

  /** Why the task was made by hand, not drawn (createInspection); null for a drawn one. */
  @Column({ name: 'creation_reason', type: 'varchar', length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: '手工建立检查任务的理由；抽取产生的为空' })
  creationReason: string | null;

  @VersionColumn({ type: 'int' })
  version: number;

  @Column({ name: 'created_at', type: 'datetime', default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;
}
