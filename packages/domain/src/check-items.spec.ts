import { CHECK_ITEMS_2022, checkItemsOf } from './check-items';
import { RESULT_CODES, isResultCode, resultLabel } from './result-codes';

describe('check items of the 2022 plan', () => {
  it('R-ITEM-1..3: culture has 7 items, market 2, fire 3, each with a legal basis', () => {
    expect(checkItemsOf('culture').map((i) => i.code)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7']);
    expect(checkItemsOf('market').map((i) => i.code)).toEqual(['M1', 'M2']);
    expect(checkItemsOf('fire').map((i) => i.code)).toEqual(['F1', 'F2', 'F3']);
    for (const item of CHECK_ITEMS_2022) expect(item.legalBasis).toMatch(/^《.+》/);
  });

  it('R-ITEM-1..3: each item is worded as the plan words it (平卫双随机办〔2022〕25号 三、检查内容, quoted here)', () => {
    // The plan's own words, copied from its section 三; the items are split at its semicolons.
    const PLAN_WORDS: Record<string, string> = {
      C1: '未成年人进入互联网上网服务营业场所检查',
      C2: '擅自停止实施经营管理技术措施检查',
      C3: '未按规定核对上网消费者的有效身份证件检查',
      C4: '未悬挂《网络文化经营许可证》检查',
      C5: '未悬挂未成年人禁入标志的检查',
      C6: '提供未通过局域网的方式接入互联网检查',
      C7: '未建立场内巡查制度的检查',
      M1: '营业执照(登记证)规范使用情况的检查(检查是否将营业执照置于住所或营业场所醒目位置、营业执照是否存在涂改行为)',
      M2: '食品销售监督检查(经营资质、经营条件、食品标签和外观质量的检查)',
      F1: '消防安全制度、灭火和应急疏散预案制定情况',
      F2: '组织开展防火检查、消防演练和员工消防安全教育情况',
      F3: '单位建筑消防设施、器材维护保养情况',
    };
    expect(Object.fromEntries(CHECK_ITEMS_2022.map((item) => [item.code, item.title]))).toEqual(PLAN_WORDS);
  });

  it('legal bases re-read against the statutes are marked 待法制审核: C6 (the duty is Art. 16) and F2 (checks and drills are items 5 and 6)', () => {
    const pending = CHECK_ITEMS_2022.filter((item) => item.legalReviewPending);
    expect(pending.map((item) => [item.code, item.legalBasis])).toEqual([
      ['C6', '《互联网上网服务营业场所管理条例》第十六条、第三十二条'],
      ['F2', '《中华人民共和国消防法》第十六条第一款第（五）项、第（六）项'],
    ]);
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
