import { ORDER_DELIVERY_LABELS, ORDER_KIND_LABELS, resultLabel, type OrderDelivery, type OrderKind } from '@dr/domain';
import type { CheckItemEntity, ItemOutcomeValue, OrderEntity, SectionEntity, SectionItemEntity } from './entities';

/** What a department records about one visit, in a form that can be compared and kept as JSON. */
export interface SectionState {
  items: { checkItemId: string; outcome: ItemOutcomeValue | null; note: string | null }[];
  resultCodes: number[];
  onSiteRecord: { facts: string; personsPresent: string } | null;
  orders: { kind: OrderKind; delivery: OrderDelivery; content: string; deadline: string | null; checkItemId: string | null }[];
}

/** One field a write changed, in words the officers read (the conflict report, the amendment trail). */
export interface FieldChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

const OUTCOME_LABELS: Record<ItemOutcomeValue, string> = { COMPLIANT: '符合', NON_COMPLIANT: '不符合', NOT_APPLICABLE: '不涉及' };

export function parseResultCodes(value: string): number[] {
  return value ? value.split(',').map(Number) : [];
}

export function formatResultCodes(codes: readonly number[]): string {
  return [...codes].sort((a, b) => a - b).join(',');
}

/** The state stored in the tables, with an entry for every item of the plan. */
export function stateOf(checkItems: CheckItemEntity[], section: SectionEntity | undefined, recorded: SectionItemEntity[], orders: OrderEntity[]): SectionState {
  const byItem = new Map(recorded.map((row) => [row.checkItemId, row]));
  return {
    items: checkItems.map((item) => ({ checkItemId: item.id, outcome: byItem.get(item.id)?.outcome ?? null, note: byItem.get(item.id)?.note ?? null })),
    resultCodes: section ? parseResultCodes(section.resultCodes) : [],
    onSiteRecord: section?.onSiteFacts || section?.onSitePersons ? { facts: section.onSiteFacts ?? '', personsPresent: section.onSitePersons ?? '' } : null,
    orders: [...orders]
      .sort((a, b) => a.position - b.position)
      .map(({ kind, delivery, content, deadline, checkItemId }) => ({ kind, delivery, content, deadline, checkItemId })),
  };
}

function describeOrder(order: SectionState['orders'][number]): string {
  const deadline = order.deadline ? `，期限 ${order.deadline}` : '';
  return `${ORDER_KIND_LABELS[order.kind]}（${ORDER_DELIVERY_LABELS[order.delivery]}${deadline}）：${order.content}`;
}

function describeCodes(codes: number[]): string | null {
  return codes.length ? codes.map((code) => `${code} ${resultLabel(code)}`).join('；') : null;
}

/** What changed from `before` to `after`, field by field, labelled with the items' codes. */
export function diffStates(before: SectionState, after: SectionState, checkItems: CheckItemEntity[]): FieldChange[] {
  const changes: FieldChange[] = [];
  const code = new Map(checkItems.map((item) => [item.id, item.code]));
  const previous = new Map(before.items.map((item) => [item.checkItemId, item]));
  for (const item of after.items) {
    const old = previous.get(item.checkItemId);
    const itemCode = code.get(item.checkItemId) ?? item.checkItemId;
    if ((old?.outcome ?? null) !== item.outcome) {
      changes.push({ field: `items.${itemCode}.outcome`, label: `${itemCode} 检查结果`, before: old?.outcome ? OUTCOME_LABELS[old.outcome] : null, after: item.outcome ? OUTCOME_LABELS[item.outcome] : null });
    }
    if ((old?.note ?? null) !== item.note) changes.push({ field: `items.${itemCode}.note`, label: `${itemCode} 备注`, before: old?.note ?? null, after: item.note });
  }
  if (formatResultCodes(before.resultCodes) !== formatResultCodes(after.resultCodes)) {
    changes.push({ field: 'resultCodes', label: '检查结果代码', before: describeCodes(before.resultCodes), after: describeCodes(after.resultCodes) });
  }
  if ((before.onSiteRecord?.facts ?? null) !== (after.onSiteRecord?.facts ?? null)) {
    changes.push({ field: 'onSiteRecord.facts', label: '现场笔录（检查情况）', before: before.onSiteRecord?.facts ?? null, after: after.onSiteRecord?.facts ?? null });
  }
  if ((before.onSiteRecord?.personsPresent ?? null) !== (after.onSiteRecord?.personsPresent ?? null)) {
    changes.push({ field: 'onSiteRecord.personsPresent', label: '现场笔录（在场人员）', before: before.onSiteRecord?.personsPresent ?? null, after: after.onSiteRecord?.personsPresent ?? null });
  }
  const ordersBefore = before.orders.map(describeOrder).join('\n') || null;
  const ordersAfter = after.orders.map(describeOrder).join('\n') || null;
  if (ordersBefore !== ordersAfter) changes.push({ field: 'orders', label: '责令事项', before: ordersBefore, after: ordersAfter });
  return changes;
}
