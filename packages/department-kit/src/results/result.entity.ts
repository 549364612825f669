import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Where a department's result of one inspection stands (谁检查、谁录入、谁公开, R-PUB-1/2). */
export type ResultStatusValue = 'PENDING_ENTRY' | 'PENDING_REVIEW' | 'RETURNED' | 'PUBLISHED';

/**
 * The department's result of one inspection, created when the office tells it the visit is signed
 * (`inspection.signed`, ADR 0013). The venue, the dates and the team are the department's own copy
 * (a read model), so who may enter the result is decided here without asking the office.
 */
@Entity('department_result')
@Index('idx_department_result_status_deadline', ['status', 'publicationDeadline'])
// The 汇总表 reads a plan's results by day, then inspection (R-REP-2).
@Index('idx_department_result_plan_day', ['planId', 'inspectedOn', 'inspectionId'])
export class ResultEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('uq_department_result_inspection', { unique: true })
  @Column({ name: 'inspection_id', type: 'varchar', length: 36 })
  inspectionId: string;

  @Index('idx_department_result_plan')
  @Column({ name: 'plan_id', type: 'varchar', length: 36 })
  planId: string;

  @Column({ name: 'plan_title', type: 'varchar', length: 300 })
  planTitle: string;

  @Column({ name: 'venue_id', type: 'varchar', length: 36 })
  venueId: string;

  @Column({ name: 'venue_name', type: 'varchar', length: 200 })
  venueName: string;

  @Column({ name: 'venue_uscc', type: 'varchar', length: 18 })
  venueUscc: string;

  @Column({ name: 'venue_street', type: 'varchar', length: 50 })
  venueStreet: string;

  /** The day of the visit; the publication deadline counts from it (R-PUB-1). */
  @Column({ name: 'inspected_on', type: 'varchar', length: 10 })
  inspectedOn: string;

  @Column({ name: 'signed_on', type: 'varchar', length: 10 })
  signedOn: string;

  /** Officers of the team (inspector directory ids), comma-separated: they may enter the result. */
  @Column({ name: 'team_inspector_ids', type: 'text' })
  teamInspectorIds: string;

  /** 20 working days after `inspectedOn` (R-PUB-1); null while the calendar lacks a year it needs (R-CAL-2). */
  @Column({ name: 'publication_deadline', type: 'varchar', length: 10, nullable: true })
  publicationDeadline: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: ResultStatusValue;

  /** R-RES-2 codes, comma-separated in ascending order; empty until entered. */
  @Column({ name: 'result_codes', type: 'varchar', length: 64, default: '' })
  resultCodes: string;

  /** 检查结果说明: the text the public reads. */
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  /** Why the reviewer sent the result back (kept until it is entered again). */
  @Column({ name: 'return_reason', type: 'varchar', length: 500, nullable: true })
  returnReason: string | null;

  /** Bumped by every write; guards concurrent edits (`UPDATE … WHERE version = ?`). */
  @Column({ type: 'int' })
  version: number;

  /** 0 until published, 1 at publication, + 1 per correction (the public side keeps the newest). */
  @Column({ type: 'int', default: 0 })
  revision: number;

  @Column({ name: 'entered_by_name', type: 'varchar', length: 50, nullable: true })
  enteredByName: string | null;

  @Column({ name: 'entered_at', type: 'datetime', precision: 6, nullable: true })
  enteredAt: Date | null;

  @Column({ name: 'published_by', type: 'varchar', length: 36, nullable: true })
  publishedBy: string | null;

  @Column({ name: 'published_by_name', type: 'varchar', length: 50, nullable: true })
  publishedByName: string | null;

  @Column({ name: 'published_at', type: 'datetime', precision: 6, nullable: true })
  publishedAt: Date | null;

  /** The China date of publication (公示日期). */
  @Column({ name: 'published_on', type: 'varchar', length: 10, nullable: true })
  publishedOn: string | null;

  /** The result as first published (JSON `{ resultCodes, summary }`): a correction never overwrites it. */
  @Column({ name: 'published_record', type: 'text', nullable: true })
  publishedRecord: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt: Date;
}

export type ResultChangeKind = 'ENTER' | 'RETURN' | 'PUBLISH' | 'CORRECT';

/** One write to a result: the review trail and the corrections (before → after), never changed. */
@Entity('department_result_change')
@Index('uq_department_result_change_version', ['resultId', 'version'], { unique: true })
export class ResultChangeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'result_id', type: 'varchar', length: 36 })
  resultId: string;

  /** The result's version this write produced. */
  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 8 })
  kind: ResultChangeKind;

  /** The reviewer's reason to return, or the reason of a correction. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ name: 'changed_by', type: 'varchar', length: 36 })
  changedBy: string;

  @Column({ name: 'changed_by_name', type: 'varchar', length: 50 })
  changedByName: string;

  @Column({ name: 'changed_at', type: 'datetime', precision: 6 })
  changedAt: Date;

  /** JSON `{ resultCodes, summary }` before and after the write. */
  @Column({ type: 'text' })
  before: string;

  @Column({ type: 'text' })
  after: string;
}
