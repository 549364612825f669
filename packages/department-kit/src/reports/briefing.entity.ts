import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One issue of the department's progress briefing for a plan (专项简报, R-REP-1): its highlights,
 * problems and suggestions. Each report is a new issue (第 N 期); issues are never changed, so what the
 * office compiled stays what the department sent.
 */
@Entity('department_briefing')
@Index('uq_department_briefing_issue', ['planId', 'issue'], { unique: true })
export class BriefingEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'plan_id', type: 'varchar', length: 36 })
  planId: string;

  /** 第 N 期, from 1 per plan. */
  @Column({ type: 'int' })
  issue: number;

  /** 工作亮点 */
  @Column({ type: 'text' })
  highlights: string;

  /** 存在问题 */
  @Column({ type: 'text' })
  problems: string;

  /** 意见和建议 */
  @Column({ type: 'text' })
  suggestions: string;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ name: 'created_by_name', type: 'varchar', length: 50 })
  createdByName: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;
}
