import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Department, ItemOutcomeValue, OrderDelivery, OrderKind } from '@dr/domain';

/** A check item of one plan (R-ITEM-4): data, versioned by plan, with its legal basis. */
@Entity('check_item')
@Index('uq_check_item_plan_code', ['planId', 'code'], { unique: true })
export class CheckItemEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'plan_id', type: 'varchar', length: 36 })
  planId: string;

  @Column({ type: 'varchar', length: 16 })
  department: Department;

  @Column({ type: 'varchar', length: 16 })
  code: string;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ name: 'legal_basis', type: 'varchar', length: 500 })
  legalBasis: string;

  @Column({ name: 'sort_order', type: 'int' })
  order: number;

  /** The current version; an edit before the draw makes the next one (`check_item_version` keeps all). */
  @Column({ type: 'int', default: 1 })
  version: number;

  /** The cited articles await a legal officer's confirmation (待法制审核). */
  @Column({ name: 'legal_review_pending', type: 'boolean', default: false })
  legalReviewPending: boolean;

  /** When the plan's draw froze the item (the office's `plan.frozen`); null while it may still change. */
  @Column({ name: 'frozen_at', type: 'datetime', precision: 6, nullable: true })
  frozenAt: Date | null;
}

/** One version of a check item, never changed: what a record inspected with that version read. */
@Entity('check_item_version')
@Index('uq_check_item_version', ['checkItemId', 'version'], { unique: true })
export class CheckItemVersionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'check_item_id', type: 'varchar', length: 36 })
  checkItemId: string;

  @Column({ name: 'plan_id', type: 'varchar', length: 36 })
  planId: string;

  @Column({ type: 'varchar', length: 16 })
  code: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ name: 'legal_basis', type: 'varchar', length: 500 })
  legalBasis: string;

  @Column({ name: 'sort_order', type: 'int' })
  order: number;

  @Column({ name: 'legal_review_pending', type: 'boolean' })
  legalReviewPending: boolean;

  @Column({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;

  /** Null for reference data loaded by a migration. */
  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy: string | null;
}

export type SectionStatusValue = 'NOT_STARTED' | 'IN_PROGRESS' | 'SUBMITTED';
export type { ItemOutcomeValue };

/** The department's part of one inspection: its record of its own items (R-PUB-2). */
@Entity('department_section')
export class SectionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('uq_department_section_inspection', { unique: true })
  @Column({ name: 'inspection_id', type: 'varchar', length: 36 })
  inspectionId: string;

  @Column({ name: 'plan_id', type: 'varchar', length: 36 })
  planId: string;

  @Column({ type: 'varchar', length: 16 })
  status: SectionStatusValue;

  /** Bumped by every change; guards concurrent edits (`UPDATE … WHERE version = ?`). */
  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'varchar', length: 36 })
  updatedBy: string;

  /** R-RES-2 codes, comma-separated in ascending order (`5,8`); empty until chosen. */
  @Column({ name: 'result_codes', type: 'varchar', length: 64, default: '' })
  resultCodes: string;

  /** 现场笔录 (R-VISIT-1): the facts found and the persons present. */
  @Column({ name: 'on_site_facts', type: 'text', nullable: true })
  onSiteFacts: string | null;

  @Column({ name: 'on_site_persons', type: 'varchar', length: 500, nullable: true })
  onSitePersons: string | null;

  @Column({ name: 'submitted_at', type: 'datetime', precision: 6, nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'submitted_by', type: 'varchar', length: 36, nullable: true })
  submittedBy: string | null;

  /** The section as submitted (JSON): the original that an amendment never overwrites. */
  @Column({ name: 'submitted_record', type: 'text', nullable: true })
  submittedRecord: string | null;
}

/** The outcome of one check item in one section. */
@Entity('section_item')
export class SectionItemEntity {
  @PrimaryColumn({ name: 'section_id', type: 'varchar', length: 36 })
  sectionId: string;

  @PrimaryColumn({ name: 'check_item_id', type: 'varchar', length: 36 })
  checkItemId: string;

  /** Null while only a note has been written. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome: ItemOutcomeValue | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'varchar', length: 36 })
  updatedBy: string;
}

export type OrderKindValue = OrderKind;
export type OrderDeliveryValue = OrderDelivery;

/** An order given on site (R-VISIT-1/2): to stop the illegal activity or to rectify by a deadline. */
@Entity('section_order')
@Index('idx_section_order_section', ['sectionId', 'position'])
export class OrderEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'section_id', type: 'varchar', length: 36 })
  sectionId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 16 })
  kind: OrderKindValue;

  @Column({ type: 'varchar', length: 16 })
  delivery: OrderDeliveryValue;

  @Column({ type: 'varchar', length: 1000 })
  content: string;

  /** Rectification deadline `YYYY-MM-DD`; only for RECTIFY (follow-up reads it). */
  @Index('idx_section_order_deadline')
  @Column({ type: 'varchar', length: 10, nullable: true })
  deadline: string | null;

  @Column({ name: 'check_item_id', type: 'varchar', length: 36, nullable: true })
  checkItemId: string | null;
}

/** A photo or file taken as evidence on site for one item, stored by the SHA-256 of its bytes. */
@Entity('evidence')
@Index('uq_evidence_inspection_item_sha', ['inspectionId', 'checkItemId', 'sha256'], { unique: true })
export class EvidenceEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'inspection_id', type: 'varchar', length: 36 })
  inspectionId: string;

  @Column({ name: 'check_item_id', type: 'varchar', length: 36, nullable: true })
  checkItemId: string | null;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ name: 'content_type', type: 'varchar', length: 50 })
  contentType: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  fileName: string;

  @Column({ name: 'uploaded_by', type: 'varchar', length: 36 })
  uploadedBy: string;

  @Column({ name: 'uploaded_at', type: 'datetime', precision: 6 })
  uploadedAt: Date;

  /** Taken off the record before submission (a wrong photo); the row and the file stay for the audit. */
  @Column({ name: 'removed_at', type: 'datetime', precision: 6, nullable: true })
  removedAt: Date | null;

  @Column({ name: 'removed_by', type: 'varchar', length: 36, nullable: true })
  removedBy: string | null;
}

/**
 * Evidence taken off a draft record, one row per removal, never changed: who had uploaded it under
 * which name, and who removed it when, even after the same photo is taken again and comes back (the
 * item and the content stay on the evidence row, which is never deleted).
 */
@Entity('evidence_removal')
@Index('idx_evidence_removal_inspection', ['inspectionId'])
export class EvidenceRemovalEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'evidence_id', type: 'varchar', length: 36 })
  evidenceId: string;

  @Column({ name: 'inspection_id', type: 'varchar', length: 36 })
  inspectionId: string;

  /** The upload that was removed: its file name, who and when (the evidence row may be taken again). */
  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  fileName: string;

  @Column({ name: 'uploaded_by', type: 'varchar', length: 36 })
  uploadedBy: string;

  @Column({ name: 'uploaded_at', type: 'datetime', precision: 6 })
  uploadedAt: Date;

  @Column({ name: 'removed_by', type: 'varchar', length: 36 })
  removedBy: string;

  @Column({ name: 'removed_at', type: 'datetime', precision: 6 })
  removedAt: Date;
}

export type ChangeKind = 'SAVE' | 'SUBMIT' | 'AMEND';

/** One write to a section, with what it changed: the conflict report and the amendment trail. */
@Entity('section_change')
@Index('uq_section_change_version', ['sectionId', 'version'], { unique: true })
export class SectionChangeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'section_id', type: 'varchar', length: 36 })
  sectionId: string;

  /** The section's version this write produced. */
  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 8 })
  kind: ChangeKind;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ name: 'changed_by', type: 'varchar', length: 36 })
  changedBy: string;

  @Column({ name: 'changed_by_name', type: 'varchar', length: 50 })
  changedByName: string;

  @Column({ name: 'changed_at', type: 'datetime', precision: 6 })
  changedAt: Date;

  /** JSON `[{ field, label, before, after }]`. */
  @Column({ type: 'text' })
  changes: string;
}
