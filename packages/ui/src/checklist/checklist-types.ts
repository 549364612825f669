import type { EvidenceView } from '../evidence/evidence-types';
import type { ItemOutcomeCode } from '../format/domain-labels';

/** One check item of a department's section, with what was recorded for it. */
export interface ChecklistItem {
  /** Check item id (`checkItemId` of the API). */
  id: string;
  /** Item code of the plan's list, e.g. `C1`. */
  code: string;
  title: string;
  /** Legal basis (检查依据). */
  legalBasis: string;
  outcome: ItemOutcomeCode | null;
  note: string;
  evidence: readonly EvidenceView[];
}
