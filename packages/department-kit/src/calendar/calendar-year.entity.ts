import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A year's holiday arrangement the office loaded (`calendar.year-loaded`, R-CAL-2), kept by the
 * department so its deadlines count with it. The dates are JSON arrays of `YYYY-MM-DD`.
 */
@Entity('department_calendar_year')
export class DepartmentCalendarYearEntity {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ type: 'varchar', length: 200 })
  source: string;

  @Column({ type: 'text' })
  holidays: string;

  @Column({ name: 'working_days', type: 'text' })
  workingDays: string;

  /** When the office loaded it: a later load of the same year replaces it, an older one does not. */
  @Column({ name: 'loaded_at', type: 'datetime', precision: 6 })
  loadedAt: Date;
}
