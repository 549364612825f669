import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { CHECK_ITEMS_2022, PLAN_2022, type Principal } from '@dr/domain';
import { openTestDataSource, pendingSchemaChanges } from '@dr/subgraph-kit/testing';
import { testDatabases } from '@dr/config-jest/databases';
import { NO_EXTENSION } from '../src/extension/department-extension';
import { departmentDataSourceSpec } from '../src/tables';
import { CheckItemEntity, CheckItemVersionEntity, SectionEntity } from '../src/entities';
import { CheckItemService } from '../src/check-items/check-item.service';
import { CHECK_ITEMS_2022_DATA } from '../src/check-items/check-items-2022.migration';

const admin: Principal = { userId: 'u-fire-admin', username: 'fire-admin', displayName: '消防管理员', role: 'DEPARTMENT_ADMIN', department: 'fire', inspectorId: null };
const NEXT_PLAN = '2023aaaa-0000-4000-8000-000000000001';

describe('the 2022 items a migration loads', () => {
  it('are the domain\'s items, word for word, with the same 待法制审核 marks', () => {
    expect(CHECK_ITEMS_2022_DATA.map(({ pending, ...item }) => ({ ...item, legalReviewPending: pending }))).toEqual(
      CHECK_ITEMS_2022.map((item) => ({ ...item, legalReviewPending: item.legalReviewPending ?? false })),
    );
  });
});

describe.each(testDatabases())('versioned check items on %s (R-ITEM-4)', (db) => {
  let dataSource: DataSource;
  let dispose: () => Promise<void>;
  let sut: CheckItemService;

  beforeAll(async () => {
    ({ dataSource, dispose } = await openTestDataSource(departmentDataSourceSpec('fire', NO_EXTENSION), db));
    sut = new CheckItemService(dataSource, 'fire');
  });
  afterAll(() => dispose());

  it('migrations build exactly the schema the entities describe (nothing pending)', async () => {
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });

  it('the 2022 plan\'s items are there without any demo seed, frozen, F2 marked 待法制审核', async () => {
    const items = await dataSource.getRepository(CheckItemEntity).find({ order: { order: 'ASC' } });
    expect(items.map((item) => [item.code, item.version, item.legalReviewPending, item.frozenAt != null])).toEqual([
      ['F1', 1, false, true],
      ['F2', 1, true, true],
      ['F3', 1, false, true],
    ]);
    expect(items.every((item) => item.planId === PLAN_2022.id)).toBe(true);
  });

  it('refuses a change to a drawn plan\'s item (CONFLICT) and changes nothing', async () => {
    const [f1] = await dataSource.getRepository(CheckItemEntity).findBy({ code: 'F1' });
    const attempt = sut.save({ planId: PLAN_2022.id, checkItemId: f1.id, title: '改过的内容', legalBasis: f1.legalBasis }, admin);
    await expect(attempt).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    await expect(attempt).rejects.toThrow('本方案已抽取，检查事项已锁定');
    expect((await dataSource.getRepository(CheckItemEntity).findOneByOrFail({ id: f1.id })).title).toBe(f1.title);
  });

  it('a copied plan starts from the items as new versions; an edit is the next version, the first kept', async () => {
    await dataSource.transaction((manager) => sut.receivePlanCreated(manager, { planId: NEXT_PLAN, title: '2023年方案', copiedFromPlanId: PLAN_2022.id, departments: ['culture', 'market', 'fire'] }));
    const copies = await dataSource.getRepository(CheckItemEntity).find({ where: { planId: NEXT_PLAN }, order: { order: 'ASC' } });
    expect(copies.map((item) => [item.code, item.version, item.frozenAt])).toEqual([['F1', 1, null], ['F2', 1, null], ['F3', 1, null]]);

    const f2 = copies[1];
    const edited = await sut.save({ planId: NEXT_PLAN, checkItemId: f2.id, title: f2.title, legalBasis: '《中华人民共和国消防法》第十六条第一款第（五）项、第（六）项', legalReviewPending: false }, admin);
    expect(edited).toMatchObject({ version: 2, legalReviewPending: false });
    const versions = await dataSource.getRepository(CheckItemVersionEntity).find({ where: { checkItemId: f2.id }, order: { version: 'ASC' } });
    expect(versions.map((v) => [v.version, v.legalReviewPending, v.createdBy])).toEqual([[1, true, null], [2, false, admin.userId]]);

    const added = await sut.save({ planId: NEXT_PLAN, title: '电动自行车停放、充电情况', legalBasis: '《中华人民共和国消防法》第十六条' }, admin);
    expect(added).toMatchObject({ code: 'F4', order: 4, version: 1 });
    const reordered = await sut.reorder(NEXT_PLAN, [added.id, ...copies.map((c) => c.id)], admin);
    expect(reordered.map((item) => [item.code, item.order])).toEqual([['F4', 1], ['F1', 2], ['F2', 3], ['F3', 4]]);
  });

  it('only the department\'s admin maintains its items, and bad input names the field', async () => {
    await expect(sut.save({ planId: NEXT_PLAN, title: 'x', legalBasis: 'y' }, { ...admin, role: 'INSPECTOR' })).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(sut.save({ planId: NEXT_PLAN, title: 'x', legalBasis: 'y' }, { ...admin, department: 'market' })).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(sut.save({ planId: NEXT_PLAN, code: 'F1', title: 'x', legalBasis: 'y' }, admin)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'code' } });
    await expect(sut.reorder(NEXT_PLAN, ['a'], admin)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'checkItemIds' } });
  });

  it('the plan\'s draw freezes its items (plan.frozen), and so does a record already written for the plan', async () => {
    const [item] = await dataSource.getRepository(CheckItemEntity).findBy({ planId: NEXT_PLAN, code: 'F1' });
    await dataSource.transaction((manager) => sut.receivePlanFrozen(manager, { planId: NEXT_PLAN, frozenAt: '2023-03-15T02:00:00.000Z', departments: ['fire'] }));
    await expect(sut.save({ planId: NEXT_PLAN, checkItemId: item.id, title: '新的内容', legalBasis: item.legalBasis }, admin)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });

    const other = '2024aaaa-0000-4000-8000-000000000002';
    const created = await sut.save({ planId: other, title: '消防通道', legalBasis: '《中华人民共和国消防法》第十六条' }, admin);
    await dataSource.getRepository(SectionEntity).insert({ id: 's-1', inspectionId: 'i-1', planId: other, status: 'IN_PROGRESS', version: 1, updatedAt: new Date(), updatedBy: 'u', resultCodes: '', onSiteFacts: null, onSitePersons: null, submittedAt: null, submittedBy: null, submittedRecord: null });
    await expect(sut.save({ planId: other, checkItemId: created.id, title: '改', legalBasis: created.legalBasis }, admin)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
  });
});
