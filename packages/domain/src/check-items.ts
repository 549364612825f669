import type { Department } from './department';

/**
 * A check item (抽查事项) as a plan defines it (R-ITEM-1..4). Items are data: a plan carries its own
 * list, each item with its department and legal basis; the department subgraphs store them per plan
 * version, so a later plan changes the list without a code change.
 */
export interface CheckItemDefinition {
  /** Stable code within the plan, e.g. `C1`. */
  code: string;
  department: Department;
  /** What is checked, as the plan words it. */
  title: string;
  /** The legal basis (依据), as printed on the record form. */
  legalBasis: string;
  /** Display order within the department. */
  order: number;
  /** The cited articles are to be confirmed by a legal officer (待法制审核) before they are relied on. */
  legalReviewPending?: boolean;
}

const NET_CAFE_REGULATION = '《互联网上网服务营业场所管理条例》';
const FIRE_LAW = '《中华人民共和国消防法》';

/**
 * R-ITEM-1 … R-ITEM-3: the twelve items of 平卫双随机办〔2022〕25号, in the plan's order, worded as the plan
 * words them. The legal bases are not in the plan; C6 and F2 were re-read and are marked 待法制审核.
 */
export const CHECK_ITEMS_2022: readonly CheckItemDefinition[] = [
  { department: 'culture', order: 1, code: 'C1', title: '未成年人进入互联网上网服务营业场所检查', legalBasis: `${NET_CAFE_REGULATION}第二十一条、第三十一条` },
  { department: 'culture', order: 2, code: 'C2', title: '擅自停止实施经营管理技术措施检查', legalBasis: `${NET_CAFE_REGULATION}第十九条、第三十一条` },
  { department: 'culture', order: 3, code: 'C3', title: '未按规定核对上网消费者的有效身份证件检查', legalBasis: `${NET_CAFE_REGULATION}第二十三条、第三十二条` },
  { department: 'culture', order: 4, code: 'C4', title: '未悬挂《网络文化经营许可证》检查', legalBasis: `${NET_CAFE_REGULATION}第二十条、第三十一条` },
  { department: 'culture', order: 5, code: 'C5', title: '未悬挂未成年人禁入标志的检查', legalBasis: `${NET_CAFE_REGULATION}第二十一条、第三十一条` },
  { department: 'culture', order: 6, code: 'C6', title: '提供未通过局域网的方式接入互联网检查', legalBasis: `${NET_CAFE_REGULATION}第十六条、第三十二条`, legalReviewPending: true },
  { department: 'culture', order: 7, code: 'C7', title: '未建立场内巡查制度的检查', legalBasis: `${NET_CAFE_REGULATION}第十九条、第三十二条` },
  { department: 'market', order: 1, code: 'M1', title: '营业执照(登记证)规范使用情况的检查(检查是否将营业执照置于住所或营业场所醒目位置、营业执照是否存在涂改行为)', legalBasis: '《中华人民共和国市场主体登记管理条例》第三十六条、第三十七条' },
  { department: 'market', order: 2, code: 'M2', title: '食品销售监督检查(经营资质、经营条件、食品标签和外观质量的检查)', legalBasis: '《中华人民共和国食品安全法》第三十三条、第三十五条、第六十七条' },
  { department: 'fire', order: 1, code: 'F1', title: '消防安全制度、灭火和应急疏散预案制定情况', legalBasis: `${FIRE_LAW}第十六条第一款第（一）项` },
  { department: 'fire', order: 2, code: 'F2', title: '组织开展防火检查、消防演练和员工消防安全教育情况', legalBasis: `${FIRE_LAW}第十六条第一款第（五）项、第（六）项`, legalReviewPending: true },
  { department: 'fire', order: 3, code: 'F3', title: '单位建筑消防设施、器材维护保养情况', legalBasis: `${FIRE_LAW}第十六条第一款第（二）项、第（三）项` },
];

export function checkItemsOf(department: Department, items: readonly CheckItemDefinition[] = CHECK_ITEMS_2022) {
  return items.filter((item) => item.department === department).sort((a, b) => a.order - b.order);
}
