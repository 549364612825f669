/** A year's arrangement as the office types it or reads it from a file. */
export interface CalendarYearDraft {
  year: number;
  source: string;
  holidays: string[];
  workingDays: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function dates(value: unknown, label: string): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || !DATE.test(item))) {
    throw new Error(`文件中的“${label}”应为 YYYY-MM-DD 格式的日期列表`);
  }
  return [...new Set(value as string[])].sort();
}

/**
 * Reads a year's arrangement from a JSON file `{ year, source, holidays: [...], workingDays: [...] }`
 * (the shape `calendarYears` returns, so an exported year loads again as it is). The server checks
 * the dates themselves; this only makes sure the file has the right shape, with a Chinese reason.
 */
export function parseCalendarYearFile(text: string): CalendarYearDraft {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('文件不是有效的 JSON');
  }
  const body = (parsed ?? {}) as Record<string, unknown>;
  if (!Number.isInteger(body.year)) throw new Error('文件中缺少“year”（年度，如 2027）');
  if (typeof body.source !== 'string' || !body.source.trim()) throw new Error('文件中缺少“source”（依据：通知名称及文号）');
  return { year: body.year as number, source: body.source.trim(), holidays: dates(body.holidays, 'holidays（放假日）'), workingDays: dates(body.workingDays, 'workingDays（调休上班日）') };
}
