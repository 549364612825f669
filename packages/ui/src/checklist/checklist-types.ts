import type { ItemOutcomeCode } from '../format/domain-labels';

/** One check item of a department's section, with what was recorded for it. */
export interface ChecklistItem {
  /** Check item id, the `checkItemId` of the record mutation. */
  id: string;
  /** Item code of the plan's list, e.g. `C1`. */
  code: string;
  title: string;
  /** Legal basis (依据). */
  legalBasis: string;
  outcome: ItemOutcomeCode | null;
  note: string | null;
}

/** An outcome to record for one item. */
export interface ChecklistDraft {
  checkItemId: string;
  outcome: ItemOutcomeCode;
  note: string;
}
