import type { Department } from '../department';
import { eligibleVenues, stratumQuota } from './select';
import { availableOfficers } from './teams';
import type { DrawParameters, InspectorRecord, VenueRecord } from './types';

/** A team the draw could not staff: for one venue (or for every venue, `venueId` null), one department. */
export interface StaffingProblem {
  /** Null when the department is short for any venue at all. */
  venueId: string | null;
  department: Department;
  needed: number;
  available: number;
}

/**
 * A dry run of R-DRAW-2's staffing before the commitment is published, over the same snapshot and
 * parameters. The draw (`formTeams`) fails exactly when, for a drawn venue, a department has fewer
 * available officers without a declared conflict with it than the team needs; which venues are drawn
 * depends on the seed, so this checks every venue the draw could pick. An empty list: no seed can make
 * the reveal fail for want of officers. The algorithm itself is untouched (docs/draw-algorithm.md).
 */
export function staffingProblems(venues: VenueRecord[], inspectors: InspectorRecord[], parameters: DrawParameters): StaffingProblem[] {
  const officers = availableOfficers(inspectors, parameters);
  const departments = Object.entries(parameters.officersPerDepartment) as [Department, number][];
  const problems: StaffingProblem[] = [];
  const short = new Set<Department>();
  for (const [department, needed] of departments) {
    const available = officers.filter((o) => o.department === department).length;
    if (available < needed) {
      problems.push({ venueId: null, department, needed, available });
      short.add(department);
    }
  }
  const eligibility = eligibleVenues(venues, parameters);
  const candidates = parameters.strata.flatMap((rule) => {
    const ids = eligibility.byClass.get(rule.riskClass) ?? [];
    return stratumQuota(rule, ids.length) > 0 ? ids : [];
  });
  if (candidates.length === 0) return problems;
  const conflicted = new Map<string, InspectorRecord[]>();
  for (const officer of officers) for (const venueId of new Set(officer.conflictVenueIds)) conflicted.set(venueId, [...(conflicted.get(venueId) ?? []), officer]);
  for (const venueId of candidates) {
    const recused = conflicted.get(venueId);
    if (!recused) continue;
    for (const [department, needed] of departments) {
      if (short.has(department)) continue;
      const available = officers.filter((o) => o.department === department).length - recused.filter((o) => o.department === department).length;
      if (available < needed) problems.push({ venueId, department, needed, available });
    }
  }
  return problems;
}
