import {
  canonicalJson,
  deriveSeed,
  eligibleVenues,
  formTeams,
  isDrawFailure,
  lowestTickets,
  SEP,
  stratumQuota,
  toHex,
  type Department,
  type DrawParameters,
  type DrawReceipt,
  type Sha256,
  type StratumRule,
} from '@dr/domain';

/** A drawn venue with its ticket T(v) = H(seed ␟ "venue" ␟ class ␟ id), in ticket order. */
export interface ReplayedVenue {
  venueId: string;
  ticket: string;
}

/** One stratum as recomputed in the browser. */
export interface ReplayedStratum {
  riskClass: string;
  rule: StratumRule;
  eligible: number;
  drawn: ReplayedVenue[];
  /** The recomputed venues are the receipt's, in the same order. */
  matchesReceipt: boolean;
}

/** One team as recomputed: the officers of each department in the order taken. */
export interface ReplayedTeam {
  venueId: string;
  leaderId: string;
  officers: { department: Department; officerIds: string[] }[];
  matchesReceipt: boolean;
}

/** The draw recomputed from its receipt, step by step, for the live display. */
export interface DrawReplay {
  /** The department whose officers lead the teams. */
  leadDepartment: Department;
  seed: string;
  seedMatchesReceipt: boolean;
  strata: ReplayedStratum[];
  teams: ReplayedTeam[];
}

/**
 * The departments in team order (docs/draw-algorithm.md §5): the lead department first, then the
 * others by code.
 * @param parameters - the draw's parameters
 */
export function teamDepartments(parameters: Pick<DrawParameters, 'leadDepartment' | 'officersPerDepartment'>): Department[] {
  const lead = parameters.leadDepartment;
  return (Object.keys(parameters.officersPerDepartment) as Department[]).sort((a, b) => (a === lead ? -1 : b === lead ? 1 : a < b ? -1 : 1));
}

const sameList = (a: readonly string[], b: readonly string[] | undefined) => !!b && a.length === b.length && a.every((item, index) => item === b[index]);

/**
 * Recomputes a draw from its receipt exactly as docs/draw-algorithm.md §2–§5 say: the seed from the
 * revealed secrets, the eligible venues, each stratum's lowest tickets (with the tickets themselves),
 * then the teams. What the meeting room watches is this computation, compared item by item with
 * the published result.
 * @param sha256 - SHA-256 implementation (the browser's `browserSha256`)
 * @param receipt - the draw's public receipt
 * @throws DrawError when a secret does not match its commitment or a team cannot be formed
 */
export function replayDraw(sha256: Sha256, receipt: DrawReceipt): DrawReplay {
  const { parameters } = receipt;
  // A failed draw's receipt has no teams to compare with; its replay stops where the draw failed (throws).
  const result = isDrawFailure(receipt.result) ? null : receipt.result;
  const seed = toHex(deriveSeed(sha256, receipt.seedCommitments, receipt.reveals));
  const eligibility = eligibleVenues(receipt.venueSnapshot.records, parameters);
  const strata = parameters.strata.map((rule, index): ReplayedStratum => {
    const ids = eligibility.byClass.get(rule.riskClass) ?? [];
    const venueIds = lowestTickets(sha256, seed, rule.riskClass, ids, stratumQuota(rule, ids.length));
    return {
      riskClass: rule.riskClass,
      rule,
      eligible: ids.length,
      drawn: venueIds.map((venueId) => ({ venueId, ticket: toHex(sha256.digest(seed, SEP, 'venue', SEP, rule.riskClass, SEP, venueId)) })),
      matchesReceipt: sameList(venueIds, result?.selections[index]?.venueIds),
    };
  });
  const drawn = strata.flatMap((stratum) => stratum.drawn.map((venue) => venue.venueId));
  const departments = teamDepartments(parameters);
  const { teams } = formTeams(sha256, seed, drawn, receipt.inspectorSnapshot.records, parameters);
  return {
    leadDepartment: parameters.leadDepartment,
    seed,
    seedMatchesReceipt: seed === receipt.result.seed,
    strata,
    teams: teams.map((team, index) => ({
      venueId: team.venueId,
      leaderId: team.leaderId,
      officers: departments.map((department) => ({ department, officerIds: team.officers[department] ?? [] })),
      matchesReceipt: result?.teams[index] !== undefined && canonicalJson(team) === canonicalJson(result.teams[index]),
    })),
  };
}
