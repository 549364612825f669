import { compareBytes, SEP, type Sha256 } from './sha256';
import type { DrawParameters, StratumRule, StratumSelection, VenueRecord } from './types';

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** How many of `eligible` venues a stratum draws: ⌈eligible × bp / 10000⌉, or min(count, eligible). */
export function stratumQuota(rule: StratumRule, eligible: number): number {
  if ('count' in rule) return Math.min(rule.count, eligible);
  return Math.floor((eligible * rule.basisPoints + 9999) / 10000);
}

interface Ticketed {
  id: string;
  ticket: Uint8Array;
  /** The ticket's first 6 bytes as a number: exact in a double, enough to order almost every pair. */
  prefix: number;
}

function compareTicketed(a: Ticketed, b: Ticketed): number {
  return a.prefix - b.prefix || compareBytes(a.ticket, b.ticket) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The k-th smallest value (0-based) of `values`, reordering it in place (quickselect). */
function kthSmallest(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (left < right) {
    const pivot = values[(left + right) >>> 1];
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return values[k];
  }
  return values[k];
}

/**
 * The `k` lowest tickets among `ids`, in ticket order. A ticket is SHA-256 of the UTF-8 string
 * seedHex ‖ SEP ‖ "venue" ‖ SEP ‖ class ‖ SEP ‖ id: comparing whole digests has no modulo or rounding bias. Only the candidates at or
 * below the k-th smallest 48-bit prefix are sorted, so a large stratum costs little more than its hashes.
 */
export function lowestTickets(sha256: Sha256, seedHex: string, riskClass: string, ids: string[], k: number): string[] {
  if (k === 0) return [];
  const prefix = `${seedHex}${SEP}venue${SEP}${riskClass}${SEP}`;
  const ticketOf = (id: string) => sha256.digest(prefix + id);
  // First pass: only the 48-bit prefixes, no object per venue.
  const prefixes = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) prefixes[i] = prefix48(ticketOf(ids[i]));
  const threshold = k >= ids.length ? Infinity : kthSmallest(Float64Array.from(prefixes), k - 1);
  // Second pass: the few candidates at or under the threshold, ordered by their whole ticket.
  const candidates: Ticketed[] = [];
  for (let i = 0; i < ids.length; i++) {
    if (prefixes[i] <= threshold) candidates.push({ id: ids[i], ticket: ticketOf(ids[i]), prefix: prefixes[i] });
  }
  return candidates
    .sort(compareTicketed)
    .slice(0, k)
    .map((t) => t.id);
}

/** The first 6 bytes of a digest as a number (exact in a double). */
export function prefix48(ticket: Uint8Array): number {
  return ticket[0] * 2 ** 40 + ticket[1] * 2 ** 32 + ticket[2] * 2 ** 24 + ticket[3] * 2 ** 16 + ticket[4] * 2 ** 8 + ticket[5];
}

export interface Eligibility {
  byClass: Map<string, string[]>;
  excluded: { filteredOut: number; notOperating: number; recentlyInspected: number; otherClass: number };
}

/**
 * R-DRAW-1: the venues that may be drawn, by class, in directory (id) order. Filters (定向) come first,
 * then the exclusions: not operating; inspected within the period with no problem found.
 */
export function eligibleVenues(venues: VenueRecord[], parameters: DrawParameters): Eligibility {
  const streets = parameters.streets.length ? new Set(parameters.streets) : null;
  const classes = new Set(parameters.strata.map((s) => s.riskClass));
  const asOf = dayNumber(parameters.asOf);
  const byClass = new Map<string, string[]>([...classes].map((c) => [c, []]));
  const excluded = { filteredOut: 0, notOperating: 0, recentlyInspected: 0, otherClass: 0 };
  for (const venue of venues) {
    if (streets && !streets.has(venue.street)) excluded.filteredOut++;
    else if (parameters.excludeNotOperating && venue.status !== 'OPERATING') excluded.notOperating++;
    else if (
      parameters.recentInspectionDays > 0 &&
      venue.lastInspection &&
      !venue.lastInspection.problemFound &&
      asOf - dayNumber(venue.lastInspection.date) < parameters.recentInspectionDays &&
      dayNumber(venue.lastInspection.date) <= asOf
    )
      excluded.recentlyInspected++;
    else if (!classes.has(venue.riskClass)) excluded.otherClass++;
    else byClass.get(venue.riskClass)!.push(venue.id);
  }
  return { byClass, excluded };
}

/** Draws each stratum in the order the parameters list them. */
export function selectVenues(sha256: Sha256, seedHex: string, eligibility: Eligibility, parameters: DrawParameters): StratumSelection[] {
  return parameters.strata.map((rule) => {
    const ids = eligibility.byClass.get(rule.riskClass)!;
    const drawn = stratumQuota(rule, ids.length);
    return { riskClass: rule.riskClass, eligible: ids.length, drawn, venueIds: lowestTickets(sha256, seedHex, rule.riskClass, ids, drawn) };
  });
}
