import { createHash } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { Department } from '@dr/domain';
import { utcDatetime, versionId } from './check-item-versions.migration';

const PLAN_2022_ID = '2022c025-0000-4000-8000-000000000025';
const NET_CAFE = '《互联网上网服务营业场所管理条例》';
const FIRE_LAW = '《中华人民共和国消防法》';

/**
 * The twelve items of 平卫双随机办〔2022〕25号 as the plan words them, written out here (not read from
 * `@dr/domain`) so this migration loads tomorrow what it loads today; a test checks both agree.
 * `pending`: the legal basis awaits a legal officer (待法制审核).
 */
export const CHECK_ITEMS_2022_DATA: readonly { department: Department; code: string; order: number; title: string; legalBasis: string; pending: boolean }[] = [
  { department: 'culture', code: 'C1', order: 1, title: '未成年人进入互联网上网服务营业场所检查', legalBasis: `${NET_CAFE}第二十一条、第三十一条`, pending: false },
  { department: 'culture', code: 'C2', order: 2, title: '擅自停止实施经营管理技术措施检查', legalBasis: `${NET_CAFE}第十九条、第三十一条`, pending: false },
  { department: 'culture', code: 'C3', order: 3, title: '未按规定核对上网消费者的有效身份证件检查', legalBasis: `${NET_CAFE}第二十三条、第三十二条`, pending: false },
  { department: 'culture', code: 'C4', order: 4, title: '未悬挂《网络文化经营许可证》检查', legalBasis: `${NET_CAFE}第二十条、第三十一条`, pending: false },
  { department: 'culture', code: 'C5', order: 5, title: '未悬挂未成年人禁入标志的检查', legalBasis: `${NET_CAFE}第二十一条、第三十一条`, pending: false },
  { department: 'culture', code: 'C6', order: 6, title: '提供未通过局域网的方式接入互联网检查', legalBasis: `${NET_CAFE}第十六条、第三十二条`, pending: true },
  { department: 'culture', code: 'C7', order: 7, title: '未建立场内巡查制度的检查', legalBasis: `${NET_CAFE}第十九条、第三十二条`, pending: false },
  { department: 'market', code: 'M1', order: 1, title: '营业执照(登记证)规范使用情况的检查(检查是否将营业执照置于住所或营业场所醒目位置、营业执照是否存在涂改行为)', legalBasis: '《中华人民共和国市场主体登记管理条例》第三十六条、第三十七条', pending: false },
  { department: 'market', code: 'M2', order: 2, title: '食品销售监督检查(经营资质、经营条件、食品标签和外观质量的检查)', legalBasis: '《中华人民共和国食品安全法》第三十三条、第三十五条、第六十七条', pending: false },
  { department: 'fire', code: 'F1', order: 1, title: '消防安全制度、灭火和应急疏散预案制定情况', legalBasis: `${FIRE_LAW}第十六条第一款第（一）项`, pending: false },
  { department: 'fire', code: 'F2', order: 2, title: '组织开展防火检查、消防演练和员工消防安全教育情况', legalBasis: `${FIRE_LAW}第十六条第一款第（五）项、第（六）项`, pending: true },
  { department: 'fire', code: 'F3', order: 3, title: '单位建筑消防设施、器材维护保养情况', legalBasis: `${FIRE_LAW}第十六条第一款第（二）项、第（三）项`, pending: false },
];

/** The same id `checkItemId` gives (seed.ts), repeated so the migration stands alone. */
function itemId(code: string): string {
  const hex = createHash('sha256').update(`check-item:${PLAN_2022_ID}:${code}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The department's items of the 2022 plan as reference data: real, so loaded with the schema whether
 * demo data is on or not. A database seeded before gets the plan's wording as a new version of each
 * item whose text differs (M1, M2, and the re-read bases of C6 and F2). The 2022 plan was run, so its
 * items are frozen: a later plan copies them and changes the copy.
 */
export function checkItems2022Migration(department: Department): new () => MigrationInterface {
  return class CheckItems2022Reference1700000000033 implements MigrationInterface {
    name = 'CheckItems2022Reference1700000000033';

    async up(queryRunner: QueryRunner): Promise<void> {
      const now = utcDatetime(new Date());
      for (const item of CHECK_ITEMS_2022_DATA.filter((i) => i.department === department)) {
        const id = itemId(item.code);
        const [existing]: { title: string; legal_basis: string; version: number }[] = await queryRunner.query('SELECT title, legal_basis, version FROM check_item WHERE id = ?', [id]);
        const version = existing ? Number(existing.version) + 1 : 1;
        if (existing && existing.title === item.title && existing.legal_basis === item.legalBasis) {
          await queryRunner.query('UPDATE check_item SET legal_review_pending = ?, frozen_at = ? WHERE id = ?', [item.pending ? 1 : 0, now, id]);
          continue;
        }
        if (existing) {
          await queryRunner.query('UPDATE check_item SET title = ?, legal_basis = ?, version = ?, legal_review_pending = ?, frozen_at = ? WHERE id = ?', [item.title, item.legalBasis, version, item.pending ? 1 : 0, now, id]);
        } else {
          await queryRunner.query(
            'INSERT INTO check_item (id, plan_id, department, code, title, legal_basis, sort_order, version, legal_review_pending, frozen_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)',
            [id, PLAN_2022_ID, department, item.code, item.title, item.legalBasis, item.order, item.pending ? 1 : 0, now],
          );
        }
        await queryRunner.query(
          'INSERT INTO check_item_version (id, check_item_id, plan_id, code, version, title, legal_basis, sort_order, legal_review_pending, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)',
          [versionId(id, version), id, PLAN_2022_ID, item.code, version, item.title, item.legalBasis, item.order, item.pending ? 1 : 0, now],
        );
      }
    }

    async down(): Promise<void> {
      // Reference data stays: later versions and records point at it.
    }
  };
}
