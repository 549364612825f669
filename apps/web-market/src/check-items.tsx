import { CheckItemsEditor, type CheckItemOperations, type CheckItemsProps } from '@dr/ui';
import { MarketCheckItemsListDocument, MarketCheckItemsReorderDocument, MarketCheckItemsSaveDocument } from './generated/graphql';

/** This department's own operations (check-items.graphql), checked by codegen against its schema. */
const OPERATIONS: CheckItemOperations = {
  items: MarketCheckItemsListDocument,
  save: MarketCheckItemsSaveDocument,
  reorder: MarketCheckItemsReorderDocument,
};

/** 检查事项 of one plan for this department's admin, exposed as `./CheckItems`. */
export function CheckItems({ planId, readOnly }: CheckItemsProps) {
  return <CheckItemsEditor department="MARKET" planId={planId} readOnly={readOnly} operations={OPERATIONS} testId="market-check-items" />;
}
