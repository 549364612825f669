import { describe, expect, it } from '@jest/globals';
import type { SectionContent } from '@dr/graphql-client';
import { liveProblems, rectifyDeadlineWindow, saveProblems, submitProblems } from './result-check';

const content = (outcomes: (string | null)[], extra: Partial<SectionContent> = {}): SectionContent => ({
  items: Object.fromEntries(outcomes.map((outcome, i) => [`c${i + 1}`, { outcome: outcome as never, note: '', evidence: [] }])),
  resultCodes: [],
  onSiteRecord: { facts: '', personsPresent: '' },
  orders: [],
  ...extra,
});
const order = (kind: 'RECTIFY' | 'STOP_ILLEGAL', text = '限期整改', deadline: string | null = '2022-09-01') => ({ key: 'k', kind, delivery: 'WRITTEN' as const, content: text, deadline, checkItemId: null });
const ids = ['c1', 'c2', 'c3'];

describe('the browser checks the result with the domain rules before sending (R-RES-2, R-VISIT-1)', () => {
  it('refuses to save impossible code combinations and incomplete orders, but not an unfinished draft', () => {
    expect(saveProblems(content([null, null, null]))).toEqual([]);
    expect(saveProblems(content([null], { resultCodes: [9, 10] })).map((p) => p.message)).toEqual(['检查结果“9 合格”与“10 不合格”不能同时选择']);
    expect(saveProblems(content([], { orders: [order('RECTIFY', ' ', null)] })).map((p) => p.message)).toEqual([
      '第 1 项责令：请填写责令内容',
      '第 1 项责令：责令限期改正须写明改正期限',
    ]);
  });

  it('submits only with every item checked and codes that fit the outcomes and orders', () => {
    expect(submitProblems(content(['COMPLIANT', null, 'COMPLIANT']), ids).map((p) => p.message)).toEqual(['还有 1 项检查事项未填写检查结果', '请选择检查结果']);
    expect(submitProblems(content(['COMPLIANT', 'NON_COMPLIANT', 'COMPLIANT'], { resultCodes: [5] }), ids).map((p) => p.field)).toEqual(['orders']);
    expect(submitProblems(content(['COMPLIANT', 'NON_COMPLIANT', 'COMPLIANT'], { resultCodes: [5], orders: [order('RECTIFY')] }), ids)).toEqual([]);
    expect(submitProblems(content(['COMPLIANT', 'COMPLIANT', 'NOT_APPLICABLE'], { resultCodes: [1, 9] }), ids)).toEqual([]);
  });

  it('while recording, shows how the chosen codes fit without nagging about unchecked items', () => {
    expect(liveProblems(content(['NON_COMPLIANT', null, null]), ids)).toEqual([]);
    expect(liveProblems(content(['NON_COMPLIANT', null, null], { resultCodes: [1] }), ids).map((p) => p.message)).toContain('有检查事项不符合，检查结果不能为“1 未发现问题”');
  });

  it('refuses a 改正期限 before the visit day, more than a year after it, or not a real day (R-VISIT-1, issue 14)', () => {
    const visitDay = '2022-08-10';
    const messages = (deadline: string) => saveProblems(content([], { orders: [order('RECTIFY', '限期整改', deadline)] }), visitDay).map((p) => p.message);
    expect(messages('2022-08-10')).toEqual([]);
    expect(messages('2023-08-10')).toEqual([]);
    expect(messages('2022-08-09')).toEqual(['第 1 项责令：改正期限不能早于检查日（2022-08-10）']);
    expect(messages('2023-08-11')).toEqual(['第 1 项责令：改正期限不能晚于 2023-08-10（检查日起一年内）']);
    // What a bare browser date input stored when 20220815 was typed into it.
    expect(messages('20815-02-02')).toEqual(['第 1 项责令：改正期限应为有效日期，请在日历中选择']);
    expect(messages('2022-02-30')).toEqual(['第 1 项责令：改正期限应为有效日期，请在日历中选择']);
    expect(submitProblems(content(['NON_COMPLIANT'], { resultCodes: [5], orders: [order('RECTIFY', '限期整改', '2022-08-01')] }), ['c1'], visitDay).map((p) => p.message)).toEqual([
      '第 1 项责令：改正期限不能早于检查日（2022-08-10）',
    ]);
    expect(rectifyDeadlineWindow(visitDay)).toEqual({ start: '2022-08-10', end: '2023-08-10' });
    expect(rectifyDeadlineWindow(null)).toBeNull();
  });
});
