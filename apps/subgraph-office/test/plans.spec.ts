import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { PLAN_2022, type Principal } from '@dr/domain';
import { createLogger, OutboxEventEntity } from '@dr/subgraph-kit';
import { openTestDataSource } from '@dr/subgraph-kit/testing';
import { testDatabases } from '@dr/config-jest/databases';
import { demoInspections, demoVenues } from '@dr/demo-data';
import { OFFICE_ENTITIES, OFFICE_MIGRATIONS } from '../src/entities';
import { seedOffice } from '../src/seed';
import { Plan } from '../src/plan/plan.entity';
import { Venue } from '../src/venue/venue.entity';
import { User } from '../src/auth/user.entity';
import { PlanService } from '../src/plan/plan.service';
import { InspectionService } from '../src/inspection/inspection.service';
import { Inspection } from '../src/inspection/inspection.entity';
import { Inspector } from '../src/inspector/inspector.entity';
import { InspectorConflict } from '../src/inspector/conflict.entity';
import type { CreatePlanInput } from '../src/plan/dtos/plan.input';

const office: Principal = { userId: 'u-office', username: 'office', displayName: '联席办', role: 'OFFICE_ADMIN', department: null, inspectorId: null };
const plan2023 = (change: Partial<CreatePlanInput> = {}): CreatePlanInput => ({
  title: '平顶山市卫东区互联网上网服务营业场所“双随机、一公开”部门联合监管实施方案（2023年）',
  documentNumber: '平卫双随机办〔2023〕3号',
  issueDate: '2023-03-01',
  objectType: '互联网上网服务营业场所',
  windowStart: '2023-03-10',
  windowEnd: '2023-11-30',
  participatingDepartments: ['culture', 'market', 'fire'],
  leadDepartment: 'culture',
  annualPlan: '',
  reportingDeadline: '2023-11-01',
  reportTo: 'market',
  ...change,
});

describe.each(testDatabases())('plans on %s (R-PLAN-1)', (db) => {
  let dataSource: DataSource;
  let dispose: () => Promise<void>;
  let sut: PlanService;

  beforeAll(async () => {
    ({ dataSource, dispose } = await openTestDataSource({ name: 'office', entities: OFFICE_ENTITIES, migrations: OFFICE_MIGRATIONS }, db));
    sut = new PlanService(dataSource);
  });
  afterAll(() => dispose());

  it('the 2022 plan is reference data: a migration loads it without any demo data (SEED_DEMO_DATA=false)', async () => {
    expect(await dataSource.getRepository(Plan).find()).toEqual([expect.objectContaining({ ...PLAN_2022, createdAt: expect.any(Date) })]);
    expect(await dataSource.getRepository(Venue).count()).toBe(0);
    expect(await dataSource.getRepository(User).count()).toBe(0);
    // The demo seed still runs on top of it, once.
    await seedOffice(dataSource, createLogger('office', 'silent'));
    await seedOffice(dataSource, createLogger('office', 'silent'));
    expect(await dataSource.getRepository(Plan).count()).toBe(1);
    expect(await dataSource.getRepository(Venue).count()).toBeGreaterThan(0);
  });

  it('creates a plan and tells its departments, in one transaction', async () => {
    const plan = await sut.create(plan2023(), office);
    expect(plan).toMatchObject({ documentNumber: '平卫双随机办〔2023〕3号', issuingOffice: PLAN_2022.issuingOffice, leadDepartment: 'culture', participatingDepartments: ['culture', 'market', 'fire'] });
    const events = await dataSource.getRepository(OutboxEventEntity).findBy({ topic: 'plan.created' });
    expect(events.map((e) => e.destination).sort()).toEqual(['culture', 'fire', 'market']);
    expect(JSON.parse(events[0].payload).payload).toEqual({ planId: plan.id, title: plan.title, copiedFromPlanId: null, departments: ['culture', 'market', 'fire'] });
  });

  it.each([
    ['a window that ends before it starts', { windowStart: '2024-05-01', windowEnd: '2024-04-30', reportingDeadline: '2024-05-01' }, 'windowEnd', /早于开始日期/],
    ['a department twice', { participatingDepartments: ['culture', 'market', 'market'] }, 'participatingDepartments', /重复/],
    ['a lead department that does not take part', { participatingDepartments: ['market', 'fire'] }, 'leadDepartment', /不在参与部门中/],
    ['a document number already used', { documentNumber: PLAN_2022.documentNumber }, 'documentNumber', /已被方案“平顶山市卫东区/],
    ['a plan to copy that does not exist', { copyFromPlanId: 'no-such-plan' }, 'copyFromPlanId', /要复制的方案不存在/],
  ] as const)('refuses %s naming the field, and writes nothing', async (_case, change, field, message) => {
    const [plans, events] = [await dataSource.getRepository(Plan).count(), await dataSource.getRepository(OutboxEventEntity).count()];
    const attempt = sut.create(plan2023({ documentNumber: '平卫双随机办〔2024〕1号', ...(change as Partial<CreatePlanInput>) }), office);
    await expect(attempt).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
    await expect(attempt).rejects.toThrow(message);
    expect(await dataSource.getRepository(Plan).count()).toBe(plans);
    expect(await dataSource.getRepository(OutboxEventEntity).count()).toBe(events);
  });

  it('copies last year\'s plan: the departments are told which plan\'s items to copy', async () => {
    const copy = await sut.create(plan2023({ documentNumber: '平卫双随机办〔2023〕9号', copyFromPlanId: PLAN_2022.id }), office);
    const [event] = await dataSource.getRepository(OutboxEventEntity).findBy({ topic: 'plan.created', destination: 'fire' }).then((rows) => rows.filter((row) => row.payload.includes(copy.id)));
    expect(JSON.parse(event.payload).payload).toMatchObject({ planId: copy.id, copiedFromPlanId: PLAN_2022.id });
  });

  it('edits a plan before its first draw, and refuses (CONFLICT, nothing changed) once it has inspections', async () => {
    const plan = await sut.create(plan2023({ documentNumber: '平卫双随机办〔2023〕11号' }), office);
    const edited = await sut.update(plan.id, plan2023({ documentNumber: '平卫双随机办〔2023〕11号', windowEnd: '2023-12-15' }));
    expect(edited.windowEnd).toBe('2023-12-15');
    // The demo inspections belong to the 2022 plan: its draw has started.
    expect(demoInspections()[0].planId).toBe(PLAN_2022.id);
    const { id: _id, issuingOffice: _office, ...fields } = PLAN_2022;
    const attempt = sut.update(PLAN_2022.id, { ...fields, windowEnd: '2023-01-31' });
    await expect(attempt).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    await expect(attempt).rejects.toThrow('方案“平顶山市卫东区互联网上网服务营业场所“双随机、一公开”部门联合监管实施方案”已开始抽取或已有检查任务，不能再修改；如需调整，请新建方案');
    expect((await dataSource.getRepository(Plan).findOneByOrFail({ id: PLAN_2022.id })).windowEnd).toBe('2022-12-31');
  });

  describe('a task made by hand (createInspection) obeys the draw\'s team rules (R-DRAW-2)', () => {
    const officers = async () => {
      const all = await dataSource.getRepository(Inspector).find({ order: { id: 'ASC' } });
      const of = (department: string) => all.filter((o) => o.department === department && o.status !== 'ON_LEAVE');
      return { culture: of('culture'), market: of('market'), fire: of('fire') };
    };
    const venue = () => demoVenues()[40];

    it('refuses a team missing a participating department, naming it, and writes nothing', async () => {
      const { culture, market } = await officers();
      const before = await dataSource.getRepository(Inspection).count();
      const attempt = new InspectionService(dataSource).create({ planId: PLAN_2022.id, venueId: venue().id, scheduledDate: '2022-09-01', leaderId: culture[0].id, memberIds: [market[0].id], reason: '群众投诉举报' });
      await expect(attempt).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'memberIds' } });
      await expect(attempt).rejects.toThrow('检查组缺少参与部门卫东区消防救援大队的执法人员');
      expect(await dataSource.getRepository(Inspection).count()).toBe(before);
    });

    it('refuses an officer who declared a conflict with the venue, by name', async () => {
      const { culture, market, fire } = await officers();
      await dataSource.getRepository(InspectorConflict).insert({ id: 'conflict-test-1', inspectorId: fire[0].id, venueId: venue().id, relation: '近亲属', reason: '配偶经营' });
      const attempt = new InspectionService(dataSource).create({ planId: PLAN_2022.id, venueId: venue().id, scheduledDate: '2022-09-01', leaderId: culture[0].id, memberIds: [market[0].id, fire[0].id], reason: '群众投诉举报' });
      await expect(attempt).rejects.toThrow(`${fire[0].name}已申报与该检查对象回避`);
    });

    it('records the reason, and refuses the same venue twice in one plan (CONFLICT, by name)', async () => {
      const { culture, market, fire } = await officers();
      const sut = new InspectionService(dataSource);
      const created = await sut.create({ planId: PLAN_2022.id, venueId: venue().id, scheduledDate: '2022-09-01', leaderId: culture[0].id, memberIds: [market[0].id, fire[1].id], reason: '群众投诉举报' });
      expect(created.creationReason).toBe('群众投诉举报');
      const again = sut.create({ planId: PLAN_2022.id, venueId: venue().id, scheduledDate: '2022-10-01', leaderId: culture[1].id, memberIds: [market[1].id, fire[1].id], reason: '复查' });
      await expect(again).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
      await expect(again).rejects.toThrow(`检查对象“${venue().name}”在本方案中已有检查任务（2022-09-01），同一方案不重复检查`);
    });

    it('the first task of a plan tells its departments the plan is frozen (plan.frozen), once', async () => {
      const { culture, market, fire } = await officers();
      const plan = await sut.create(plan2023({ documentNumber: '平卫双随机办〔2023〕21号' }), office);
      const service = new InspectionService(dataSource);
      await service.create({ planId: plan.id, venueId: demoVenues()[41].id, scheduledDate: '2023-04-03', leaderId: culture[0].id, memberIds: [market[0].id, fire[1].id], reason: '上级交办' });
      await service.create({ planId: plan.id, venueId: demoVenues()[42].id, scheduledDate: '2023-04-04', leaderId: culture[1].id, memberIds: [market[1].id, fire[1].id], reason: '上级交办' });
      const frozen = (await dataSource.getRepository(OutboxEventEntity).findBy({ topic: 'plan.frozen' })).filter((row) => row.payload.includes(plan.id));
      expect(frozen.map((row) => row.destination).sort()).toEqual(['culture', 'fire', 'market']);
    });
  });
});
