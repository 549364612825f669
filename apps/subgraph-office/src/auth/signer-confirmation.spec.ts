import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { demoId, demoInspectors, DEMO_PASSWORD } from '@dr/demo-data';
import { createLogger } from '@dr/subgraph-kit';
import { openTestDataSource } from '@dr/subgraph-kit/testing';
import { testDatabases } from '@dr/config-jest/databases';
import { OFFICE_ENTITIES, OFFICE_MIGRATIONS } from '../entities';
import { seedOffice } from '../seed';
import { SqlLoginThrottleStore } from './login-throttle-sql.store';
import { LOGIN_THROTTLE_POLICY } from './login-throttle.policy';
import { SignerConfirmation } from './signer-confirmation';

describe.each(testDatabases())('本人确认: an officer signs only with their own login, on %s', (db) => {
  let dataSource: DataSource;
  let dispose: () => Promise<void>;
  const logger = createLogger('office', 'silent');
  const cultureOfficer = (n: number) => demoInspectors().filter((i) => i.department === 'culture')[n - 1];

  beforeAll(async () => {
    ({ dataSource, dispose } = await openTestDataSource({ name: 'office', entities: OFFICE_ENTITIES, migrations: OFFICE_MIGRATIONS }, db));
    await seedOffice(dataSource, logger);
  });
  afterAll(() => dispose());

  const sut = () => new SignerConfirmation(dataSource, new SqlLoginThrottleStore(dataSource, LOGIN_THROTTLE_POLICY.forgetAfterSeconds));

  it('confirms the officer with the login linked to them and the right password', async () => {
    const user = await sut().confirm({ inspectorId: cultureOfficer(1).id, username: 'culture-inspector', password: DEMO_PASSWORD, address: '10.0.0.1' }, logger);
    expect(user).toMatchObject({ id: demoId('user', 5), inspectorId: cultureOfficer(1).id });
  });

  it("refuses a team-mate's own credentials for another officer's signature", async () => {
    await expect(sut().confirm({ inspectorId: cultureOfficer(2).id, username: 'culture-inspector', password: DEMO_PASSWORD, address: '10.0.0.2' }, logger)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'signerUsername' },
    });
  });

  it('refuses a wrong password, and counts it in the login throttle until the signer has to wait', async () => {
    const attempt = () => sut().confirm({ inspectorId: cultureOfficer(1).id, username: 'culture-inspector', password: 'wrong', address: '10.0.0.3' }, logger);
    const free = LOGIN_THROTTLE_POLICY.rules.accountAddress.freeFailures;
    for (let i = 0; i < free + 1; i++) await expect(attempt()).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'signerPassword' }, message: expect.stringContaining('密码错误') });
    // Even the right password waits now: the same counters as a failed login.
    await expect(sut().confirm({ inspectorId: cultureOfficer(1).id, username: 'culture-inspector', password: DEMO_PASSWORD, address: '10.0.0.3' }, logger)).rejects.toMatchObject({
      extensions: { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: expect.any(Number) },
    });
  });

  it('refuses an unknown username as a wrong password (no hint who exists)', async () => {
    await expect(sut().confirm({ inspectorId: cultureOfficer(1).id, username: 'nobody', password: DEMO_PASSWORD, address: '10.0.0.4' }, logger)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'signerPassword' },
    });
  });
});
