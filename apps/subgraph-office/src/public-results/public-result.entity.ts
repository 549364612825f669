import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Department } from '@dr/domain';

/**
 * The office's read model of one department's published result of one inspection (一公开, R-PUB-1):
 * filled only from `result.published` / `result.corrected` events (ADR 0013), so it holds nothing a
 * department has not published, and no personal data (the event carries none).
 */
@Entity('public_result')
// The migration creates both with `published_on DESC` (the page order); TypeORM cannot declare a
// direction, but it compares names and columns only, so these keep it from dropping them.
@Index('idx_public_result_order', ['publishedOn', 'venueName', 'inspectionId', 'department'])
@Index('idx_public_result_plan', ['planId', 'department', 'publishedOn', 'venueName', 'inspectionId'])
export class PublicResultRow {
  @PrimaryColumn({ name: 'inspection_id', type: 'varchar', length: 36 })
  inspectionId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  department: Department;

  @Column({ name: 'plan_id', type: 'varchar', length: 36 })
  planId: string;

  @Column({ name: 'venue_name', type: 'varchar', length: 200 })
  venueName: string;

  @Index('idx_public_result_uscc')
  @Column({ name: 'venue_uscc', type: 'varchar', length: 32 })
  venueUscc: string;

  @Column({ name: 'venue_street', type: 'varchar', length: 100 })
  venueStreet: string;

  /** R-RES-2 codes, comma-separated in the order the department gave them. */
  @Column({ name: 'result_codes', type: 'varchar', length: 64 })
  resultCodes: string;

  @Column({ name: 'inspected_on', type: 'varchar', length: 10 })
  inspectedOn: string;

  @Column({ name: 'published_on', type: 'varchar', length: 10 })
  publishedOn: string;

  /** The department's revision; only a higher one replaces the row (a late, older event is a no-op). */
  @Column({ type: 'integer' })
  revision: number;

  @Column({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt: Date;
}

/** A correction of a published result (更正): kept for good, the public sees the reason and the date. */
@Entity('public_result_correction')
@Index('uq_public_result_correction', ['inspectionId', 'department', 'revision'], { unique: true })
export class PublicResultCorrectionRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'inspection_id', type: 'varchar', length: 36 })
  inspectionId: string;

  @Column({ type: 'varchar', length: 16 })
  department: Department;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ name: 'corrected_on', type: 'varchar', length: 10 })
  correctedOn: string;

  /** The codes as corrected by this revision. */
  @Column({ name: 'result_codes', type: 'varchar', length: 64 })
  resultCodes: string;

  @Column({ name: 'recorded_at', type: 'datetime', precision: 6 })
  recordedAt: Date;
}
