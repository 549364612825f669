import type { Department } from '../department';
import type { IsoDate } from '../plan';

export const DRAW_ALGORITHM = 'dr-draw/1';

export type VenueStatus = 'OPERATING' | 'SUSPENDED' | 'CLOSED';

/** One venue as the directory stood when the inputs were fixed (the snapshot). */
export interface VenueRecord {
  id: string;
  street: string;
  status: VenueStatus;
  /** Credit-risk class (stratum), e.g. A 守信 / B 一般 / C 警示 / D 失信. */
  riskClass: string;
  /** Date of the last inspection and whether it found a problem; null when never inspected. */
  lastInspection: { date: IsoDate; problemFound: boolean } | null;
}

/** One officer as the directory stood when the inputs were fixed. */
export interface InspectorRecord {
  id: string;
  department: Department;
  /** 执法证 validity; the certificate must cover the whole visit period. */
  certificateValidFrom: IsoDate;
  certificateValidUntil: IsoDate;
  onLeave: boolean;
  /** Venues the officer declared a conflict of interest with (回避). */
  conflictVenueIds: string[];
}

/** How many venues a stratum gives: a share in basis points (1/10000, rounded up) or a fixed count. */
export type StratumRule = { riskClass: string; basisPoints: number } | { riskClass: string; count: number };

export interface DrawParameters {
  planId: string;
  batch: string;
  /** Only venues on these streets (定向); empty means every street. */
  streets: string[];
  /** Leave out venues not operating. */
  excludeNotOperating: boolean;
  /** Leave out venues inspected within this many days before `asOf` with no problem found (0: none). */
  recentInspectionDays: number;
  asOf: IsoDate;
  strata: StratumRule[];
  /** The period the visits will take place in; every drawn officer's certificate must cover it. */
  visitPeriod: { start: IsoDate; end: IsoDate };
  /** The department whose officer leads each team (R-DRAW-2: culture). */
  leadDepartment: Department;
  /** Officers per department on each team, the leader included (行政处罚法 Art. 42: at least 2). */
  officersPerDepartment: Partial<Record<Department, number>>;
}

/** A party's secret seed contribution, committed to (by hash) before the draw and revealed at it. */
export interface SeedCommitment {
  party: string;
  commitment: string;
}
export interface SeedReveal {
  party: string;
  secret: string;
}

export interface StratumSelection {
  riskClass: string;
  eligible: number;
  drawn: number;
  venueIds: string[];
}

export interface DrawnTeam {
  venueId: string;
  leaderId: string;
  /** Officer ids per department, in the order they were drawn; the leader is among the lead department's. */
  officers: Partial<Record<Department, string[]>>;
}

export interface DepartmentWorkload {
  department: Department;
  /** How many of the department's officers are available (§5), drawn or not. */
  officers: number;
  min: number;
  max: number;
  /** Always present; empty unless max − min > 1, then the declared conflicts with drawn venues that explain it. */
  explanation: { officerId: string; venueId: string; reason: 'CONFLICT' }[];
}

/** Why a revealed draw could not form its teams: the venue and department that could not be staffed (§5). */
export interface DrawFailureReason {
  code: 'NOT_ENOUGH_OFFICERS';
  venueId: string;
  department: Department;
  /** `officersPerDepartment[department]`. */
  needed: number;
  /** The department's available officers without a declared conflict with the venue. */
  available: number;
}

/** The result of a revealed draw that failed: published and verifiable like a successful one. */
export interface DrawFailure {
  algorithm: typeof DRAW_ALGORITHM;
  seed: string;
  error: DrawFailureReason;
}

export interface DrawResult {
  algorithm: typeof DRAW_ALGORITHM;
  seed: string;
  excluded: { filteredOut: number; notOperating: number; recentlyInspected: number; otherClass: number };
  selections: StratumSelection[];
  teams: DrawnTeam[];
  workload: DepartmentWorkload[];
}

/** What a reveal publishes: the draw's result, or the failure that stopped it. */
export type DrawOutcome = DrawResult | DrawFailure;

/** True when the outcome is a failed draw's record rather than teams. */
export function isDrawFailure(outcome: DrawOutcome): outcome is DrawFailure {
  return 'error' in outcome;
}
