import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A year's holiday arrangement loaded by the office at run time (R-CAL-2): a year the shipped table
 * lacks, or a correction of one. The dates are JSON arrays of `YYYY-MM-DD`.
 */
@Entity('calendar_year')
export class CalendarYearRecord {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ type: 'varchar', length: 200 })
  source: string;

  @Column({ type: 'text' })
  holidays: string;

  @Column({ name: 'working_days', type: 'text' })
  workingDays: string;

  @Column({ name: 'loaded_at', type: 'datetime', precision: 6 })
  loadedAt: Date;

  /** The user id of the office administrator who loaded it. */
  @Column({ name: 'loaded_by', type: 'varchar', length: 36 })
  loadedBy: string;

  /** Their display name at the time, so the list reads without a join. */
  @Column({ name: 'loaded_by_name', type: 'varchar', length: 50 })
  loadedByName: string;
}
