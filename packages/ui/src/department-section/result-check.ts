// Deep imports on purpose: `@dr/domain` is CommonJS and not tree-shaken, and a department tab needs
// only these rules (a few kilobytes) on a phone's first load, not the draw and directory code.
import { RESULT_CODES } from '@dr/domain/dist/result-codes';
import { ORDER_DELIVERY_LABELS, ORDER_KIND_LABELS } from '@dr/domain/dist/visit/measures';
import { resultCodeProblems, resultProblems } from '@dr/domain/dist/visit/result-rules';
import type { DraftOrder, SectionContent } from '@dr/graphql-client';

export { ORDER_DELIVERY_LABELS, ORDER_KIND_LABELS, RESULT_CODES };

/** One reason the browser refuses to send, with what it concerns. */
export interface DraftProblem {
  field: 'resultCodes' | 'items' | 'orders' | 'onSiteRecord' | 'amendReason';
  message: string;
}

function orderProblems(orders: readonly DraftOrder[]): DraftProblem[] {
  const problems: DraftProblem[] = [];
  orders.forEach((order, index) => {
    const name = `第 ${index + 1} 项责令`;
    if (!order.content.trim()) problems.push({ field: 'orders', message: `${name}：请填写责令内容` });
    if (order.kind === 'RECTIFY' && !order.deadline) problems.push({ field: 'orders', message: `${name}：责令限期改正须写明改正期限` });
  });
  return problems;
}

const outcomesOf = (content: SectionContent, itemOrder: readonly string[]) => itemOrder.map((id) => content.items[id]?.outcome ?? null);

/**
 * What stops a save (the server would refuse it too): impossible result-code combinations (R-RES-2)
 * and incomplete orders (R-VISIT-1/2). A draft may still be incomplete otherwise.
 * @param content - the draft
 */
export function saveProblems(content: SectionContent): DraftProblem[] {
  return [...resultCodeProblems(content.resultCodes), ...orderProblems(content.orders)];
}

/**
 * What stops a submission or an amendment (R-RES-1, R-RES-2, R-VISIT-1): every item checked, at
 * least one result code, codes that fit each other, the item outcomes and the orders — the same
 * domain rules the server applies.
 * @param content - the draft
 * @param itemOrder - the check item ids of the section
 */
export function submitProblems(content: SectionContent, itemOrder: readonly string[]): DraftProblem[] {
  const problems: DraftProblem[] = resultProblems({ codes: content.resultCodes, outcomes: outcomesOf(content, itemOrder), orders: content.orders });
  return [...problems, ...orderProblems(content.orders)];
}

/**
 * Problems worth showing while the user is still recording: what blocks a save, and how the chosen
 * codes fit the outcomes — but not yet "items unchecked" or "no code chosen".
 * @param content - the draft
 * @param itemOrder - the check item ids of the section
 */
export function liveProblems(content: SectionContent, itemOrder: readonly string[]): DraftProblem[] {
  const fit = content.resultCodes.length ? submitProblems(content, itemOrder).filter((problem) => problem.field !== 'items' && problem.field !== 'orders') : [];
  const all = [...saveProblems(content), ...fit];
  return all.filter((problem, index) => all.findIndex((other) => other.message === problem.message) === index);
}
