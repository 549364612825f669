import { describe, expect, it } from '@jest/globals';
import { defaultAsOf, defaultParameterValues, describeParameters, describeStratumRule, parameterValuesOf, percentToBasisPoints, roundingExample, toParametersInput } from './draw-parameters';

const plan = { windowStart: '2022-07-26', windowEnd: '2022-12-31', participatingDepartments: ['CULTURE', 'MARKET', 'FIRE'] as const };

describe('draw parameters between the wizard and the API', () => {
  it('sends shares as basis points and counts as counts (docs/draw-algorithm.md §4)', () => {
    const values = { ...defaultParameterValues(plan, '2022-07-25'), batch: ' 2022-第一批 ', streets: [' 东安路街道', '东安路街道', ''] };
    values.strata = [
      { riskClass: 'D', mode: 'share', percent: 12.5 },
      { riskClass: 'A', mode: 'count', count: 3 },
    ];
    expect(toParametersInput(values, plan.participatingDepartments)).toEqual({
      batch: '2022-第一批',
      streets: ['东安路街道'],
      excludeNotOperating: true,
      recentInspectionDays: 365,
      asOf: '2022-07-26',
      strata: [
        { riskClass: 'D', basisPoints: 1250 },
        { riskClass: 'A', count: 3 },
      ],
      visitStart: '2022-07-26',
      visitEnd: '2022-12-31',
      officersPerDepartment: [
        { department: 'CULTURE', count: 2 },
        { department: 'MARKET', count: 2 },
        { department: 'FIRE', count: 2 },
      ],
    });
  });

  it('defaults to the plan window, two officers per department and a 365-day exclusion', () => {
    const values = defaultParameterValues(plan, '2022-07-25');
    expect(values).toMatchObject({ visitStart: '2022-07-26', visitEnd: '2022-12-31', excludeNotOperating: true, recentInspectionDays: 365 });
    expect(values.officers).toEqual({ CULTURE: 2, MARKET: 2, FIRE: 2 });
  });

  it('reads a saved draw back into the form for a redraw', () => {
    const values = parameterValuesOf({
      batch: '2022-第一批',
      streets: [],
      excludeNotOperating: false,
      recentInspectionDays: 0,
      asOf: '2022-07-26',
      strata: [
        { riskClass: 'D', basisPoints: 333, count: null },
        { riskClass: 'C', basisPoints: null, count: 4 },
      ],
      visitStart: '2022-08-01',
      visitEnd: '2022-09-30',
      leadDepartment: 'CULTURE',
      officersPerDepartment: [{ department: 'CULTURE', count: 3 }],
    });
    expect(values.strata).toEqual([
      { riskClass: 'D', mode: 'share', percent: 3.33 },
      { riskClass: 'C', mode: 'count', count: 4 },
    ]);
    expect(values.officers).toEqual({ CULTURE: 3 });
  });

  it('rounds shares up, as the wizard explains it', () => {
    expect(percentToBasisPoints(3.33)).toBe(333);
    expect(describeStratumRule({ basisPoints: 250 })).toBe('2.5%');
    expect(describeStratumRule({ count: 5 })).toBe('5 家');
    expect(roundingExample(10, 23)).toBe('例如符合条件 23 家、比例 10%：23 × 10% = 2.3，向上取整抽取 3 家');
  });
});

describe('describeParameters', () => {
  it('says in words what the commitment fixes', () => {
    const values = { ...defaultParameterValues(plan, '2022-07-25'), batch: '2022-第一批' };
    const lines = Object.fromEntries(describeParameters(values, 'CULTURE', (code) => code).map((line) => [line.key, line.value]));
    expect(lines['streets']).toBe('全部街道');
    expect(lines['recent']).toBe('排除 2022-07-26 前 365 天内已检查且未发现问题的');
    expect(lines['strata']).toBe('D 类 50%（向上取整）；C 类 20%（向上取整）；B 类 10%（向上取整）；A 类 3%（向上取整）');
    expect(lines['officers']).toBe('CULTURE 2 人、MARKET 2 人、FIRE 2 人；组长由CULTURE人员担任');
  });
});

describe('基准日期 defaults to the plan\'s window', () => {
  const window = { windowStart: '2022-07-26', windowEnd: '2022-12-31' };
  it('today while the window is open', () => expect(defaultAsOf(window, '2022-09-01')).toBe('2022-09-01'));
  it('the window\'s start before it opens and after it closes', () => {
    expect(defaultAsOf(window, '2022-07-01')).toBe('2022-07-26');
    expect(defaultAsOf(window, '2026-12-08')).toBe('2022-07-26');
  });
});
