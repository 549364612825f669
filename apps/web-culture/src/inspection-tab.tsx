import { useDepartmentSection } from '@dr/graphql-client';
import { DepartmentSectionPanel, departmentName, type InspectionTabProps } from '@dr/ui';
import { CultureAmendSectionDocument, CultureInspectionTabDocument, CultureRemoveEvidenceDocument, CultureSaveSectionDocument, CultureSubmitSectionDocument } from './generated/graphql';

/**
 * The culture bureau's part of one visit: its own admins and inspectors record items, evidence, measures and
 * the result on site (offline-safe), submit and amend; everyone else reads. Rendered by the shell
 * inside its ApolloProvider and error boundary.
 */
export function InspectionTab({ inspectionId, visitDay }: InspectionTabProps) {
  const state = useDepartmentSection({
    department: 'CULTURE',
    inspectionId,
    query: CultureInspectionTabDocument,
    selectSection: (data) => data.inspection?.cultureSection,
    saveMutation: CultureSaveSectionDocument,
    submitMutation: CultureSubmitSectionDocument,
    amendMutation: CultureAmendSectionDocument,
    removeEvidenceMutation: CultureRemoveEvidenceDocument,
  });
  return <DepartmentSectionPanel departmentName={departmentName('CULTURE')} testId="culture-section" visitDay={visitDay} {...state} />;
}
