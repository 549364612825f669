import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { PenaltyCaseStateValue } from './penalty-case.rules';

/**
 * An administrative-penalty case handed off from a published culture result coded 8 (待后续处理): waiting
 * for filing, then 立案 (with its 立案号 and date), 调查, 处罚决定, 结案. One per inspection.
 */
@Entity('culture_penalty_case')
@Index('idx_culture_penalty_case_state', ['state', 'handedOffOn'])
export class PenaltyCaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('uq_culture_penalty_case_inspection', { unique: true })
  @Column({ name: 'inspection_id', type: 'varchar', length: 36 })
  inspectionId: string;

  @Column({ name: 'venue_id', type: 'varchar', length: 36 })
  venueId: string;

  @Column({ name: 'venue_name', type: 'varchar', length: 200 })
  venueName: string;

  /** 检查结果说明 at the hand-off: what the case starts from. */
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ name: 'handed_off_on', type: 'varchar', length: 10 })
  handedOffOn: string;

  /** 立案号, unique in the department. */
  @Index('uq_culture_penalty_case_number', { unique: true })
  @Column({ name: 'case_number', type: 'varchar', length: 50, nullable: true })
  caseNumber: string | null;

  @Column({ name: 'filed_on', type: 'varchar', length: 10, nullable: true })
  filedOn: string | null;

  @Column({ type: 'varchar', length: 16 })
  state: PenaltyCaseStateValue;

  /** The day the case reached its current stage. */
  @Column({ name: 'state_on', type: 'varchar', length: 10 })
  stateOn: string;

  @Column({ name: 'updated_by_name', type: 'varchar', length: 50, nullable: true })
  updatedByName: string | null;

  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt: Date;
}
