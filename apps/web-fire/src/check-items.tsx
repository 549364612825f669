import { CheckItemsEditor, type CheckItemOperations, type CheckItemsProps } from '@dr/ui';
import { FireCheckItemsListDocument, FireCheckItemsReorderDocument, FireCheckItemsSaveDocument } from './generated/graphql';

/** This department's own operations (check-items.graphql), checked by codegen against its schema. */
const OPERATIONS: CheckItemOperations = {
  items: FireCheckItemsListDocument,
  save: FireCheckItemsSaveDocument,
  reorder: FireCheckItemsReorderDocument,
};

/** 检查事项 of one plan for this department's admin, exposed as `./CheckItems`. */
export function CheckItems({ planId, readOnly }: CheckItemsProps) {
  return <CheckItemsEditor department="FIRE" planId={planId} readOnly={readOnly} operations={OPERATIONS} testId="fire-check-items" />;
}
