import { isDepartment } from '../department';
import { isIsoDate } from '../plan';
import { canonicalJson } from './canonical';
import { DrawError } from './errors';
import { deriveSeed } from './seed';
import { eligibleVenues, selectVenues } from './select';
import { SEP, toHex, type Sha256 } from './sha256';
import { formTeams } from './teams';
import { DRAW_ALGORITHM, type DrawFailureReason, type DrawOutcome, type DrawParameters, type DrawResult, type InspectorRecord, type SeedCommitment, type SeedReveal, type VenueRecord } from './types';

const ID = /^[A-Za-z0-9._:-]{1,64}$/;
const TEXT = /^[^\u0000-\u001f]{1,64}$/;

function invalid(message: string, field: string): never {
  throw new DrawError('INVALID_INPUT', message, { field });
}

/** Refuses inputs the algorithm does not define, with the field at fault. */
export function validateDrawInputs(venues: VenueRecord[], inspectors: InspectorRecord[], parameters: DrawParameters): void {
  // Duplicate venue ids are caught where they would matter, among the drawn (runDraw) and in
  // snapshotHash, instead of with a set of a million ids here.
  for (const venue of venues) {
    if (!ID.test(venue.id)) invalid(`检查对象编号“${venue.id}”含有不允许的字符`, 'venues');
    if (!TEXT.test(venue.riskClass)) invalid(`检查对象 ${venue.id} 的信用风险分类无效`, 'venues');
  }
  const seenOfficers = new Set<string>();
  for (const officer of inspectors) {
    if (!ID.test(officer.id)) invalid(`执法人员编号“${officer.id}”含有不允许的字符`, 'inspectors');
    if (seenOfficers.has(officer.id)) invalid(`执法人员编号重复：${officer.id}`, 'inspectors');
    seenOfficers.add(officer.id);
    if (!isDepartment(officer.department)) invalid(`执法人员 ${officer.id} 的部门无效`, 'inspectors');
  }
  if (!TEXT.test(parameters.planId) || !TEXT.test(parameters.batch)) invalid('方案编号或批次名称无效', 'batch');
  if (!isIsoDate(parameters.asOf)) invalid('基准日期应为 YYYY-MM-DD', 'asOf');
  const { start, end } = parameters.visitPeriod;
  if (!isIsoDate(start) || !isIsoDate(end) || start > end) invalid('检查期间无效：应为 YYYY-MM-DD，且开始不晚于结束', 'visitPeriod');
  if (!Number.isSafeInteger(parameters.recentInspectionDays) || parameters.recentInspectionDays < 0) invalid('近期已检查的排除天数应为非负整数', 'recentInspectionDays');
  if (parameters.strata.length === 0) invalid('至少需要一个抽取分层', 'strata');
  const classes = new Set<string>();
  for (const rule of parameters.strata) {
    if (!TEXT.test(rule.riskClass) || classes.has(rule.riskClass)) invalid(`分层“${rule.riskClass}”无效或重复`, 'strata');
    classes.add(rule.riskClass);
    if ('count' in rule ? !Number.isSafeInteger(rule.count) || rule.count < 0 : !Number.isSafeInteger(rule.basisPoints) || rule.basisPoints < 0 || rule.basisPoints > 10000) {
      invalid(`分层“${rule.riskClass}”的比例（0–10000 个基点）或数量（非负整数）无效`, 'strata');
    }
  }
  if (!isDepartment(parameters.leadDepartment) || !parameters.officersPerDepartment[parameters.leadDepartment]) invalid('牵头部门须在检查组构成中', 'leadDepartment');
  for (const [department, count] of Object.entries(parameters.officersPerDepartment)) {
    if (!isDepartment(department) || !Number.isSafeInteger(count) || count! < 1) invalid(`检查组中 ${department} 的人数无效`, 'officersPerDepartment');
  }
  for (const street of parameters.streets) if (!TEXT.test(street)) invalid('街道名称无效', 'streets');
}

/**
 * The hash of a directory snapshot: SHA-256 over the canonical JSON of each record, sorted by id
 * (UTF-16 code units), each followed by a line feed. Computed record by record, so a million records
 * never become one string.
 */
export function snapshotHash(sha256: Sha256, records: readonly { id: string }[]): string {
  const hasher = sha256.create();
  const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Lines go to the hash a few hundred at a time: the same bytes, far fewer calls.
  let pending = '';
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i].id === sorted[i - 1].id) invalid(`名录快照中编号重复：${sorted[i].id}`, 'snapshot');
    pending += `${canonicalJson(sorted[i])}\n`;
    if (pending.length > 65536) {
      hasher.update(pending);
      pending = '';
    }
  }
  hasher.update(pending);
  return toHex(hasher.digest());
}

/**
 * The draw's public commitment, fixed before any secret is revealed (R-DRAW-3 step 1): SHA-256 over
 * the canonical JSON of the algorithm, both snapshot hashes, the parameters and every party's seed
 * commitment. Changing any input changes it.
 */
export function drawCommitment(
  sha256: Sha256,
  inputs: { venueSnapshot: string; inspectorSnapshot: string; parameters: DrawParameters; seedCommitments: SeedCommitment[] },
): string {
  const seedCommitments = [...inputs.seedCommitments].sort((a, b) => (a.party < b.party ? -1 : a.party > b.party ? 1 : 0));
  return toHex(sha256.digest(DRAW_ALGORITHM, SEP, 'draw', SEP, canonicalJson({ ...inputs, algorithm: DRAW_ALGORITHM, seedCommitments })));
}

/**
 * The draw itself (R-DRAW-1..3): a deterministic function of the snapshots, the parameters and the
 * revealed seed contributions. Same inputs, same result, in any implementation of docs/draw-algorithm.md.
 */
export function runDraw(
  sha256: Sha256,
  inputs: { venues: VenueRecord[]; inspectors: InspectorRecord[]; parameters: DrawParameters; seedCommitments: SeedCommitment[]; reveals: SeedReveal[] },
): DrawResult {
  const { venues, inspectors, parameters } = inputs;
  validateDrawInputs(venues, inspectors, parameters);
  const seed = toHex(deriveSeed(sha256, inputs.seedCommitments, inputs.reveals));
  const eligibility = eligibleVenues(venues, parameters);
  const selections = selectVenues(sha256, seed, eligibility, parameters);
  const drawn = selections.flatMap((s) => s.venueIds);
  const unique = new Set(drawn);
  if (unique.size !== drawn.length) invalid(`检查对象名录中编号重复：${drawn.find((id, i) => drawn.indexOf(id) !== i)}`, 'venues');
  const { teams, workload } = formTeams(sha256, seed, drawn, inspectors, parameters);
  return { algorithm: DRAW_ALGORITHM, seed, excluded: eligibility.excluded, selections, teams, workload };
}

/**
 * The draw as a reveal records it: the result, or, when a team cannot be staffed, the failure with the
 * seed it was computed from (docs/draw-algorithm.md §6), so a failed draw is published and verifiable too.
 * Other errors (invalid inputs, a secret that does not match) are thrown: nothing is drawn then.
 */
export function drawOutcome(
  sha256: Sha256,
  inputs: { venues: VenueRecord[]; inspectors: InspectorRecord[]; parameters: DrawParameters; seedCommitments: SeedCommitment[]; reveals: SeedReveal[] },
): DrawOutcome {
  try {
    return runDraw(sha256, inputs);
  } catch (error) {
    if (!(error instanceof DrawError) || error.code !== 'NOT_ENOUGH_OFFICERS') throw error;
    const { venueId, department, needed, available } = error.details as Omit<DrawFailureReason, 'code'>;
    const seed = toHex(deriveSeed(sha256, inputs.seedCommitments, inputs.reveals));
    return { algorithm: DRAW_ALGORITHM, seed, error: { code: 'NOT_ENOUGH_OFFICERS', venueId, department, needed, available } };
  }
}

/** The hash that identifies a result or a failure (printed on the receipt). */
export function resultHash(sha256: Sha256, result: DrawOutcome): string {
  return toHex(sha256.digest(canonicalJson(result)));
}

