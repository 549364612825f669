import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type SignaturePurposeValue = 'RECORD_FORM' | 'REFUSAL_NOTE';

/** An officer's signature on the record form, or on the written note of the venue's refusal (R-VISIT-3). */
@Entity('record_signature')
@Index('uq_record_signature', ['inspectionId', 'purpose', 'inspectorId'], { unique: true })
export class RecordSignature {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'inspection_id', type: 'varchar', length: 36 })
  inspectionId: string;

  @Column({ type: 'varchar', length: 16 })
  purpose: SignaturePurposeValue;

  @Column({ name: 'inspector_id', type: 'varchar', length: 36 })
  inspectorId: string;

  /** SHA-256 of the PNG in the file store. */
  @Column({ name: 'image_sha256', type: 'varchar', length: 64 })
  imageSha256: string;

  @Column({ name: 'signed_at', type: 'datetime', precision: 6 })
  signedAt: Date;

  /** The login on whose device the officer signed. */
  @Column({ name: 'recorded_by', type: 'varchar', length: 36 })
  recordedBy: string;

  /** SHA-256 of the record form's frozen content (`record_snapshot`) this signature commits to; null for signatures made before snapshots existed. */
  @Column({ name: 'content_sha256', type: 'varchar', length: 64, nullable: true })
  contentSha256: string | null;

  /** The login the signer confirmed with (本人确认): the login linked to `inspectorId`. */
  @Column({ name: 'confirmed_by', type: 'varchar', length: 36, nullable: true })
  confirmedBy: string | null;
}

export type VenueResponseKind = 'SIGNED' | 'REFUSED';

/**
 * The venue's answer to the finished record form: signature and stamp, or a refusal (R-VISIT-3). A
 * refusal recorded by mistake may be withdrawn by the team leader until the refusal note is signed; the
 * row stays, marked withdrawn, and the venue's next answer is a new row. At most one row per
 * inspection is not withdrawn.
 */
@Entity('venue_response')
@Index('idx_venue_response_inspection', ['inspectionId'])
export class VenueResponse {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'inspection_id', type: 'varchar', length: 36 })
  inspectionId: string;

  @Column({ type: 'varchar', length: 8 })
  kind: VenueResponseKind;

  @Column({ name: 'signer_name', type: 'varchar', length: 50, nullable: true })
  signerName: string | null;

  @Column({ name: 'signature_sha256', type: 'varchar', length: 64, nullable: true })
  signatureSha256: string | null;

  @Column({ name: 'stamp_sha256', type: 'varchar', length: 64, nullable: true })
  stampSha256: string | null;

  @Column({ name: 'refusal_note', type: 'varchar', length: 1000, nullable: true })
  refusalNote: string | null;

  @Column({ name: 'recorded_at', type: 'datetime', precision: 6 })
  recordedAt: Date;

  @Column({ name: 'recorded_by', type: 'varchar', length: 36 })
  recordedBy: string;

  @Column({ name: 'withdrawn_at', type: 'datetime', precision: 6, nullable: true })
  withdrawnAt: Date | null;

  /** The team leader's login. */
  @Column({ name: 'withdrawn_by', type: 'varchar', length: 36, nullable: true })
  withdrawnBy: string | null;

  @Column({ name: 'withdrawal_reason', type: 'varchar', length: 500, nullable: true })
  withdrawalReason: string | null;
}

/**
 * What the officers signed, frozen at the first officer's signature (ADR 0015): each department's
 * section as it was then, as JSON, and its SHA-256. Every signature of the form commits to this hash
 * and the PDF's signed pages are printed from it, never from the departments' live records.
 */
@Entity('record_snapshot')
export class RecordSnapshot {
  @PrimaryColumn({ name: 'inspection_id', type: 'varchar', length: 36 })
  inspectionId: string;

  /** JSON of `SignedContent` (record-form.content.ts), exactly the bytes that were hashed. */
  @Column({ type: 'text' })
  content: string;

  @Column({ name: 'content_sha256', type: 'varchar', length: 64 })
  contentSha256: string;

  @Column({ name: 'taken_at', type: 'datetime', precision: 6 })
  takenAt: Date;

  @Column({ name: 'taken_by', type: 'varchar', length: 36 })
  takenBy: string;
}

/**
 * A department's amendment (更正) of its submitted section, as the office learned it from the
 * `section.amended` event. One made after signing (version above the snapshot's for that department)
 * is a dated entry of its own on the record form and shows 未经被检查对象确认 until the venue
 * acknowledges it (signer's name and signature, recorded by the team or the office).
 */
@Entity('record_amendment')
@Index('uq_record_amendment', ['inspectionId', 'department', 'sectionVersion'], { unique: true })
export class RecordAmendment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'inspection_id', type: 'varchar', length: 36 })
  inspectionId: string;

  @Column({ type: 'varchar', length: 16 })
  department: string;

  @Column({ name: 'section_version', type: 'integer' })
  sectionVersion: number;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ name: 'amended_by_name', type: 'varchar', length: 50 })
  amendedByName: string;

  @Column({ name: 'amended_at', type: 'datetime', precision: 6 })
  amendedAt: Date;

  /** JSON: `[{ field, label, before, after }]`. */
  @Column({ type: 'text' })
  changes: string;

  @Column({ name: 'acknowledged_at', type: 'datetime', precision: 6, nullable: true })
  acknowledgedAt: Date | null;

  @Column({ name: 'acknowledged_by_name', type: 'varchar', length: 50, nullable: true })
  acknowledgedByName: string | null;

  @Column({ name: 'acknowledgement_sha256', type: 'varchar', length: 64, nullable: true })
  acknowledgementSha256: string | null;

  /** The login that recorded the venue's acknowledgement. */
  @Column({ name: 'acknowledgement_recorded_by', type: 'varchar', length: 36, nullable: true })
  acknowledgementRecordedBy: string | null;
}
