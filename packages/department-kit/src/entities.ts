import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Department } from '@dr/domain';

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
}

export type SectionStatusValue = 'NOT_STARTED' | 'IN_PROGRESS';
export type ItemOutcomeValue = 'COMPLIANT' | 'NON_COMPLIANT' | 'NOT_APPLICABLE';

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
}

/** The outcome of one check item in one section. */
@Entity('section_item')
export class SectionItemEntity {
  @PrimaryColumn({ name: 'section_id', type: 'varchar', length: 36 })
  sectionId: string;

  @PrimaryColumn({ name: 'check_item_id', type: 'varchar', length: 36 })
  checkItemId: string;

  @Column({ type: 'varchar', length: 16 })
  outcome: ItemOutcomeValue;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'varchar', length: 36 })
  updatedBy: string;
}
