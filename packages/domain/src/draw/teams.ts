import { DEPARTMENT_NAMES, type Department } from '../department';
import { DrawError } from './errors';
import { SEP, type Sha256 } from './sha256';
import { prefix48 } from './select';
import type { DepartmentWorkload, DrawFailureReason, DrawnTeam, DrawParameters, InspectorRecord } from './types';

/** Load levels served by one digest: its 32 bytes hold five 48-bit tickets. */
export const LEVELS_PER_DIGEST = 5;

interface Candidate {
  id: string;
  load: number;
  leads: number;
  /** SHA-256(seedHex ‖ SEP ‖ "team" ‖ SEP ‖ department ‖ SEP ‖ ⌊load / 5⌋ ‖ SEP ‖ id), for the current block of levels. */
  digest: Uint8Array;
  /** The ticket at the current load: 6 bytes of the digest at 6 × (load mod 5), big-endian. */
  ticket: number;
}

function compareCandidates(a: Candidate, b: Candidate): number {
  return a.load - b.load || a.ticket - b.ticket || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A binary min-heap of officers by (load, ticket, id). */
class CandidateHeap {
  private readonly items: Candidate[] = [];

  get size(): number {
    return this.items.length;
  }

  push(item: Candidate): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compareCandidates(items[i], items[parent]) >= 0) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  pop(): Candidate | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && compareCandidates(items[left], items[smallest]) < 0) smallest = left;
        if (right < items.length && compareCandidates(items[right], items[smallest]) < 0) smallest = right;
        if (smallest === i) break;
        [items[i], items[smallest]] = [items[smallest], items[i]];
        i = smallest;
      }
    }
    return top;
  }
}

/**
 * The Chinese reason for NOT_ENOUGH_OFFICERS, from its details; the office words a stored failure with it.
 * @param details - the venue, the department, how many officers it needs and how many it has
 */
export function notEnoughOfficersMessage(details: Omit<DrawFailureReason, 'code'>): string {
  return `检查对象 ${details.venueId} 无法组成检查组：需要 ${details.needed} 名可参加的${DEPARTMENT_NAMES[details.department].full}执法人员，只有 ${details.available} 名（已排除请假、执法证不在有效期、申报回避的人员）`;
}

/** The officers who may serve in this batch at all: not on leave, certificate valid for the whole visit period. */
export function availableOfficers(inspectors: InspectorRecord[], parameters: DrawParameters): InspectorRecord[] {
  const { start, end } = parameters.visitPeriod;
  return inspectors.filter((o) => !o.onLeave && o.certificateValidFrom <= start && o.certificateValidUntil >= end);
}

/**
 * R-DRAW-2: a team for each drawn venue, in draw order. For each department the officers with the
 * lowest workload in the batch are taken, ties broken by a SHA-256-derived ticket that is new at each
 * workload level (so teams do not repeat the same pairs); an officer with a declared conflict with the
 * venue is passed over. The lead department's team member who has led least becomes the leader.
 * If a department cannot staff a venue, the draw fails naming both: no rule is relaxed.
 */
export function formTeams(
  sha256: Sha256,
  seedHex: string,
  venueIds: string[],
  inspectors: InspectorRecord[],
  parameters: DrawParameters,
): { teams: DrawnTeam[]; workload: DepartmentWorkload[] } {
  const officers = availableOfficers(inspectors, parameters);
  const conflicts = new Map<string, Set<string>>();
  for (const officer of officers) {
    for (const venueId of officer.conflictVenueIds) {
      if (!conflicts.has(venueId)) conflicts.set(venueId, new Set());
      conflicts.get(venueId)!.add(officer.id);
    }
  }
  const lead = parameters.leadDepartment;
  const departments = (Object.keys(parameters.officersPerDepartment) as Department[]).sort((a, b) => (a === lead ? -1 : b === lead ? 1 : a < b ? -1 : 1));
  const digestFor = (department: Department, load: number, id: string) =>
    sha256.digest(`${seedHex}${SEP}team${SEP}${department}${SEP}${Math.floor(load / LEVELS_PER_DIGEST)}${SEP}${id}`);
  const ticketAt = (digest: Uint8Array, load: number) => prefix48(digest.subarray(6 * (load % LEVELS_PER_DIGEST)));

  const heaps = new Map<Department, CandidateHeap>();
  const all = new Map<Department, Candidate[]>();
  for (const department of departments) {
    const heap = new CandidateHeap();
    const list: Candidate[] = [];
    for (const officer of officers) {
      if (officer.department !== department) continue;
      const digest = digestFor(department, 0, officer.id);
      const candidate = { id: officer.id, load: 0, leads: 0, digest, ticket: ticketAt(digest, 0) };
      heap.push(candidate);
      list.push(candidate);
    }
    heaps.set(department, heap);
    all.set(department, list);
  }

  const teams: DrawnTeam[] = [];
  for (const venueId of venueIds) {
    const conflicted = conflicts.get(venueId);
    const team: DrawnTeam = { venueId, leaderId: '', officers: {} };
    let leader: Candidate | null = null;
    for (const department of departments) {
      const needed = parameters.officersPerDepartment[department]!;
      const heap = heaps.get(department)!;
      const chosen: Candidate[] = [];
      const passedOver: Candidate[] = [];
      while (chosen.length < needed && heap.size > 0) {
        const candidate = heap.pop()!;
        (conflicted?.has(candidate.id) ? passedOver : chosen).push(candidate);
      }
      for (const candidate of passedOver) heap.push(candidate);
      if (chosen.length < needed) {
        for (const candidate of chosen) heap.push(candidate);
        const details = { venueId, department, needed, available: chosen.length };
        throw new DrawError('NOT_ENOUGH_OFFICERS', notEnoughOfficersMessage(details), details);
      }
      if (department === lead) {
        leader = chosen.reduce((best, c) => (c.leads < best.leads ? c : best));
        leader.leads++;
      }
      team.officers[department] = chosen.map((c) => c.id);
      for (const candidate of chosen) {
        candidate.load++;
        // One new digest every five levels: a fresh order each level at a fifth of the hashing.
        if (candidate.load % LEVELS_PER_DIGEST === 0) candidate.digest = digestFor(department, candidate.load, candidate.id);
        candidate.ticket = ticketAt(candidate.digest, candidate.load);
        heap.push(candidate);
      }
    }
    team.leaderId = leader!.id;
    teams.push(team);
  }

  const drawn = new Set(venueIds);
  const workload = departments.map((department): DepartmentWorkload => {
    const loads = all.get(department)!.map((c) => c.load);
    const min = loads.length ? Math.min(...loads) : 0;
    const max = loads.length ? Math.max(...loads) : 0;
    const explanation =
      max - min > 1
        ? officers
            .filter((o) => o.department === department)
            .flatMap((o) => o.conflictVenueIds.filter((v) => drawn.has(v)).map((venueId) => ({ officerId: o.id, venueId, reason: 'CONFLICT' as const })))
            .sort((a, b) => (a.officerId < b.officerId ? -1 : a.officerId > b.officerId ? 1 : a.venueId < b.venueId ? -1 : 1))
        : [];
    return { department, officers: loads.length, min, max, explanation };
  });
  return { teams, workload };
}
