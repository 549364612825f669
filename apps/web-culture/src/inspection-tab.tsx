import { useDepartmentSection } from '@dr/graphql-client';
import { DepartmentSectionPanel, departmentName, type InspectionTabProps } from '@dr/ui';
import { CultureInspectionTabDocument, CultureRecordItemOutcomeDocument } from './generated/graphql';

/**
 * The culture bureau's checklist of one inspection; its own admins and inspectors record outcomes,
 * everyone else reads. Rendered by the shell inside its ApolloProvider and error boundary.
 */
export function InspectionTab({ inspectionId }: InspectionTabProps) {
  const state = useDepartmentSection({
    department: 'CULTURE',
    inspectionId,
    query: CultureInspectionTabDocument,
    mutation: CultureRecordItemOutcomeDocument,
    selectSection: (data) => data.inspection?.cultureSection,
  });
  return <DepartmentSectionPanel departmentName={departmentName('CULTURE')} testId="culture-section" {...state} />;
}
