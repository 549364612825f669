import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CHECK_ITEMS_2022, PLAN_2022, type Principal } from '@dr/domain';
import { createLogger } from '@dr/subgraph-kit';
import { openTestDataSource, pendingSchemaChanges } from '@dr/subgraph-kit/dist/testing';
import { testDatabases } from '@dr/config-jest/databases';
import { DEPARTMENT_ENTITIES, DEPARTMENT_MIGRATIONS } from '../src/tables';
import { CheckItemEntity, SectionEntity, SectionItemEntity } from '../src/entities';
import { checkItemId, seedCheckItems } from '../src/seed';
import { SectionService } from '../src/section.service';
import { ItemOutcome } from '../src/enums';

const inspector: Principal = { userId: 'u-culture', username: 'culture-inspector', displayName: '执法人员', role: 'INSPECTOR', department: 'culture' };

describe.each(testDatabases())('department storage on %s', (db) => {
  let dataSource: DataSource;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ dataSource, dispose } = await openTestDataSource({ name: 'culture', entities: DEPARTMENT_ENTITIES, migrations: DEPARTMENT_MIGRATIONS }, db));
    await seedCheckItems(dataSource, 'culture', PLAN_2022.id, CHECK_ITEMS_2022, createLogger('culture', 'silent'));
  });
  afterAll(() => dispose());

  it('migrations build exactly the schema the entities describe (nothing pending)', async () => {
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });

  it('R-ITEM-4: holds only its own department\'s items of the plan, as data, seeded once', async () => {
    await seedCheckItems(dataSource, 'culture', PLAN_2022.id, CHECK_ITEMS_2022, createLogger('culture', 'silent'));
    const items = await dataSource.getRepository(CheckItemEntity).find({ order: { order: 'ASC' } });
    expect(items.map((i) => i.code)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7']);
    expect(items[0]).toMatchObject({ planId: PLAN_2022.id, department: 'culture', legalBasis: expect.stringContaining('《互联网上网服务营业场所管理条例》') });
  });

  it('records an outcome: creates the section, bumps the version, lists every item', async () => {
    const sut = new SectionService(dataSource, 'culture');
    const inspectionId = randomUUID();
    const first = await sut.recordItemOutcome({ inspectionId, checkItemId: checkItemId(PLAN_2022.id, 'C4'), outcome: ItemOutcome.NON_COMPLIANT, note: '  未悬挂许可证  ' }, inspector);
    expect(first).toMatchObject({ inspectionId, status: 'IN_PROGRESS', version: 1 });
    expect(first.items).toHaveLength(7);
    expect(first.items.find((i) => i.checkItem.code === 'C4')).toMatchObject({ outcome: 'NON_COMPLIANT', note: '未悬挂许可证' });
    const second = await sut.recordItemOutcome({ inspectionId, checkItemId: checkItemId(PLAN_2022.id, 'C4'), outcome: ItemOutcome.COMPLIANT }, inspector);
    expect(second.version).toBe(2);
    expect(second.items.find((i) => i.checkItem.code === 'C4')).toMatchObject({ outcome: 'COMPLIANT', note: null });
  });

  it('concurrent first saves of one inspection create one section and lose no outcome', async () => {
    const sut = new SectionService(dataSource, 'culture');
    const inspectionId = randomUUID();
    const codes = ['C1', 'C2', 'C3', 'C4', 'C5'];
    await Promise.all(codes.map((code) => sut.recordItemOutcome({ inspectionId, checkItemId: checkItemId(PLAN_2022.id, code), outcome: ItemOutcome.COMPLIANT }, inspector)));
    const sections = await dataSource.getRepository(SectionEntity).findBy({ inspectionId });
    expect(sections).toHaveLength(1);
    expect(sections[0].version).toBe(codes.length);
    expect(await dataSource.getRepository(SectionItemEntity).countBy({ sectionId: sections[0].id })).toBe(codes.length);
  });

  it('refuses an item that is not this department\'s, naming the field, and writes nothing', async () => {
    const sut = new SectionService(dataSource, 'culture');
    const before = await dataSource.getRepository(SectionItemEntity).count();
    await expect(
      sut.recordItemOutcome({ inspectionId: randomUUID(), checkItemId: checkItemId(PLAN_2022.id, 'M1'), outcome: ItemOutcome.COMPLIANT }, inspector),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'checkItemId' } });
    expect(await dataSource.getRepository(SectionItemEntity).count()).toBe(before);
  });
});
