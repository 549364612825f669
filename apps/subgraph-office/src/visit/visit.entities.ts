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
}

export type VenueResponseKind = 'SIGNED' | 'REFUSED';

/** The venue's answer to the finished record form: signature and stamp, or a refusal (R-VISIT-3). */
@Entity('venue_response')
export class VenueResponse {
  @PrimaryColumn({ name: 'inspection_id', type: 'varchar', length: 36 })
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
}
