import { DepartmentWorkbench, type WorkbenchOperations, type WorkbenchProps } from '@dr/ui';
import {
  MarketWorkbenchAnswerReferralDocument,
  MarketWorkbenchCorrectResultDocument,
  MarketWorkbenchEnterResultDocument,
  MarketWorkbenchFollowUpsDocument,
  MarketWorkbenchPublishResultDocument,
  MarketWorkbenchRecordReinspectionDocument,
  MarketWorkbenchReferralsReceivedDocument,
  MarketWorkbenchReferralsSentDocument,
  MarketWorkbenchResultsDocument,
  MarketWorkbenchReturnResultDocument,
  MarketWorkbenchSummaryDocument,
} from './generated/graphql';

/** The market regulation bureau's own operations (market-workbench.graphql), checked by codegen against its schema. */
const OPERATIONS: WorkbenchOperations = {
  summary: MarketWorkbenchSummaryDocument,
  results: MarketWorkbenchResultsDocument,
  referralsSent: MarketWorkbenchReferralsSentDocument,
  referralsReceived: MarketWorkbenchReferralsReceivedDocument,
  followUps: MarketWorkbenchFollowUpsDocument,
  enterResult: MarketWorkbenchEnterResultDocument,
  returnResult: MarketWorkbenchReturnResultDocument,
  publishResult: MarketWorkbenchPublishResultDocument,
  correctResult: MarketWorkbenchCorrectResultDocument,
  answerReferral: MarketWorkbenchAnswerReferralDocument,
  recordReinspection: MarketWorkbenchRecordReinspectionDocument,
};

/** The market regulation bureau's workbench (工作台), exposed as `./Workbench`. */
export function Workbench({ readOnly }: WorkbenchProps) {
  return <DepartmentWorkbench readOnly={readOnly} department="MARKET" operations={OPERATIONS} testId="market-workbench" />;
}
