import { useDepartmentSection } from '@dr/graphql-client';
import { DepartmentSectionPanel, departmentName, type InspectionTabProps } from '@dr/ui';
import { MarketInspectionTabDocument, MarketRecordItemOutcomeDocument } from './generated/graphql';

/**
 * The market supervision bureau's checklist of one inspection; its own admins and inspectors record outcomes,
 * everyone else reads. Rendered by the shell inside its ApolloProvider and error boundary.
 */
export function InspectionTab({ inspectionId }: InspectionTabProps) {
  const state = useDepartmentSection({
    department: 'MARKET',
    inspectionId,
    query: MarketInspectionTabDocument,
    mutation: MarketRecordItemOutcomeDocument,
    selectSection: (data) => data.inspection?.marketSection,
  });
  return <DepartmentSectionPanel departmentName={departmentName('MARKET')} testId="market-section" {...state} />;
}
