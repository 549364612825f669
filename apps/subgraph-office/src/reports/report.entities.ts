import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A final version of the plan's work summary (工作总结, R-REP-2) the office uploaded after editing the
 * draft in Word: a DOCX or a PDF, checked by content, stored by its SHA-256. Versions are never replaced.
 */
@Entity('report_document')
@Index('uq_report_document_version', ['planId', 'kind', 'version'], { unique: true })
export class ReportDocument {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'plan_id', type: 'varchar', length: 36 })
  planId: string;

  /** `WORK_SUMMARY` (工作总结); the kind leaves room for others. */
  @Column({ type: 'varchar', length: 32 })
  kind: string;

  /** 1, 2, … per plan and kind. */
  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  fileName: string;

  @Column({ name: 'content_type', type: 'varchar', length: 100 })
  contentType: string;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ name: 'uploaded_by', type: 'varchar', length: 36 })
  uploadedBy: string;

  @Column({ name: 'uploaded_by_name', type: 'varchar', length: 50 })
  uploadedByName: string;

  @Column({ name: 'uploaded_at', type: 'datetime', precision: 6 })
  uploadedAt: Date;
}

/**
 * 报送: the office sent the plan's work summary (a named uploaded version) and 汇总表 to a recipient on a
 * day (R-REP-2). The first is the report; later ones are supplementary (补充报送) and carry the
 * inspections completed since the one before. `coveredUntil` is when it was recorded: inspections
 * completed after it belong to the next supplementary report.
 */
@Entity('report_submission')
@Index('idx_report_submission_plan', ['planId', 'recordedAt'])
export class ReportSubmission {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'plan_id', type: 'varchar', length: 36 })
  planId: string;

  @Column({ name: 'document_id', type: 'varchar', length: 36 })
  documentId: string;

  /** e.g. 卫东区市场监督管理局 */
  @Column({ type: 'varchar', length: 100 })
  recipient: string;

  /** YYYY-MM-DD, the day it was sent. */
  @Column({ name: 'sent_on', type: 'varchar', length: 10 })
  sentOn: string;

  @Column({ type: 'boolean' })
  supplementary: boolean;

  /** Completed inspections this report covers (all so far for the first; the new ones for a supplementary). */
  @Column({ name: 'inspection_count', type: 'int' })
  inspectionCount: number;

  @Column({ name: 'recorded_by', type: 'varchar', length: 36 })
  recordedBy: string;

  @Column({ name: 'recorded_by_name', type: 'varchar', length: 50 })
  recordedByName: string;

  @Column({ name: 'recorded_at', type: 'datetime', precision: 6 })
  recordedAt: Date;
}
