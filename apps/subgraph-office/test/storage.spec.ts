import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { PLAN_2022 } from '@dr/domain';
import { demoVenues } from '@dr/demo-data';
import { AuditEntryEntity, createLogger, verifyAuditChain } from '@dr/subgraph-kit';
import { openTestDataSource, pendingSchemaChanges } from '@dr/subgraph-kit/testing';
import { testDatabases } from '@dr/config-jest/databases';
import { OFFICE_ENTITIES, OFFICE_MIGRATIONS } from '../src/entities';
import { seedOffice } from '../src/seed';
import { Plan } from '../src/plan/plan.entity';
import { Venue } from '../src/venue/venue.entity';
import { User } from '../src/auth/user.entity';
import { InspectionService } from '../src/inspection/inspection.service';
import { Inspection } from '../src/inspection/inspection.entity';
import { Inspector } from '../src/inspector/inspector.entity';
import { VisitService } from '../src/visit/visit.service';
import { DepartmentSections } from '../src/visit/department-sections.client';
import { NoticeMode } from '../src/visit/visit.types';
import { SignerConfirmation } from '../src/auth/signer-confirmation';
import { SqlLoginThrottleStore } from '../src/auth/login-throttle-sql.store';
import { createFileStore } from '@dr/subgraph-kit';
import { demoInspections, demoUsers } from '@dr/demo-data';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Principal } from '@dr/domain';

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
    const trailBefore = await dataSource.getRepository(AuditEntryEntity).count();
    await expect(
      sut.create({ planId: PLAN_2022.id, venueId: demoVenues()[1].id, scheduledDate: '2023-01-05', leaderId: leader.id, memberIds: [member.id], reason: '上级交办' }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'scheduledDate' } });
    expect(await dataSource.getRepository(Inspection).count()).toBe(before);
    // Nothing written, nothing audited (ADR 0016).
    expect(await dataSource.getRepository(AuditEntryEntity).count()).toBe(trailBefore);
  });

  it('audits the seed\'s writes in one intact hash chain (ADR 0016)', async () => {
    const walk = await verifyAuditChain(dataSource);
    expect(walk.problem).toBeNull();
    expect(walk.checked).toBeGreaterThan(0);
    const users = await dataSource.getRepository(AuditEntryEntity).findBy({ objectType: 'app_user', action: 'insert' });
    expect(users.length).toBe(demoUsers().length);
    // Column names at most: a password hash never reaches the trail.
    expect(users.map((entry) => entry.detail).join()).not.toContain('scrypt');
  });

  it('R-DRAW-2: refuses a leader who is not a culture officer', async () => {
    const sut = new InspectionService(dataSource);
    const [marketOfficer, other] = await dataSource.getRepository(Inspector).findBy({ department: 'market' });
    await expect(
      sut.create({ planId: PLAN_2022.id, venueId: demoVenues()[1].id, scheduledDate: '2022-09-01', leaderId: marketOfficer.id, memberIds: [other.id], reason: '上级交办' }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'leaderId' } });
  });

  describe('the visit (R-PLAN-2, R-NOTE-1)', () => {
    const visits = () =>
      new VisitService(dataSource, createFileStore(mkdtempSync(join(tmpdir(), 'dr-office-files-'))), new DepartmentSections('http://127.0.0.1:9/graphql'), new SignerConfirmation(dataSource, new SqlLoginThrottleStore(dataSource, 3600)));
    const asUser = (username: string): Principal => {
      const user = demoUsers().find((u) => u.username === username)!;
      return { userId: user.id, username, displayName: user.displayName, role: user.role, department: user.department, inspectorId: user.inspectorId };
    };
    const [first, second] = demoInspections();

    it('books a slot inside the plan window and refuses one outside it, naming the field', async () => {
      const booked = await visits().schedule({ inspectionId: first.id, date: '2022-08-10', startTime: '09:00', endTime: '11:00' }, asUser('office'));
      expect(booked).toMatchObject({ scheduledDate: '2022-08-10', visitStartTime: '09:00', visitEndTime: '11:00' });
      await expect(visits().schedule({ inspectionId: first.id, date: '2023-01-05', startTime: '09:00', endTime: '11:00' }, asUser('office'))).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'date' } });
      await expect(visits().schedule({ inspectionId: first.id, date: '2022-08-10', startTime: '11:00', endTime: '10:00' }, asUser('office'))).rejects.toMatchObject({ extensions: { field: 'endTime' } });
    });

    it('never books an officer into two visits at once', async () => {
      const shared = [second.leaderId, ...second.memberIds].filter((id) => [first.leaderId, ...first.memberIds].includes(id));
      expect(shared.length).toBeGreaterThan(0);
      const clash = visits().schedule({ inspectionId: second.id, date: '2022-08-10', startTime: '10:30', endTime: '12:00' }, asUser('office'));
      await expect(clash).rejects.toMatchObject({ extensions: { code: 'CONFLICT', field: 'startTime' } });
      await expect(clash).rejects.toThrow(/已安排其他检查/);
      const after = await visits().schedule({ inspectionId: second.id, date: '2022-08-10', startTime: '11:00', endTime: '12:00' }, asUser('office'));
      expect(after.visitStartTime).toBe('11:00');
    });

    it('lets only the office or the team schedule and notify', async () => {
      await expect(visits().schedule({ inspectionId: first.id, date: '2022-08-11', startTime: '09:00', endTime: '10:00' }, asUser('market-admin'))).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      const byTeam = await visits().recordNotice({ inspectionId: first.id, mode: NoticeMode.PHONE, prepare: '营业执照、网络文化经营许可证' }, asUser('culture-inspector'));
      expect(byTeam).toMatchObject({ noticeMode: 'PHONE', noticePrepare: '营业执照、网络文化经营许可证' });
      expect(byTeam.noticeAt).toBeInstanceOf(Date);
    });

    it('an undisclosed visit tells the venue nothing', async () => {
      await expect(visits().recordNotice({ inspectionId: first.id, mode: NoticeMode.UNDISCLOSED, prepare: '营业执照' }, asUser('office'))).rejects.toMatchObject({ extensions: { field: 'prepare' } });
      const undisclosed = await visits().recordNotice({ inspectionId: first.id, mode: NoticeMode.UNDISCLOSED }, asUser('office'));
      expect(undisclosed).toMatchObject({ noticeMode: 'UNDISCLOSED', noticeAt: null, noticePrepare: null });
    });
  });
});
