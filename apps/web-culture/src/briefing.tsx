import { BriefingPanel, type BriefingOperations } from '@dr/ui';
import { CultureBriefingsDocument, CultureSubmitBriefingDocument } from './generated/graphql';

/** This department's own briefing operations (culture-briefing.graphql), checked by codegen against its schema. */
const OPERATIONS: BriefingOperations = { briefings: CultureBriefingsDocument, submitBriefing: CultureSubmitBriefingDocument };

/** Props of {@link Briefing}: the plan, and whether the signed-in user is this department's admin. */
export interface BriefingProps {
  planId: string;
  canSubmit: boolean;
}

/** The department's 专项简报 for a plan (R-REP-1), exposed as `./Briefing`. */
export function Briefing({ planId, canSubmit }: BriefingProps) {
  return <BriefingPanel planId={planId} canSubmit={canSubmit} operations={OPERATIONS} testId="culture-briefing" />;
}
