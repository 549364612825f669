import type { EntityManager } from 'typeorm';
import { CN_HOLIDAY_ARRANGEMENTS, WorkingDayCalendar, type EventPayloads, type YearArrangement } from '@dr/domain';
import { DepartmentCalendarYearEntity } from './calendar-year.entity';

// The shipped arrangements until the loaded ones are read at start (one department per process).
let current = WorkingDayCalendar.fromArrangements(CN_HOLIDAY_ARRANGEMENTS);

/** The calendar every deadline of this department counts with: the shipped years, with the office's loaded years on top. */
export function departmentCalendar(): WorkingDayCalendar {
  return current;
}

const toArrangement = (row: DepartmentCalendarYearEntity): YearArrangement => ({
  year: row.year,
  source: row.source,
  holidays: JSON.parse(row.holidays) as string[],
  workingDays: JSON.parse(row.workingDays) as string[],
});

/** Rebuilds the calendar from the stored years (at start, and after a year arrives). */
export async function reloadDepartmentCalendar(manager: EntityManager): Promise<void> {
  const rows = await manager.find(DepartmentCalendarYearEntity, { order: { year: 'ASC' } });
  current = WorkingDayCalendar.fromArrangements([...CN_HOLIDAY_ARRANGEMENTS, ...rows.map(toArrangement)]);
}

/**
 * `calendar.year-loaded` (office → departments, ADR 0013): keeps the year unless a newer load of it is
 * kept already, and takes it into the calendar at once, without a restart.
 */
export async function receiveYearLoaded(manager: EntityManager, payload: EventPayloads['calendar.year-loaded']): Promise<void> {
  const loadedAt = new Date(payload.loadedAt);
  const kept = await manager.findOneBy(DepartmentCalendarYearEntity, { year: payload.year });
  if (kept && kept.loadedAt.getTime() >= loadedAt.getTime()) return;
  // Checked as the office checked it, so a bad arrangement is refused (and retried) rather than stored.
  current.withYear(payload);
  await manager.delete(DepartmentCalendarYearEntity, { year: payload.year });
  await manager.insert(DepartmentCalendarYearEntity, {
    year: payload.year,
    source: payload.source,
    holidays: JSON.stringify([...payload.holidays].sort()),
    workingDays: JSON.stringify([...payload.workingDays].sort()),
    loadedAt,
  });
  await reloadDepartmentCalendar(manager);
}
