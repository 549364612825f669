import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Department } from '@dr/domain';

/** Where a referral stands. Platform departments answer ACCEPTED / RETURNED; an outside authority may be marked ACKNOWLEDGED. */
export type ReferralStateValue = 'SENT' | 'ACCEPTED' | 'RETURNED' | 'ACKNOWLEDGED';

/** How a referral went out: 公函 (a letter), 系统 (this platform or another system), 当面 (handed over in person). */
export type ReferralChannelValue = 'LETTER' | 'SYSTEM' | 'IN_PERSON';

/**
 * A referral this department sent (移送, R-RES-3): a suspected violation found in one of its results,
 * sent to another department on the platform (`toDepartment`) or to an outside authority by name
 * (`toAuthority`). The receiver's answer comes back as `referral.answered` (ADR 0013).
 */
@Entity('referral_sent')
@Index('idx_referral_sent_state', ['state', 'sentOn'])
export class ReferralSentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('idx_referral_sent_inspection')
  @Column({ name: 'inspection_id', type: 'varchar', length: 36 })
  inspectionId: string;

  @Column({ name: 'to_department', type: 'varchar', length: 16, nullable: true })
  toDepartment: Department | null;

  @Column({ name: 'to_authority', type: 'varchar', length: 100, nullable: true })
  toAuthority: string | null;

  @Column({ type: 'text' })
  facts: string;

  @Column({ name: 'legal_basis', type: 'varchar', length: 500 })
  legalBasis: string;

  /** Evidence ids of the department's own section for that inspection, comma-separated. */
  @Column({ name: 'evidence_ids', type: 'text' })
  evidenceIds: string;

  @Column({ type: 'varchar', length: 16 })
  channel: ReferralChannelValue;

  @Column({ name: 'sent_on', type: 'varchar', length: 10 })
  sentOn: string;

  /** 7 working days after the result was formed (R-RES-3); null while the calendar lacks a year. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  deadline: string | null;

  @Column({ type: 'varchar', length: 16 })
  state: ReferralStateValue;

  /** Why the receiver returned it. */
  @Column({ name: 'answer_reason', type: 'varchar', length: 500, nullable: true })
  answerReason: string | null;

  /** The day it was accepted, returned or acknowledged. */
  @Column({ name: 'answered_on', type: 'varchar', length: 10, nullable: true })
  answeredOn: string | null;

  @Column({ name: 'answered_by_name', type: 'varchar', length: 100, nullable: true })
  answeredByName: string | null;

  /** The receiver's version of its answer; a late, older answer is ignored. */
  @Column({ name: 'answer_version', type: 'int', default: 0 })
  answerVersion: number;

  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'sent_by', type: 'varchar', length: 36 })
  sentBy: string;

  @Column({ name: 'sent_by_name', type: 'varchar', length: 50 })
  sentByName: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt: Date;
}

/**
 * A referral another department on the platform sent to this one (from `referral.sent`). Its id is the
 * sender's, so a second delivery finds it and the answer names it. The admin accepts it or returns it.
 */
@Entity('referral_received')
@Index('idx_referral_received_state', ['state', 'answerDeadline'])
export class ReferralReceivedEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'from_department', type: 'varchar', length: 16 })
  fromDepartment: Department;

  @Column({ name: 'inspection_id', type: 'varchar', length: 36 })
  inspectionId: string;

  @Column({ name: 'venue_id', type: 'varchar', length: 36 })
  venueId: string;

  @Column({ name: 'venue_name', type: 'varchar', length: 200 })
  venueName: string;

  @Column({ name: 'venue_uscc', type: 'varchar', length: 18 })
  venueUscc: string;

  @Column({ type: 'text' })
  facts: string;

  @Column({ name: 'legal_basis', type: 'varchar', length: 500 })
  legalBasis: string;

  /** JSON `[{ id, fileName, sha256 }]`: the sender's evidence, readable at `/files/{from}/evidence/{id}`. */
  @Column({ type: 'text' })
  evidence: string;

  @Column({ name: 'sent_on', type: 'varchar', length: 10 })
  sentOn: string;

  @Column({ name: 'sent_by_name', type: 'varchar', length: 50 })
  sentByName: string;

  /** 7 working days after it was sent: answered by then, or flagged overdue. */
  @Column({ name: 'answer_deadline', type: 'varchar', length: 10, nullable: true })
  answerDeadline: string | null;

  @Column({ type: 'varchar', length: 16 })
  state: Exclude<ReferralStateValue, 'ACKNOWLEDGED'>;

  @Column({ name: 'answer_reason', type: 'varchar', length: 500, nullable: true })
  answerReason: string | null;

  @Column({ name: 'answered_on', type: 'varchar', length: 10, nullable: true })
  answeredOn: string | null;

  @Column({ name: 'answered_by_name', type: 'varchar', length: 50, nullable: true })
  answeredByName: string | null;

  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'received_at', type: 'datetime', precision: 6 })
  receivedAt: Date;
}
