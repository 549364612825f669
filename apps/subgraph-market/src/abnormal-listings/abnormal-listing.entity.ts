import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type AbnormalListingStateValue = 'PROPOSED' | 'CONFIRMED' | 'WITHDRAWN';

/**
 * A proposal to list a business in 经营异常名录, made when market publishes a result coded 4 (无法联系);
 * a market admin confirms or withdraws it. One per inspection.
 */
@Entity('market_abnormal_listing')
@Index('idx_market_abnormal_listing_state', ['state', 'proposedOn'])
export class AbnormalListingEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('uq_market_abnormal_listing_inspection', { unique: true })
  @Column({ name: 'inspection_id', type: 'varchar', length: 36 })
  inspectionId: string;

  @Column({ name: 'venue_id', type: 'varchar', length: 36 })
  venueId: string;

  @Column({ name: 'venue_name', type: 'varchar', length: 200 })
  venueName: string;

  @Column({ name: 'venue_uscc', type: 'varchar', length: 32 })
  venueUscc: string;

  /** 列入事由. */
  @Column({ type: 'varchar', length: 200 })
  reason: string;

  @Column({ name: 'legal_basis', type: 'varchar', length: 200 })
  legalBasis: string;

  @Column({ type: 'varchar', length: 12 })
  state: AbnormalListingStateValue;

  @Column({ name: 'proposed_on', type: 'varchar', length: 10 })
  proposedOn: string;

  @Column({ name: 'decided_on', type: 'varchar', length: 10, nullable: true })
  decidedOn: string | null;

  @Column({ name: 'decided_by_name', type: 'varchar', length: 50, nullable: true })
  decidedByName: string | null;

  /** Why a proposal was withdrawn (e.g. the business was reached after all). */
  @Column({ name: 'withdraw_reason', type: 'varchar', length: 500, nullable: true })
  withdrawReason: string | null;

  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt: Date;
}
