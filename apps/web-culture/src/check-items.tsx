import { CheckItemsEditor, type CheckItemOperations, type CheckItemsProps } from '@dr/ui';
import { CultureCheckItemsListDocument, CultureCheckItemsReorderDocument, CultureCheckItemsSaveDocument } from './generated/graphql';

/** This department's own operations (check-items.graphql), checked by codegen against its schema. */
const OPERATIONS: CheckItemOperations = {
  items: CultureCheckItemsListDocument,
  save: CultureCheckItemsSaveDocument,
  reorder: CultureCheckItemsReorderDocument,
};

/** 检查事项 of one plan for this department's admin, exposed as `./CheckItems`. */
export function CheckItems({ planId, readOnly }: CheckItemsProps) {
  return <CheckItemsEditor department="CULTURE" planId={planId} readOnly={readOnly} operations={OPERATIONS} testId="culture-check-items" />;
}
