import { useDepartmentSection } from '@dr/graphql-client';
import { DepartmentSectionPanel, departmentName, type InspectionTabProps } from '@dr/ui';
import { MarketAmendSectionDocument, MarketInspectionTabDocument, MarketRemoveEvidenceDocument, MarketSaveSectionDocument, MarketSubmitSectionDocument } from './generated/graphql';

/**
 * The market supervision bureau's part of one visit: its own admins and inspectors record items, evidence, measures and
 * the result on site (offline-safe), submit and amend; everyone else reads. Rendered by the shell
 * inside its ApolloProvider and error boundary.
 */
export function InspectionTab({ inspectionId, visitDay }: InspectionTabProps) {
  const state = useDepartmentSection({
    department: 'MARKET',
    inspectionId,
    query: MarketInspectionTabDocument,
    selectSection: (data) => data.inspection?.marketSection,
    saveMutation: MarketSaveSectionDocument,
    submitMutation: MarketSubmitSectionDocument,
    amendMutation: MarketAmendSectionDocument,
    removeEvidenceMutation: MarketRemoveEvidenceDocument,
  });
  return <DepartmentSectionPanel departmentName={departmentName('MARKET')} testId="market-section" visitDay={visitDay} {...state} />;
}
