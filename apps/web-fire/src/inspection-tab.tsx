import { useDepartmentSection } from '@dr/graphql-client';
import { DepartmentSectionPanel, departmentName, type InspectionTabProps } from '@dr/ui';
import { FireAmendSectionDocument, FireInspectionTabDocument, FireRemoveEvidenceDocument, FireSaveSectionDocument, FireSubmitSectionDocument } from './generated/graphql';

/**
 * The fire brigade's part of one visit: its own admins and inspectors record items, evidence, measures and
 * the result on site (offline-safe), submit and amend; everyone else reads. Rendered by the shell
 * inside its ApolloProvider and error boundary.
 */
export function InspectionTab({ inspectionId, visitDay }: InspectionTabProps) {
  const state = useDepartmentSection({
    department: 'FIRE',
    inspectionId,
    query: FireInspectionTabDocument,
    selectSection: (data) => data.inspection?.fireSection,
    saveMutation: FireSaveSectionDocument,
    submitMutation: FireSubmitSectionDocument,
    amendMutation: FireAmendSectionDocument,
    removeEvidenceMutation: FireRemoveEvidenceDocument,
  });
  return <DepartmentSectionPanel departmentName={departmentName('FIRE')} testId="fire-section" visitDay={visitDay} {...state} />;
}
