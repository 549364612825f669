import type { Department } from '@dr/domain';
import { demoAccountOf, type Caller } from './principals';

const hasDemoAccount = (caller: Exclude<Caller, 'anonymous'>) => demoAccountOf(caller) !== undefined;

/**
 * Who may call each mutation: the one declared policy table the abuse suite checks (issue "Trust").
 * A mutation the supergraph has and this table does not name fails the matrix test, so whoever adds
 * a mutation declares here who may call it.
 *
 * - `PUBLIC`: anyone, signed in or not.
 * - `OFFICE`: the joint office's administrator (OFFICE_ADMIN), whatever department the token names.
 * - `STAFF:<d>`: department d's administrator or inspector; an inspector only on the visit's team
 *   (the matrix aims at demo inspection 1, whose team has officer 1 of each department).
 * - `ADMIN:<d>`: department d's administrator only.
 * - `OFFICE_OR_TEAM`: the office, or an inspector on the visit's team.
 * - `TEAM`: an inspector on the visit's team only (signatures are the officers' own, never the office's).
 * - `OFFICE_OR_ADMIN:<d>`: the office, or the administrator of department d (the department the
 *   officer belongs to: the matrix aims at a culture officer).
 * - `IMPORT_OWNER`: the office or a department administrator (who start imports); anyone else is told
 *   the import does not exist (NOT_FOUND), so another's import stays hidden.
 * - `LEADER`: the visit team's leader only (the matrix's inspection is led by culture's officer 1).
 * - `ACCOUNT_ADMIN`: the office or a department administrator (whose own scope the service checks
 *   next); an inspector is refused before anything is looked up.
 * - `SIGNED_IN`: anyone signed in, for their own session.
 * - `OWN_ACCOUNT`: anyone signed in who has an account (a token naming no account is UNAUTHENTICATED).
 * - `REFRESH_TOKEN`: open, but the refresh token is the credential: a made-up one is UNAUTHENTICATED
 *   for everyone, signed in or not.
 */
export type Rule =
  | 'PUBLIC'
  | 'OFFICE'
  | `STAFF:${Department}`
  | `ADMIN:${Department}`
  | 'OFFICE_OR_TEAM'
  | 'TEAM'
  | `OFFICE_OR_ADMIN:${Department}`
  | 'IMPORT_OWNER'
  | 'LEADER'
  | 'ACCOUNT_ADMIN'
  | 'SIGNED_IN'
  | 'OWN_ACCOUNT'
  | 'REFRESH_TOKEN';

export type Outcome = 'ALLOWED' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED';

const department = (name: string): Record<string, Rule> => {
  const d = name as Department;
  return {
    [`${d}SaveSection`]: `STAFF:${d}`,
    [`${d}SubmitSection`]: `STAFF:${d}`,
    [`${d}RemoveEvidence`]: `STAFF:${d}`,
    [`${d}AmendSection`]: `STAFF:${d}`,
    [`${d}EnterResult`]: `STAFF:${d}`,
    [`${d}ReturnResult`]: `ADMIN:${d}`,
    [`${d}PublishResult`]: `ADMIN:${d}`,
    [`${d}CorrectResult`]: `ADMIN:${d}`,
    [`${d}SendReferral`]: `STAFF:${d}`,
    [`${d}AnswerReferral`]: `ADMIN:${d}`,
    [`${d}AcknowledgeReferral`]: `ADMIN:${d}`,
    [`${d}RecordReinspection`]: `STAFF:${d}`,
    [`${d}SaveCheckItem`]: `ADMIN:${d}`,
    [`${d}ReorderCheckItems`]: `ADMIN:${d}`,
    [`${d}SubmitBriefing`]: `ADMIN:${d}`,
  };
};

export const MUTATION_POLICY: Record<string, Rule> = {
  // office
  login: 'PUBLIC',
  refreshSession: 'REFRESH_TOKEN',
  logout: 'SIGNED_IN',
  changePassword: 'OWN_ACCOUNT',
  // The matrix's probe creates a department admin, which only the office may (a department admin creates its inspectors).
  createAccount: 'OFFICE',
  setAccountEnabled: 'ACCOUNT_ADMIN',
  resetAccountPassword: 'ACCOUNT_ADMIN',
  revokeAccountSessions: 'ACCOUNT_ADMIN',
  createPlan: 'OFFICE',
  updatePlan: 'OFFICE',
  withdrawVenueRefusal: 'LEADER',
  acknowledgeRecordAmendment: 'OFFICE_OR_TEAM',
  recordReportSubmission: 'OFFICE',
  commitImport: 'IMPORT_OWNER',
  createInspection: 'OFFICE',
  createInspector: 'OFFICE_OR_ADMIN:culture',
  updateInspector: 'OFFICE_OR_ADMIN:culture',
  createVenue: 'OFFICE',
  updateVenue: 'OFFICE',
  commitDraw: 'OFFICE',
  revealDraw: 'OFFICE',
  scheduleVisit: 'OFFICE_OR_TEAM',
  recordNotice: 'OFFICE_OR_TEAM',
  signRecordForm: 'TEAM',
  recordVenueSignature: 'TEAM',
  recordVenueRefusal: 'TEAM',
  signRefusalNote: 'TEAM',
  loadCalendarYear: 'OFFICE',
  // each department's shared lifecycle (department-kit)
  ...department('culture'),
  ...department('market'),
  ...department('fire'),
  // each department's own work (ADR 0014)
  cultureFilePenaltyCase: 'ADMIN:culture',
  cultureAdvancePenaltyCase: 'ADMIN:culture',
  marketConfirmAbnormalListing: 'ADMIN:market',
  marketWithdrawAbnormalListing: 'ADMIN:market',
};

/** What a caller gets from a mutation under a rule (aimed at the matrix's demo objects). */
export function expectedOutcome(rule: Rule, caller: Caller): Outcome {
  if (rule === 'PUBLIC') return 'ALLOWED';
  if (rule === 'REFRESH_TOKEN') return 'UNAUTHENTICATED';
  if (caller === 'anonymous') return 'UNAUTHENTICATED';
  const { role, seat } = caller;
  const office = role === 'OFFICE_ADMIN';
  const [kind, target] = rule.split(':') as [string, Department | undefined];
  switch (kind) {
    case 'OFFICE':
      return office ? 'ALLOWED' : 'FORBIDDEN';
    case 'STAFF':
      return seat === target && (role === 'DEPARTMENT_ADMIN' || role === 'INSPECTOR') ? 'ALLOWED' : 'FORBIDDEN';
    case 'ADMIN':
      return seat === target && role === 'DEPARTMENT_ADMIN' ? 'ALLOWED' : 'FORBIDDEN';
    case 'OFFICE_OR_TEAM':
      // An inspector is on the team through the officer the token names; one of no department names none.
      return office || (role === 'INSPECTOR' && seat !== 'none') ? 'ALLOWED' : 'FORBIDDEN';
    case 'TEAM':
      return role === 'INSPECTOR' && seat !== 'none' ? 'ALLOWED' : 'FORBIDDEN';
    case 'OFFICE_OR_ADMIN':
      return office || (role === 'DEPARTMENT_ADMIN' && seat === target) ? 'ALLOWED' : 'FORBIDDEN';
    case 'IMPORT_OWNER':
      return office || role === 'DEPARTMENT_ADMIN' ? 'ALLOWED' : 'NOT_FOUND';
    case 'LEADER':
      return role === 'INSPECTOR' && seat === 'culture' ? 'ALLOWED' : 'FORBIDDEN';
    case 'ACCOUNT_ADMIN':
      return office || role === 'DEPARTMENT_ADMIN' ? 'ALLOWED' : 'FORBIDDEN';
    case 'SIGNED_IN':
      return 'ALLOWED';
    case 'OWN_ACCOUNT':
      return hasDemoAccount(caller) ? 'ALLOWED' : 'UNAUTHENTICATED';
    default:
      throw new Error(`unknown rule ${rule}`);
  }
}
