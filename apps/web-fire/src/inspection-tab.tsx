import { useDepartmentSection } from '@dr/graphql-client';
import { DepartmentSectionPanel, departmentName, type InspectionTabProps } from '@dr/ui';
import { FireInspectionTabDocument, FireRecordItemOutcomeDocument } from './generated/graphql';

/**
 * The fire rescue brigade's checklist of one inspection; its own admins and inspectors record outcomes,
 * everyone else reads. Rendered by the shell inside its ApolloProvider and error boundary.
 */
export function InspectionTab({ inspectionId }: InspectionTabProps) {
  const state = useDepartmentSection({
    department: 'FIRE',
    inspectionId,
    query: FireInspectionTabDocument,
    mutation: FireRecordItemOutcomeDocument,
    selectSection: (data) => data.inspection?.fireSection,
  });
  return <DepartmentSectionPanel departmentName={departmentName('FIRE')} testId="fire-section" {...state} />;
}
