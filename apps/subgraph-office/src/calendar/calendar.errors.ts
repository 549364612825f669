import { CalendarError, CalendarYearMissingError, InvalidArrangementError } from '@dr/domain';
import { AppError, badInput } from '@dr/subgraph-kit';

/**
 * The one place where the domain's calendar errors become GraphQL errors. A missing year keeps its own
 * code (CALENDAR_YEAR_MISSING, with the year) so a screen can ask the office to load it (R-CAL-2).
 * @param field the argument a wrong date came in.
 */
export function toCalendarGraphQLError(error: unknown, field: string): unknown {
  if (!(error instanceof CalendarError)) return error;
  if (error instanceof CalendarYearMissingError) return new AppError('CALENDAR_YEAR_MISSING', error.message, { year: error.year });
  if (error instanceof InvalidArrangementError) {
    const first = error.problems[0];
    return new AppError('BAD_USER_INPUT', error.message, { field: first.field, date: first.date ?? null, problems: error.problems });
  }
  return badInput(field, error.message);
}
