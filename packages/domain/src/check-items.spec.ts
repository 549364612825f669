import { CHECK_ITEMS_2022, checkItemsOf } from './check-items';
import { RESULT_CODES, isResultCode, resultLabel } from './result-codes';

describe('check items of the 2022 plan', () => {
  it('R-ITEM-1..3: culture has 7 items, market 2, fire 3, each with a legal basis', () => {
    expect(checkItemsOf('culture').map((i) => i.code)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7']);
    expect(checkItemsOf('market').map((i) => i.code)).toEqual(['M1', 'M2']);
    expect(checkItemsOf('fire').map((i) => i.code)).toEqual(['F1', 'F2', 'F3']);
    for (const item of CHECK_ITEMS_2022) expect(item.legalBasis).toMatch(/^《.+》/);
  });

  it('codes are unique within the plan', () => {
    expect(new Set(CHECK_ITEMS_2022.map((i) => i.code)).size).toBe(CHECK_ITEMS_2022.length);
  });
});

describe('result codes', () => {
  it('R-RES-2: ten codes numbered 1..10 as the publicity system uses them', () => {
    expect(RESULT_CODES.map((r) => r.code)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(resultLabel(5)).toBe('发现问题已责令改正');
    expect(isResultCode(11)).toBe(false);
  });
});
