// Deep imports on purpose: `@dr/domain` is CommonJS and not tree-shaken, and a department tab needs
// only these rules (a few kilobytes) on a phone's first load, not the draw and directory code.
import { RESULT_CODES } from '@dr/domain/result-codes';
import { ORDER_DELIVERY_LABELS, ORDER_KIND_LABELS } from '@dr/domain/visit/measures';
import { resultCodeProblems, resultProblems } from '@dr/domain/visit/result-rules';
import type { DraftOrder, SectionContent } from '@dr/graphql-client';

export { ORDER_DELIVERY_LABELS, ORDER_KIND_LABELS, RESULT_CODES };

/** One reason the browser refuses to send, with what it concerns. */
export interface DraftProblem {
  field: 'resultCodes' | 'items' | 'orders' | 'onSiteRecord' | 'amendReason';
  message: string;
}

/** A 改正期限 later than this after the visit is no 限期 but a slip of the keyboard (20815-02-02 for 2022-08-15). */
export const MAX_RECTIFY_DAYS = 365;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function addDays(day: string, days: number): string {
  const [, year, month, date] = ISO_DAY.exec(day) ?? [];
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(date) + days)).toISOString().slice(0, 10);
}

function isRealDay(day: string): boolean {
  return ISO_DAY.test(day) && addDays(day, 0) === day;
}

/**
 * The days a 改正期限 may fall on (R-VISIT-1, order and supervise rectification): from the day of the
 * visit, when the order is given, to {@link MAX_RECTIFY_DAYS} after it.
 * @param visitDay - the inspection's day, `YYYY-MM-DD`; without it only the format is checked
 */
export function rectifyDeadlineWindow(visitDay: string | null | undefined): { start: string; end: string } | null {
  return visitDay && isRealDay(visitDay) ? { start: visitDay, end: addDays(visitDay, MAX_RECTIFY_DAYS) } : null;
}

/**
 * What is wrong with an order's 改正期限, in words for the inspector, or null when it is fine.
 * @param deadline - `YYYY-MM-DD` as picked
 * @param visitDay - the inspection's day, `YYYY-MM-DD`
 */
export function rectifyDeadlineProblem(deadline: string, visitDay: string | null | undefined): string | null {
  if (!isRealDay(deadline)) return '改正期限应为有效日期，请在日历中选择';
  const window = rectifyDeadlineWindow(visitDay);
  if (window && deadline < window.start) return `改正期限不能早于检查日（${window.start}）`;
  if (window && deadline > window.end) return `改正期限不能晚于 ${window.end}（检查日起一年内）`;
  return null;
}

function orderProblems(orders: readonly DraftOrder[], visitDay?: string | null): DraftProblem[] {
  const problems: DraftProblem[] = [];
  orders.forEach((order, index) => {
    const name = `第 ${index + 1} 项责令`;
    if (!order.content.trim()) problems.push({ field: 'orders', message: `${name}：请填写责令内容` });
    if (order.kind === 'RECTIFY' && !order.deadline) problems.push({ field: 'orders', message: `${name}：责令限期改正须写明改正期限` });
    const deadlineProblem = order.kind === 'RECTIFY' && order.deadline ? rectifyDeadlineProblem(order.deadline, visitDay) : null;
    if (deadlineProblem) problems.push({ field: 'orders', message: `${name}：${deadlineProblem}` });
  });
  return problems;
}

const outcomesOf = (content: SectionContent, itemOrder: readonly string[]) => itemOrder.map((id) => content.items[id]?.outcome ?? null);

/**
 * What stops a save (the server would refuse it too): impossible result-code combinations (R-RES-2)
 * and incomplete orders (R-VISIT-1/2). A draft may still be incomplete otherwise.
 * @param content - the draft
 * @param visitDay - the inspection's day (`YYYY-MM-DD`), against which 改正期限 are checked
 */
export function saveProblems(content: SectionContent, visitDay?: string | null): DraftProblem[] {
  return [...resultCodeProblems(content.resultCodes), ...orderProblems(content.orders, visitDay)];
}

/**
 * What stops a submission or an amendment (R-RES-1, R-RES-2, R-VISIT-1): every item checked, at
 * least one result code, codes that fit each other, the item outcomes and the orders — the same
 * domain rules the server applies.
 * @param content - the draft
 * @param itemOrder - the check item ids of the section
 * @param visitDay - the inspection's day (`YYYY-MM-DD`), against which 改正期限 are checked
 */
export function submitProblems(content: SectionContent, itemOrder: readonly string[], visitDay?: string | null): DraftProblem[] {
  const problems: DraftProblem[] = resultProblems({ codes: content.resultCodes, outcomes: outcomesOf(content, itemOrder), orders: content.orders });
  return [...problems, ...orderProblems(content.orders, visitDay)];
}

/**
 * Problems worth showing while the user is still recording: what blocks a save, and how the chosen
 * codes fit the outcomes — but not yet "items unchecked" or "no code chosen".
 * @param content - the draft
 * @param itemOrder - the check item ids of the section
 * @param visitDay - the inspection's day (`YYYY-MM-DD`), against which 改正期限 are checked
 */
export function liveProblems(content: SectionContent, itemOrder: readonly string[], visitDay?: string | null): DraftProblem[] {
  const fit = content.resultCodes.length ? submitProblems(content, itemOrder, visitDay).filter((problem) => problem.field !== 'items' && problem.field !== 'orders') : [];
  const all = [...saveProblems(content, visitDay), ...fit];
  return all.filter((problem, index) => all.findIndex((other) => other.message === problem.message) === index);
}
