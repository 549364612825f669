import { startPlatform, type Platform } from '@dr/platform-runner';
import { usccCheckCharacter } from '@dr/domain';
import { demoVenues } from '@dr/demo-data';
import { testDatabases } from '@dr/config-jest/databases';
import { graphql, login } from './graphql';

const CREATE_VENUE = `mutation($input: VenueInput!) { createVenue(input: $input) { id uscc codeKind status riskClass } }`;
const CREATE_INSPECTOR = `mutation($input: InspectorInput!) { createInspector(input: $input) { id department status conflicts { venueId relation reason } } }`;
const body = '91410403MA9XYW12';
const validUscc = `${body}3${usccCheckCharacter(`${body}3`)}`;
const venue = (uscc: string, name = '测试网咖（演示）') => ({ name, uscc, address: '河南省平顶山市卫东区建设路1号', street: '建设路街道', status: 'OPERATING', riskClass: 'C' });
const inspector = (department: string, certificateNumber: string, conflicts: unknown[] = []) => ({
  name: '测试人员',
  department,
  certificateNumber,
  certificateValidFrom: '2022-01-01',
  certificateValidUntil: '2025-12-31',
  expertise: ['消防监督'],
  conflicts,
});

describe.each(testDatabases())('the two directories (一单两库) on %s', (db: 'sqlite' | 'mariadb') => {
  let platform: Platform;
  let gateway: string;
  let office: string;

  beforeAll(async () => {
    platform = await startPlatform({ db });
    gateway = platform.urls.gateway;
    office = await login(gateway, 'office');
  });
  afterAll(() => platform?.close());

  it('the office adds a venue; a bad check character, a duplicate and a department user are refused', async () => {
    const created = await graphql(gateway, CREATE_VENUE, { input: venue(validUscc) }, office);
    expect(created.errors).toBeUndefined();
    expect(created.data.createVenue).toMatchObject({ uscc: validUscc, codeKind: 'USCC', status: 'OPERATING', riskClass: 'C' });
    const wrongCheck = validUscc.slice(0, 17) + (validUscc[17] === '0' ? '1' : '0');
    const bad = await graphql(gateway, CREATE_VENUE, { input: venue(wrongCheck) }, office);
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'uscc' } });
    expect(bad.errors?.[0].message).toContain('校验位');
    const duplicate = await graphql(gateway, CREATE_VENUE, { input: venue(validUscc, '另一家') }, office);
    expect(duplicate.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'uscc' } });
    const market = await login(gateway, 'market-admin');
    const refused = await graphql(gateway, CREATE_VENUE, { input: venue(validUscc) }, market);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('accepts a legacy 15-digit registration number and flags it', async () => {
    const created = await graphql(gateway, CREATE_VENUE, { input: venue('410403000000010', '老字号网吧（演示）') }, office);
    expect(created.errors).toBeUndefined();
    expect(created.data.createVenue.codeKind).toBe('LEGACY_REGISTRATION');
  });

  it('each department keeps its own officers; the office sees all', async () => {
    const market = await login(gateway, 'market-admin');
    const own = await graphql(gateway, CREATE_INSPECTOR, { input: inspector('MARKET', '豫SJ-TEST-001', [{ venueId: demoVenues()[5].id, relation: '近亲属', reason: '其兄为经营者' }]) }, market);
    expect(own.errors).toBeUndefined();
    expect(own.data.createInspector).toMatchObject({ department: 'MARKET', status: 'ACTIVE', conflicts: [{ venueId: demoVenues()[5].id, relation: '近亲属' }] });
    const other = await graphql(gateway, CREATE_INSPECTOR, { input: inspector('CULTURE', '豫WG-TEST-001') }, market);
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const inspectorRole = await login(gateway, 'market-inspector');
    const notAdmin = await graphql(gateway, CREATE_INSPECTOR, { input: inspector('MARKET', '豫SJ-TEST-002') }, inspectorRole);
    expect(notAdmin.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const badDates = await graphql(gateway, CREATE_INSPECTOR, { input: { ...inspector('MARKET', '豫SJ-TEST-003'), certificateValidUntil: '2021-12-31' } }, market);
    expect(badDates.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'certificateValidUntil' } });
    const list = await graphql(gateway, `{ inspectors(search: "TEST", first: 50) { totalCount nodes { certificateNumber } } }`, {}, office);
    expect(list.data.inspectors.nodes.map((n: { certificateNumber: string }) => n.certificateNumber)).toEqual(['豫SJ-TEST-001']);
  });

  it('searches literally: % and _ match themselves, on both databases', async () => {
    const all = await graphql(gateway, `{ venues(search: "%") { totalCount } }`, {}, office);
    expect(all.data.venues.totalCount).toBe(0);
    const some = await graphql(gateway, `{ venues(search: "演示", riskClass: "C") { totalCount nodes { riskClass } } }`, {}, office);
    expect(some.data.venues.totalCount).toBeGreaterThan(0);
    for (const node of some.data.venues.nodes) expect(node.riskClass).toBe('C');
  });
});
