import { EXCLUSIVE_RESULT_PAIRS, resultCodeProblems, resultProblems, type ResultInput } from './result-rules';

const allCompliant = ['COMPLIANT', 'COMPLIANT', 'NOT_APPLICABLE'] as const;
const oneViolation = ['COMPLIANT', 'NON_COMPLIANT', 'COMPLIANT'] as const;
const submit = (input: Partial<ResultInput>) => resultProblems({ codes: [], outcomes: allCompliant, orders: [], ...input });

describe('R-RES-2 result codes', () => {
  it('refuses 9 合格 with 10 不合格 and 1 未发现问题 with 5 发现问题已责令改正', () => {
    expect(resultCodeProblems([9, 10]).map((p) => p.message)).toEqual(['检查结果“9 合格”与“10 不合格”不能同时选择']);
    expect(resultCodeProblems([1, 5])).toHaveLength(1);
    expect(resultCodeProblems([1, 5])[0]).toMatchObject({ field: 'resultCodes' });
  });

  it('accepts every single code and the pairs that can happen together', () => {
    for (let code = 1; code <= 10; code++) expect(resultCodeProblems([code])).toEqual([]);
    expect(resultCodeProblems([5, 8])).toEqual([]);
    expect(resultCodeProblems([1, 9])).toEqual([]);
    expect(resultCodeProblems([2, 5, 10])).toEqual([]);
  });

  it('refuses every listed exclusive pair in either order', () => {
    for (const [a, b] of EXCLUSIVE_RESULT_PAIRS) {
      expect(resultCodeProblems([a, b]).length).toBeGreaterThan(0);
      expect(resultCodeProblems([b, a]).length).toBeGreaterThan(0);
    }
  });

  it('lets 4 (unreachable) and 7 (activity not found) stand only alone', () => {
    expect(resultCodeProblems([4, 1]).length).toBeGreaterThan(0);
    expect(resultCodeProblems([7, 9]).length).toBeGreaterThan(0);
  });

  it('refuses unknown and repeated codes', () => {
    expect(resultCodeProblems([0, 11]).map((p) => p.message)).toEqual(['检查结果代码无效：0、11（应为 1–10）']);
    expect(resultCodeProblems([5, 5]).map((p) => p.message)).toContain('检查结果代码重复');
  });
});

describe('R-RES-1 submitting a department record', () => {
  it('needs every item checked and a result', () => {
    const problems = submit({ outcomes: ['COMPLIANT', null, null] });
    expect(problems.map((p) => p.message)).toEqual(['还有 2 项检查事项未填写检查结果', '请选择检查结果']);
  });

  it('accepts 1 未发现问题 and 9 合格 when every item complies', () => {
    expect(submit({ codes: [1, 9] })).toEqual([]);
  });

  it('refuses a clean result when an item is not compliant, and a problem result when none is', () => {
    expect(submit({ codes: [9], outcomes: oneViolation }).map((p) => p.field)).toEqual(['resultCodes', 'resultCodes']);
    expect(submit({ codes: [10] }).map((p) => p.message)).toEqual(['没有不符合的检查事项，检查结果不能为“10 不合格”']);
  });

  it('R-VISIT-1: code 5 needs an order to rectify; orders need a violation', () => {
    expect(submit({ codes: [5], outcomes: oneViolation }).map((p) => p.field)).toEqual(['orders']);
    expect(submit({ codes: [5], outcomes: oneViolation, orders: [{ kind: 'RECTIFY' }] })).toEqual([]);
    expect(submit({ codes: [8], outcomes: oneViolation, orders: [{ kind: 'STOP_ILLEGAL' }] })).toEqual([]);
    expect(submit({ codes: [1], orders: [{ kind: 'STOP_ILLEGAL' }] }).map((p) => p.field)).toEqual(['orders']);
  });

  it('code 4 (unreachable) means no item could be checked', () => {
    expect(submit({ codes: [4], outcomes: ['NOT_APPLICABLE', 'NOT_APPLICABLE'] })).toEqual([]);
    expect(submit({ codes: [4] }).map((p) => p.field)).toEqual(['items']);
  });
});
