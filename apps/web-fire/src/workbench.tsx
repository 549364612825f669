import { DepartmentWorkbench, type WorkbenchOperations, type WorkbenchProps } from '@dr/ui';
import {
  FireWorkbenchAnswerReferralDocument,
  FireWorkbenchCorrectResultDocument,
  FireWorkbenchEnterResultDocument,
  FireWorkbenchFollowUpsDocument,
  FireWorkbenchPublishResultDocument,
  FireWorkbenchRecordReinspectionDocument,
  FireWorkbenchReferralsReceivedDocument,
  FireWorkbenchReferralsSentDocument,
  FireWorkbenchResultsDocument,
  FireWorkbenchReturnResultDocument,
  FireWorkbenchSummaryDocument,
} from './generated/graphql';

/** The fire and rescue brigade's own operations (fire-workbench.graphql), checked by codegen against its schema. */
const OPERATIONS: WorkbenchOperations = {
  summary: FireWorkbenchSummaryDocument,
  results: FireWorkbenchResultsDocument,
  referralsSent: FireWorkbenchReferralsSentDocument,
  referralsReceived: FireWorkbenchReferralsReceivedDocument,
  followUps: FireWorkbenchFollowUpsDocument,
  enterResult: FireWorkbenchEnterResultDocument,
  returnResult: FireWorkbenchReturnResultDocument,
  publishResult: FireWorkbenchPublishResultDocument,
  correctResult: FireWorkbenchCorrectResultDocument,
  answerReferral: FireWorkbenchAnswerReferralDocument,
  recordReinspection: FireWorkbenchRecordReinspectionDocument,
};

/** The fire and rescue brigade's workbench (工作台), exposed as `./Workbench`. */
export function Workbench({ readOnly }: WorkbenchProps) {
  return <DepartmentWorkbench readOnly={readOnly} department="FIRE" operations={OPERATIONS} testId="fire-workbench" />;
}
