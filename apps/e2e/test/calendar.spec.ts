import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startPlatform, type Platform } from '@dr/platform-runner';
import { testDatabases } from '@dr/config-jest/databases';
import { graphql, login } from './graphql';

const DEADLINE = `query Deadline($from: Date!, $n: Int!) { workingDayDeadline(from: $from, workingDays: $n) }`;
const YEARS = `query Years { calendarYears { year source origin holidays workingDays loadedAt loadedBy } }`;
const LOAD = `mutation Load($input: LoadCalendarYearInput!) { loadCalendarYear(input: $input) { year source origin holidays workingDays loadedAt loadedBy } }`;

// Test data shaped like a notice, not the real 2027 arrangement (not published when this was written).
const YEAR_2027 = {
  year: 2027,
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
  holidays: ['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'],
  workingDays: ['2027-02-13'],
};
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/i;

describe.each(testDatabases())('the working-day calendar through the gateway on %s', (db: 'sqlite' | 'mariadb') => {
  let platform: Platform;
  let gateway: string;
  let office: string;
  let inspector: string;

  beforeAll(async () => {
    platform = await startPlatform({ db });
    gateway = platform.urls.gateway;
    [office, inspector] = await Promise.all([login(gateway, 'office'), login(gateway, 'culture-inspector')]);
  });
  afterAll(() => platform?.close());

  const years = async () => (await graphql(gateway, YEARS, {}, office)).data.calendarYears as { year: number; origin: string }[];

  it('R-CAL-1: a signed-in inspector gets 2022-09-30 + 7 = 2022-10-14 and 2026-09-28 + 7 = 2026-10-13', async () => {
    expect(await graphql(gateway, DEADLINE, { from: '2022-09-30', n: 7 }, inspector)).toEqual({ data: { workingDayDeadline: '2022-10-14' } });
    expect(await graphql(gateway, DEADLINE, { from: '2022-09-28', n: 20 }, inspector)).toEqual({ data: { workingDayDeadline: '2022-10-31' } });
    expect(await graphql(gateway, DEADLINE, { from: '2026-09-28', n: 7 }, inspector)).toEqual({ data: { workingDayDeadline: '2026-10-13' } });
  });

  it('refuses a bad date, a count outside 0..366, and an anonymous caller, each with its code and field', async () => {
    const tooMany = await graphql(gateway, DEADLINE, { from: '2022-09-30', n: 367 }, inspector);
    expect(tooMany.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'workingDays' } });
    expect(tooMany.errors?.[0].message).toContain('0–366');
    const negative = await graphql(gateway, DEADLINE, { from: '2022-09-30', n: -1 }, inspector);
    expect(negative.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'workingDays' } });
    const badDate = await graphql(gateway, DEADLINE, { from: '2022-02-30', n: 7 }, inspector);
    expect(badDate.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'from' } });
    expect(badDate.errors?.[0].message).toContain('2022-02-30');
    const anonymous = await graphql(gateway, DEADLINE, { from: '2022-09-30', n: 7 });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('R-CAL-2: a deadline reaching 2027 is CALENDAR_YEAR_MISSING naming the year, never a Monday–Friday guess', async () => {
    const missing = await graphql(gateway, DEADLINE, { from: '2026-12-25', n: 10 }, inspector);
    expect(missing.data).toBeNull();
    expect(missing.errors?.[0]).toMatchObject({ extensions: { code: 'CALENDAR_YEAR_MISSING', year: 2027 } });
    expect(missing.errors?.[0].message).toContain('2027 年');
    expect(missing.errors?.[0].extensions?.stacktrace).toBeUndefined();
  });

  it('department staff may not load a year: FORBIDDEN and nothing changes', async () => {
    for (const username of ['culture-admin', 'culture-inspector', 'market-admin']) {
      const token = await login(gateway, username);
      const refused = await graphql(gateway, LOAD, { input: YEAR_2027 }, token);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await years()).map((y) => y.year)).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect((await graphql(gateway, DEADLINE, { from: '2026-12-25', n: 10 }, inspector)).errors?.[0].extensions?.code).toBe('CALENDAR_YEAR_MISSING');
  });

  it('a bad arrangement is refused naming the date, and nothing is stored', async () => {
    // 2027-10-08 is a Friday: a make-up working day must be a Saturday or Sunday.
    const weekday = await graphql(gateway, LOAD, { input: { ...YEAR_2027, workingDays: ['2027-02-13', '2027-10-08'] } }, office);
    expect(weekday.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'workingDays', date: '2027-10-08' } });
    expect(weekday.errors?.[0].message).toContain('2027-10-08');
    const both = await graphql(gateway, LOAD, { input: { ...YEAR_2027, workingDays: ['2027-02-06'] } }, office);
    expect(both.errors?.[0].message).toContain('2027-02-06 不能既是放假日又是调休上班日');
    const outside = await graphql(gateway, LOAD, { input: { ...YEAR_2027, holidays: ['2026-12-31'] } }, office);
    expect(outside.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'holidays', date: '2026-12-31' } });
    for (const error of [weekday, both, outside].map((r) => r.errors?.[0])) expect(error?.message).not.toMatch(UUID);
    expect((await years()).map((y) => y.year)).not.toContain(2027);
  });

  it('the office loads 2027 and the same query answers at once, without a restart', async () => {
    const loaded = await graphql(gateway, LOAD, { input: YEAR_2027 }, office);
    expect(loaded.errors).toBeUndefined();
    expect(loaded.data.loadCalendarYear).toMatchObject({ year: 2027, source: YEAR_2027.source, origin: 'LOADED', loadedBy: '联席办管理员（演示）', workingDays: ['2027-02-13'] });
    expect(Date.now() - Date.parse(loaded.data.loadCalendarYear.loadedAt)).toBeLessThan(60_000);

    // 12-28..12-31 are days 1–4, 2027-01-01 is off, 01-04..01-08 days 5–9, Monday 01-11 day 10.
    expect(await graphql(gateway, DEADLINE, { from: '2026-12-25', n: 10 }, inspector)).toEqual({ data: { workingDayDeadline: '2027-01-11' } });
    // 02-05..02-11 are off, Friday 02-12 is day 1 and the make-up Saturday 02-13 day 2.
    expect(await graphql(gateway, DEADLINE, { from: '2027-02-04', n: 2 }, inspector)).toEqual({ data: { workingDayDeadline: '2027-02-13' } });

    const listed = await years();
    expect(listed.map((y) => [y.year, y.origin])).toEqual([
      [2022, 'SHIPPED'],
      [2023, 'SHIPPED'],
      [2024, 'SHIPPED'],
      [2025, 'SHIPPED'],
      [2026, 'SHIPPED'],
      [2027, 'LOADED'],
    ]);
  });
});

describe('npm run deadline (the CLI on the shipped arrangements)', () => {
  const cli = join(__dirname, '..', '..', 'subgraph-office', 'dist', 'calendar', 'deadline-cli.js');
  const run = (...args: string[]) => promisify(execFile)(process.execPath, [cli, ...args], { env: { ...process.env, TZ: 'America/Los_Angeles' } });

  it('R-CAL-1: prints 2026-10-13 for 2026-09-28 + 7, even in a time zone west of UTC (R-CAL-3)', async () => {
    expect((await run('2026-09-28', '7')).stdout).toBe('2026-10-13\n');
  });

  it('a bad date or a year without an arrangement prints a Chinese reason and exits 1', async () => {
    await expect(run('2022-02-30', '7')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('日期“2022-02-30”无效') });
    await expect(run('2026-12-25', '10')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('尚未载入 2027 年') });
  });
});
