import type { Department } from './department';
import type { YearArrangement } from './calendar/year-arrangement';

/**
 * The facts subgraphs tell each other (ADR 0013), by topic. Payloads carry what the receiver needs to
 * keep its own small read model, so that no receiver has to ask back. Dates are `YYYY-MM-DD` calendar
 * dates in China (R-CAL-3); times are ISO instants.
 */
export interface EventPayloads {
  /**
   * office → each participating department: the venue signed the record form or refused (R-VISIT-3),
   * so the visit is over and each department's result is formed (R-RES-3, R-PUB-1).
   */
  'inspection.signed': {
    inspectionId: string;
    planId: string;
    /** The plan's title (抽查任务), for the department's exports to the publicity system. */
    planTitle: string;
    /** The venue as the office's directory knows it, for the department's lists and publication. */
    venue: { id: string; name: string; uscc: string; street: string };
    /** The day of the visit: the inspection ends that day (the publication deadline counts from it, R-PUB-1). */
    inspectedOn: string;
    /** The day the result was formed (the venue signed or refused): the referral deadline counts from it (R-RES-3). */
    signedOn: string;
    /** Officers of the team (inspector directory ids): they may enter the results. */
    teamInspectorIds: string[];
    departments: Department[];
  };
  /** department → office: a result was published (谁检查、谁录入、谁公开, R-PUB-1); the public page shows it. */
  'result.published': PublishedResult;
  /** department → office: a published result was corrected; it stays public, marked 更正. */
  'result.corrected': PublishedResult & { correction: { reason: string; correctedOn: string } };
  /**
   * department → office: a submitted section was amended (更正, with a reason). The office keeps every
   * amendment; one made after the record form was signed (a section version above the one the signed
   * snapshot holds) is printed on the 更正记录 page and waits for the venue's acknowledgement.
   */
  'section.amended': SectionAmended;
  /** department → another department on the platform: a suspected violation it must handle (移送, R-RES-3). */
  'referral.sent': SentReferral;
  /** receiving department → the sender: the referral was accepted or returned with a reason (R-RES-3). */
  'referral.answered': ReferralAnswer;
  /**
   * department → office: the venue was inspected (a result published, or a re-inspection 复查 closed a
   * follow-up, R-PUB-3); the office moves the venue's last inspection forward, which the next draw reads.
   */
  'venue.inspected': { venueId: string; inspectionId: string; department: Department; date: string; problemFound: boolean };
  /**
   * office → every department: the office loaded (or corrected) a year's holiday arrangement (R-CAL-2),
   * so the departments' deadlines (R-PUB-1, R-RES-3) count with it. `loadedAt` (ISO): a late, older
   * load of the same year never replaces a newer one.
   */
  'calendar.year-loaded': YearArrangement & { loadedAt: string };
  /**
   * office → the plan's participating departments: a plan was set up. `copiedFromPlanId`: it copies that
   * plan, so each department copies its items of that plan as new, not yet frozen, versions (R-ITEM-4).
   */
  'plan.created': { planId: string; title: string; copiedFromPlanId: string | null; departments: Department[] };
  /**
   * office → the plan's participating departments: the plan's first draw was committed (or its first
   * inspection created by hand), so the items the inspections use are frozen from `frozenAt` (ISO) on.
   */
  'plan.frozen': { planId: string; frozenAt: string; departments: Department[] };
}

/** A referral as the receiving department keeps it: the facts, the evidence named, the legal basis. */
export interface SentReferral {
  /** The sender's id of the referral; the receiver keeps it, and answers with it. */
  referralId: string;
  from: Department;
  to: Department;
  inspectionId: string;
  venue: { id: string; name: string; uscc: string; street: string };
  facts: string;
  legalBasis: string;
  /** The sender's evidence of that inspection (its own section's files), by id, name and content hash. */
  evidence: { id: string; fileName: string; sha256: string }[];
  sentOn: string;
  sentByName: string;
}

/** The receiver's answer to a referral. */
export interface ReferralAnswer {
  referralId: string;
  by: Department;
  state: 'ACCEPTED' | 'RETURNED';
  reason: string | null;
  answeredOn: string;
  answeredByName: string;
  /** The receiver's version of the referral after the answer: the sender keeps the highest (a late, older answer is a no-op). */
  version: number;
}

/** A department's amendment of its submitted section of a visit: who, when, why, before → after. */
export interface SectionAmended {
  inspectionId: string;
  department: Department;
  /** The section's version after the amendment: the office compares it with the signed snapshot's. */
  version: number;
  reason: string;
  amendedByName: string;
  /** ISO instant. */
  amendedAt: string;
  changes: { field: string; label: string; before: string | null; after: string | null }[];
}

/** One department's published result of one inspection, as the public sees it (no personal data). */
export interface PublishedResult {
  inspectionId: string;
  planId: string;
  department: Department;
  venue: { id: string; name: string; uscc: string; street: string };
  resultCodes: number[];
  inspectedOn: string;
  publishedOn: string;
  /** Bumped by each correction, so a late, older event never overwrites a newer one. */
  revision: number;
}

export type EventTopic = keyof EventPayloads;
