import { DepartmentWorkbench, type WorkbenchOperations, type WorkbenchProps } from '@dr/ui';
import {
  CultureWorkbenchAnswerReferralDocument,
  CultureWorkbenchCorrectResultDocument,
  CultureWorkbenchEnterResultDocument,
  CultureWorkbenchFollowUpsDocument,
  CultureWorkbenchPublishResultDocument,
  CultureWorkbenchRecordReinspectionDocument,
  CultureWorkbenchReferralsReceivedDocument,
  CultureWorkbenchReferralsSentDocument,
  CultureWorkbenchResultsDocument,
  CultureWorkbenchReturnResultDocument,
  CultureWorkbenchSummaryDocument,
} from './generated/graphql';

/** The culture bureau's own operations (culture-workbench.graphql), checked by codegen against its schema. */
const OPERATIONS: WorkbenchOperations = {
  summary: CultureWorkbenchSummaryDocument,
  results: CultureWorkbenchResultsDocument,
  referralsSent: CultureWorkbenchReferralsSentDocument,
  referralsReceived: CultureWorkbenchReferralsReceivedDocument,
  followUps: CultureWorkbenchFollowUpsDocument,
  enterResult: CultureWorkbenchEnterResultDocument,
  returnResult: CultureWorkbenchReturnResultDocument,
  publishResult: CultureWorkbenchPublishResultDocument,
  correctResult: CultureWorkbenchCorrectResultDocument,
  answerReferral: CultureWorkbenchAnswerReferralDocument,
  recordReinspection: CultureWorkbenchRecordReinspectionDocument,
};

/** The culture bureau's workbench (工作台), exposed as `./Workbench`. */
export function Workbench({ readOnly }: WorkbenchProps) {
  return <DepartmentWorkbench readOnly={readOnly} department="CULTURE" operations={OPERATIONS} testId="culture-workbench" />;
}
