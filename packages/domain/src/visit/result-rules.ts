import { isResultCode, resultLabel } from '../result-codes';
import type { OrderKind } from './measures';

export type ItemOutcomeValue = 'COMPLIANT' | 'NON_COMPLIANT' | 'NOT_APPLICABLE';

/** What a department's result is checked against. */
export interface ResultInput {
  codes: readonly number[];
  /** Every item's outcome; null for an item not yet checked. */
  outcomes: readonly (ItemOutcomeValue | null)[];
  orders: readonly { kind: OrderKind }[];
}

/** One reason a result is refused, with the input field it concerns. */
export interface ResultProblem {
  field: 'resultCodes' | 'items' | 'orders';
  message: string;
}

/** Codes that say a problem was found (R-RES-2). */
const PROBLEM_CODES = [2, 3, 5, 6, 8, 10];
/** Codes that say the visit could not inspect the activity at all: they stand alone. */
const STANDALONE_CODES = [4, 7];
/** Codes that need at least one item found 不符合. */
const NEEDS_NON_COMPLIANT = [5, 8, 10];

/** Pairs of R-RES-2 codes that contradict each other. */
export const EXCLUSIVE_RESULT_PAIRS: readonly (readonly [number, number])[] = [
  [9, 10],
  ...PROBLEM_CODES.map((code) => [1, code] as const),
  ...PROBLEM_CODES.filter((code) => code !== 10).map((code) => [9, code] as const),
];

const name = (code: number) => `“${code} ${resultLabel(code)}”`;

/**
 * R-RES-2: problems with a department's result codes on their own. Empty means the combination is
 * possible; a draft may still be incomplete.
 */
export function resultCodeProblems(codes: readonly number[]): ResultProblem[] {
  const problems: ResultProblem[] = [];
  const invalid = codes.filter((code) => !isResultCode(code));
  if (invalid.length) problems.push({ field: 'resultCodes', message: `检查结果代码无效：${invalid.join('、')}（应为 1–10）` });
  if (new Set(codes).size !== codes.length) problems.push({ field: 'resultCodes', message: '检查结果代码重复' });
  for (const [a, b] of EXCLUSIVE_RESULT_PAIRS) {
    if (codes.includes(a) && codes.includes(b)) problems.push({ field: 'resultCodes', message: `检查结果${name(a)}与${name(b)}不能同时选择` });
  }
  for (const code of STANDALONE_CODES) {
    if (codes.includes(code) && codes.length > 1) problems.push({ field: 'resultCodes', message: `检查结果${name(code)}表示无法实施本次检查，不能与其他结果同时选择` });
  }
  return problems;
}

/**
 * R-RES-1/R-RES-2/R-VISIT-1: problems that stop a department's record from being submitted: every item
 * needs an outcome, at least one result code, codes that fit each other, the item outcomes and the orders.
 */
export function resultProblems(input: ResultInput): ResultProblem[] {
  const problems = resultCodeProblems(input.codes);
  const { codes, outcomes, orders } = input;
  const unchecked = outcomes.filter((outcome) => outcome === null).length;
  if (unchecked) problems.push({ field: 'items', message: `还有 ${unchecked} 项检查事项未填写检查结果` });
  if (codes.length === 0) problems.push({ field: 'resultCodes', message: '请选择检查结果' });
  const nonCompliant = outcomes.some((outcome) => outcome === 'NON_COMPLIANT');
  if (nonCompliant) {
    for (const code of [1, 9].filter((c) => codes.includes(c))) problems.push({ field: 'resultCodes', message: `有检查事项不符合，检查结果不能为${name(code)}` });
    if (!codes.some((code) => PROBLEM_CODES.includes(code))) problems.push({ field: 'resultCodes', message: '有检查事项不符合，请选择表示发现问题的检查结果（如 5、8、10）' });
  } else {
    for (const code of NEEDS_NON_COMPLIANT.filter((c) => codes.includes(c))) problems.push({ field: 'resultCodes', message: `没有不符合的检查事项，检查结果不能为${name(code)}` });
    if (orders.length) problems.push({ field: 'orders', message: '没有不符合的检查事项，不能下达责令' });
  }
  for (const code of STANDALONE_CODES.filter((c) => codes.includes(c))) {
    if (outcomes.some((outcome) => outcome !== null && outcome !== 'NOT_APPLICABLE')) problems.push({ field: 'items', message: `检查结果为${name(code)}时，各检查事项应为“不涉及”` });
  }
  if (codes.includes(5) && !orders.some((order) => order.kind === 'RECTIFY')) problems.push({ field: 'orders', message: `检查结果${name(5)}需要记录一项责令限期改正` });
  return problems;
}
