import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { PLAN_2022 } from '@dr/domain';
import { demoVenues } from '@dr/demo-data';
import { createLogger } from '@dr/subgraph-kit';
import { openTestDataSource, pendingSchemaChanges } from '@dr/subgraph-kit/dist/testing';
import { testDatabases } from '@dr/config-jest/databases';
import { OFFICE_ENTITIES, OFFICE_MIGRATIONS } from '../src/entities';
import { seedOffice } from '../src/seed';
import { Plan } from '../src/plan/plan.entity';
import { Venue } from '../src/venue/venue.entity';
import { User } from '../src/auth/user.entity';
import { InspectionService } from '../src/inspection/inspection.service';
import { Inspection } from '../src/inspection/inspection.entity';
import { Inspector } from '../src/inspector/inspector.entity';

describe.each(testDatabases())('office storage on %s', (db) => {
  let dataSource: DataSource;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ dataSource, dispose } = await openTestDataSource({ name: 'office', entities: OFFICE_ENTITIES, migrations: OFFICE_MIGRATIONS }, db));
    await seedOffice(dataSource, createLogger('office', 'silent'));
  });
  afterAll(() => dispose());

  it('migrations build exactly the schema the entities describe (nothing pending)', async () => {
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });

  it('seeds the 2022 plan, the demo directories and hashed logins once', async () => {
    await seedOffice(dataSource, createLogger('office', 'silent'));
    expect(await dataSource.getRepository(Plan).find()).toEqual([expect.objectContaining({ ...PLAN_2022, createdAt: expect.any(Date) })]);
    expect(await dataSource.getRepository(Venue).count()).toBe(demoVenues().length);
    const users = await dataSource.getRepository(User).find();
    expect(users.length).toBeGreaterThanOrEqual(7);
    for (const user of users) expect(user.passwordHash).toMatch(/^scrypt\$/);
  });

  it('stores Chinese text intact (utf8mb4)', async () => {
    const venue = await dataSource.getRepository(Venue).findOneByOrFail({ id: demoVenues()[0].id });
    expect(venue.name).toBe(demoVenues()[0].name);
  });

  it('R-PLAN-2: refuses an inspection outside the plan window and writes nothing', async () => {
    const sut = new InspectionService(dataSource);
    const [leader] = await dataSource.getRepository(Inspector).findBy({ department: 'culture' });
    const [member] = await dataSource.getRepository(Inspector).findBy({ department: 'market' });
    const before = await dataSource.getRepository(Inspection).count();
    await expect(
      sut.create({ planId: PLAN_2022.id, venueId: demoVenues()[1].id, scheduledDate: '2023-01-05', leaderId: leader.id, memberIds: [member.id] }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'scheduledDate' } });
    expect(await dataSource.getRepository(Inspection).count()).toBe(before);
  });

  it('R-DRAW-2: refuses a leader who is not a culture officer', async () => {
    const sut = new InspectionService(dataSource);
    const [marketOfficer, other] = await dataSource.getRepository(Inspector).findBy({ department: 'market' });
    await expect(
      sut.create({ planId: PLAN_2022.id, venueId: demoVenues()[1].id, scheduledDate: '2022-09-01', leaderId: marketOfficer.id, memberIds: [other.id] }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'leaderId' } });
  });
});
