import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type FollowUpStateValue = 'OPEN' | 'CLOSED';

/** What the re-inspection (复查) found: 整改到位 / 逾期未改 / 转立案. */
export type ReinspectionOutcomeValue = 'RECTIFIED' | 'NOT_RECTIFIED' | 'CASE_OPENED';

/**
 * Following up one order to rectify (R-PUB-3, 谁审批、谁监管): opened when the visit is signed, for each
 * order with a deadline in the department's submitted section; closed by its re-inspection (复查).
 */
@Entity('follow_up')
@Index('idx_follow_up_state_due', ['state', 'dueOn'])
export class FollowUpEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** One task per order, whatever number of times `inspection.signed` arrives. */
  @Index('uq_follow_up_order', { unique: true })
  @Column({ name: 'order_id', type: 'varchar', length: 36 })
  orderId: string;

  @Index('idx_follow_up_inspection')
  @Column({ name: 'inspection_id', type: 'varchar', length: 36 })
  inspectionId: string;

  @Column({ name: 'venue_id', type: 'varchar', length: 36 })
  venueId: string;

  @Column({ name: 'venue_name', type: 'varchar', length: 200 })
  venueName: string;

  @Column({ name: 'order_content', type: 'varchar', length: 1000 })
  orderContent: string;

  /** The day the order was given: the day of the visit. */
  @Column({ name: 'ordered_on', type: 'varchar', length: 10 })
  orderedOn: string;

  /** 改正期限 written on the order. */
  @Column({ name: 'rectification_deadline', type: 'varchar', length: 10 })
  rectificationDeadline: string;

  /** When the re-inspection is due, by the department's rule (default: the rectification deadline). */
  @Column({ name: 'due_on', type: 'varchar', length: 10, nullable: true })
  dueOn: string | null;

  @Column({ type: 'varchar', length: 8 })
  state: FollowUpStateValue;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome: ReinspectionOutcomeValue | null;

  @Column({ name: 'reinspected_on', type: 'varchar', length: 10, nullable: true })
  reinspectedOn: string | null;

  /** 复查意见. */
  @Column({ type: 'text', nullable: true })
  opinion: string | null;

  @Column({ name: 'reinspected_by', type: 'varchar', length: 36, nullable: true })
  reinspectedBy: string | null;

  @Column({ name: 'reinspected_by_name', type: 'varchar', length: 50, nullable: true })
  reinspectedByName: string | null;

  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt: Date;
}
