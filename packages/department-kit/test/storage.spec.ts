import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CHECK_ITEMS_2022, PLAN_2022, type Principal } from '@dr/domain';
import { createLogger, OutboxEventEntity } from '@dr/subgraph-kit';
import { openTestDataSource, pendingSchemaChanges } from '@dr/subgraph-kit/testing';
import { testDatabases } from '@dr/config-jest/databases';
import { DEPARTMENT_ENTITIES, DEPARTMENT_MIGRATIONS } from '../src/tables';
import { CheckItemEntity, EvidenceEntity, EvidenceRemovalEntity, SectionChangeEntity, SectionEntity, SectionItemEntity } from '../src/entities';
import { checkItemId, seedCheckItems } from '../src/seed';
import { SectionService } from '../src/section.service';
import { ItemOutcome, OrderDelivery, OrderKind } from '../src/enums';
import type { SaveSectionInput } from '../src/dtos/section.inputs';

const inspector: Principal = { userId: 'u-culture', username: 'culture-inspector', displayName: '执法人员', role: 'INSPECTOR', department: 'culture', inspectorId: null };

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

  const sut = () => new SectionService(dataSource, 'culture');
  const item = (code: string) => checkItemId(PLAN_2022.id, code);
  const allCompliant = () => ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7'].map((code) => ({ checkItemId: item(code), outcome: ItemOutcome.COMPLIANT }));
  const save = (inspectionId: string, expectedVersion: number, overrides: Partial<SaveSectionInput> = {}, who = inspector) =>
    sut().save({ inspectionId, planId: PLAN_2022.id, expectedVersion, idempotencyKey: randomUUID(), items: [], resultCodes: [], orders: [], ...overrides }, who);

  it('saves a draft: creates the section, bumps the version, lists every item', async () => {
    const inspectionId = randomUUID();
    const first = await save(inspectionId, 0, { items: [{ checkItemId: item('C4'), outcome: ItemOutcome.NON_COMPLIANT, note: '  未悬挂许可证  ' }] });
    expect(first).toMatchObject({ inspectionId, status: 'IN_PROGRESS', version: 1 });
    expect(first.items).toHaveLength(7);
    expect(first.items.find((i) => i.checkItem.code === 'C4')).toMatchObject({ outcome: 'NON_COMPLIANT', note: '未悬挂许可证' });
    const second = await save(inspectionId, 1, { items: [{ checkItemId: item('C4'), outcome: ItemOutcome.COMPLIANT }] });
    expect(second.version).toBe(2);
    expect(second.items.find((i) => i.checkItem.code === 'C4')).toMatchObject({ outcome: 'COMPLIANT', note: null });
  });

  it('a stale save gets CONFLICT with what changed since, and overwrites nothing', async () => {
    const inspectionId = randomUUID();
    await save(inspectionId, 0, { items: [{ checkItemId: item('C1'), outcome: ItemOutcome.COMPLIANT }] });
    await save(inspectionId, 1, { items: [{ checkItemId: item('C1'), outcome: ItemOutcome.NON_COMPLIANT, note: '发现未成年人' }] }, { ...inspector, userId: 'u-other', displayName: '李四' });
    const stale = save(inspectionId, 1, { items: [{ checkItemId: item('C1'), outcome: ItemOutcome.COMPLIANT }] });
    await expect(stale).rejects.toMatchObject({
      extensions: {
        code: 'CONFLICT',
        field: 'expectedVersion',
        currentVersion: 2,
        changes: [{ version: 2, by: '李四', changes: expect.arrayContaining([{ field: 'items.C1.outcome', label: 'C1 检查结果', before: '符合', after: '不符合' }]) }],
      },
    });
    const section = await dataSource.getRepository(SectionEntity).findOneByOrFail({ inspectionId });
    expect(section.version).toBe(2);
    expect(await dataSource.getRepository(SectionItemEntity).findOneByOrFail({ sectionId: section.id, checkItemId: item('C1') })).toMatchObject({ outcome: 'NON_COMPLIANT' });
  });

  it('concurrent saves on one version: exactly one wins, the rest get CONFLICT', async () => {
    const inspectionId = randomUUID();
    const results = await Promise.allSettled(['C1', 'C2', 'C3', 'C4'].map((code) => save(inspectionId, 0, { items: [{ checkItemId: item(code), outcome: ItemOutcome.COMPLIANT }] })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const rejected of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) expect(rejected.reason).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(await dataSource.getRepository(SectionEntity).findBy({ inspectionId })).toHaveLength(1);
  });

  it('the same idempotency key twice writes once', async () => {
    const inspectionId = randomUUID();
    const input = { inspectionId, planId: PLAN_2022.id, expectedVersion: 0, idempotencyKey: randomUUID(), items: [{ checkItemId: item('C2'), outcome: ItemOutcome.COMPLIANT }], resultCodes: [], orders: [] };
    const first = await sut().save(input, inspector);
    const again = await sut().save(input, inspector);
    expect(again.version).toBe(first.version);
    const section = await dataSource.getRepository(SectionEntity).findOneByOrFail({ inspectionId });
    expect(section.version).toBe(1);
    expect(await dataSource.getRepository(SectionChangeEntity).countBy({ sectionId: section.id })).toBe(1);
  });

  it('R-RES-1: submit needs every item and a fitting result; then the record is locked and amendments keep the original', async () => {
    const inspectionId = randomUUID();
    await save(inspectionId, 0, { items: allCompliant().slice(0, 5), resultCodes: [1] });
    await expect(sut().submit({ inspectionId, expectedVersion: 1, idempotencyKey: randomUUID() }, inspector)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'items' } });
    const items = allCompliant().map((i) => (i.checkItemId === item('C4') ? { ...i, outcome: ItemOutcome.NON_COMPLIANT } : i));
    await save(inspectionId, 1, {
      items,
      resultCodes: [5],
      onSiteRecord: { facts: '未悬挂《网络文化经营许可证》', personsPresent: '负责人张某' },
      orders: [{ kind: OrderKind.RECTIFY, delivery: OrderDelivery.WRITTEN, content: '限期悬挂许可证', deadline: '2022-08-20', checkItemId: item('C4') }],
    });
    const submitted = await sut().submit({ inspectionId, expectedVersion: 2, idempotencyKey: randomUUID() }, inspector);
    expect(submitted).toMatchObject({ status: 'SUBMITTED', version: 3, resultCodes: [5] });
    expect(submitted.orders[0]).toMatchObject({ kind: 'RECTIFY', deadline: '2022-08-20' });
    await expect(save(inspectionId, 3, { items, resultCodes: [5] })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    const amended = await sut().amend(
      { inspectionId, planId: PLAN_2022.id, expectedVersion: 3, idempotencyKey: randomUUID(), reason: '笔误：期限应为 8 月 25 日', items, resultCodes: [5], onSiteRecord: { facts: '未悬挂《网络文化经营许可证》', personsPresent: '负责人张某' }, orders: [{ kind: OrderKind.RECTIFY, delivery: OrderDelivery.WRITTEN, content: '限期悬挂许可证', deadline: '2022-08-25', checkItemId: item('C4') }] },
      inspector,
    );
    expect(amended.status).toBe('SUBMITTED');
    expect(amended.amendments).toEqual([expect.objectContaining({ version: 4, reason: '笔误：期限应为 8 月 25 日', changes: [expect.objectContaining({ field: 'orders', before: expect.stringContaining('2022-08-20'), after: expect.stringContaining('2022-08-25') })] })]);
    const section = await dataSource.getRepository(SectionEntity).findOneByOrFail({ inspectionId });
    expect(JSON.parse(section.submittedRecord!).orders[0].deadline).toBe('2022-08-20');
    // The office learns of the amendment with it (section.amended, ADR 0013/0015): one outbox row, the change's version, who and why.
    const told = await dataSource.getRepository(OutboxEventEntity).findBy({ topic: 'section.amended' });
    expect(told.filter((row) => JSON.parse(row.payload).payload.inspectionId === inspectionId).map((row) => ({ destination: row.destination, payload: JSON.parse(row.payload).payload }))).toEqual([
      {
        destination: 'office',
        payload: expect.objectContaining({ inspectionId, department: 'culture', version: 4, reason: '笔误：期限应为 8 月 25 日', amendedByName: '执法人员', changes: [expect.objectContaining({ field: 'orders' })] }),
      },
    ]);
  });

  it('removing evidence before submission marks it and logs the removal in the same transaction; once submitted it is refused', async () => {
    const inspectionId = randomUUID();
    const evidence: EvidenceEntity = { id: randomUUID(), inspectionId, checkItemId: item('C2'), sha256: 'a'.repeat(64), contentType: 'image/png', size: 10, fileName: '误拍.png', uploadedBy: 'u-other', uploadedAt: new Date('2022-08-10T02:00:00Z'), removedAt: null, removedBy: null };
    await dataSource.getRepository(EvidenceEntity).insert(evidence);
    await save(inspectionId, 0, { items: allCompliant(), resultCodes: [1] });
    const remove = (idempotencyKey = randomUUID()) => sut().removeEvidence({ inspectionId, planId: PLAN_2022.id, evidenceId: evidence.id, idempotencyKey }, inspector);
    const view = await remove();
    expect(view.items.flatMap((i) => i.evidence)).toEqual([]);
    expect(await dataSource.getRepository(EvidenceEntity).findOneByOrFail({ id: evidence.id })).toMatchObject({ removedBy: inspector.userId, removedAt: expect.any(Date) });
    await remove();
    const log = await dataSource.getRepository(EvidenceRemovalEntity).findBy({ evidenceId: evidence.id });
    expect(log).toEqual([expect.objectContaining({ inspectionId, fileName: '误拍.png', uploadedBy: 'u-other', uploadedAt: evidence.uploadedAt, removedBy: inspector.userId })]);

    await dataSource.getRepository(EvidenceEntity).update({ id: evidence.id }, { removedAt: null, removedBy: null });
    await sut().submit({ inspectionId, expectedVersion: 1, idempotencyKey: randomUUID() }, inspector);
    await expect(remove()).rejects.toMatchObject({ extensions: { code: 'CONFLICT', field: 'evidenceId' } });
    expect(await dataSource.getRepository(EvidenceRemovalEntity).countBy({ evidenceId: evidence.id })).toBe(1);
  });

  it('refuses an item that is not this department\'s and an impossible result, naming the field, and writes nothing', async () => {
    const before = await dataSource.getRepository(SectionItemEntity).count();
    await expect(save(randomUUID(), 0, { items: [{ checkItemId: item('M1'), outcome: ItemOutcome.COMPLIANT }] })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'items.0.checkItemId' } });
    await expect(save(randomUUID(), 0, { items: allCompliant(), resultCodes: [9, 10] })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'resultCodes' } });
    expect(await dataSource.getRepository(SectionItemEntity).count()).toBe(before);
  });
});
