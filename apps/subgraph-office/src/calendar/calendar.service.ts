import type { DataSource } from 'typeorm';
import { CN_HOLIDAY_ARRANGEMENTS, DEPARTMENTS, WorkingDayCalendar, type Principal, type YearArrangement } from '@dr/domain';
import { publishEvent, retryingTransaction } from '@dr/subgraph-kit';
import { CalendarYearRecord } from './calendar-year.entity';
import { CalendarYear, CalendarYearOrigin } from './calendar.types';

const toArrangement = (record: CalendarYearRecord): YearArrangement => ({
  year: record.year,
  source: record.source,
  holidays: JSON.parse(record.holidays) as string[],
  workingDays: JSON.parse(record.workingDays) as string[],
});

/**
 * The office's working-day calendar: the shipped arrangements with the loaded ones on top (a loaded
 * year replaces a shipped one). Built once and kept until the next load, so a deadline query costs no
 * SQL and a newly loaded year takes effect at once, without a restart.
 */
export class CalendarService {
  private cached: Promise<{ calendar: WorkingDayCalendar; records: CalendarYearRecord[] }> | null = null;

  constructor(private readonly dataSource: DataSource) {}

  /** The calendar of every shipped and loaded year. */
  async calendar(): Promise<WorkingDayCalendar> {
    return (await this.state()).calendar;
  }

  /** Every year the calendar knows, in order, with where its arrangement comes from. */
  async years(): Promise<CalendarYear[]> {
    const { calendar, records } = await this.state();
    const loaded = new Map(records.map((record) => [record.year, record]));
    return calendar.years.map((year) => {
      const arrangement = calendar.arrangement(year)!;
      const record = loaded.get(year);
      return {
        year,
        source: arrangement.source,
        origin: record ? CalendarYearOrigin.LOADED : CalendarYearOrigin.SHIPPED,
        holidays: [...arrangement.holidays],
        workingDays: [...arrangement.workingDays],
        loadedAt: record?.loadedAt ?? null,
        loadedBy: record?.loadedByName ?? null,
      };
    });
  }

  /**
   * Checks and stores a year's arrangement (replacing an earlier load of the same year), tells the
   * departments in the same transaction (`calendar.year-loaded`), then drops the cached calendar.
   * @throws InvalidArrangementError (from the domain) naming each wrong date; nothing is stored then.
   */
  async load(arrangement: YearArrangement, principal: Principal): Promise<CalendarYear> {
    // Checked before anything is written; the same check runs again when the calendar is rebuilt.
    (await this.calendar()).withYear(arrangement);
    const record = Object.assign(new CalendarYearRecord(), {
      year: arrangement.year,
      source: arrangement.source,
      holidays: JSON.stringify([...arrangement.holidays].sort()),
      workingDays: JSON.stringify([...arrangement.workingDays].sort()),
      loadedAt: new Date(),
      loadedBy: principal.userId,
      loadedByName: principal.displayName.slice(0, 50),
    });
    await retryingTransaction(this.dataSource, async (manager) => {
      await manager.delete(CalendarYearRecord, { year: arrangement.year });
      await manager.insert(CalendarYearRecord, record);
      // The departments count their deadlines with it too (ADR 0013), told in the same transaction.
      const payload = { year: record.year, source: record.source, holidays: JSON.parse(record.holidays) as string[], workingDays: JSON.parse(record.workingDays) as string[], loadedAt: record.loadedAt.toISOString() };
      await publishEvent(manager, { source: 'office', topic: 'calendar.year-loaded', payload, destinations: DEPARTMENTS });
    });
    this.cached = null;
    return (await this.years()).find((year) => year.year === arrangement.year)!;
  }

  private state() {
    if (!this.cached) {
      const pending = this.dataSource
        .getRepository(CalendarYearRecord)
        .find({ order: { year: 'ASC' } })
        .then((records) => ({ records, calendar: WorkingDayCalendar.fromArrangements([...CN_HOLIDAY_ARRANGEMENTS, ...records.map(toArrangement)]) }));
      // A failed read is not kept: the next request tries again.
      pending.catch(() => {
        if (this.cached === pending) this.cached = null;
      });
      this.cached = pending;
    }
    return this.cached;
  }
}
