import type { DepartmentCode } from '@dr/ui';

/** Filter values of a drill-down link: absent keys are not filtered. */
export type LinkFilter = Record<string, string | number | boolean | null | undefined>;

function query(filter: LinkFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The plan's task list filtered as an office figure was counted (stage, street). */
export const inspectionsLink = (planId: string, filter: LinkFilter) => `/plans/${planId}${query(filter)}#inspections`;

/** A department's results filtered as its figure was counted. */
export const resultsLink = (department: DepartmentCode, planId: string, filter: LinkFilter) => `/dashboard/${department.toLowerCase()}/results${query({ planId, ...filter })}`;

/** A department's follow-ups filtered as its figure was counted. */
export const followUpsLink = (department: DepartmentCode, planId: string, filter: LinkFilter) => `/dashboard/${department.toLowerCase()}/follow-ups${query({ planId, ...filter })}`;

/** Reads a drill-down link's filter back: booleans and numbers as the API wants them. */
export function readFilter(params: URLSearchParams, keys: { booleans?: string[]; numbers?: string[]; strings?: string[] }): Record<string, string | number | boolean | null> {
  const filter: Record<string, string | number | boolean | null> = {};
  for (const key of keys.strings ?? []) filter[key] = params.get(key);
  for (const key of keys.booleans ?? []) filter[key] = params.has(key) ? params.get(key) === 'true' : null;
  for (const key of keys.numbers ?? []) filter[key] = params.has(key) && /^\d{1,3}$/.test(params.get(key)!) ? Number(params.get(key)) : null;
  return filter;
}
