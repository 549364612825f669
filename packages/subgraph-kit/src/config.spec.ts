import { ConfigError, databaseConfigSchema, demoSeedWanted, loadConfig } from './config';

describe('configuration', () => {
  it('names every bad key in one message', () => {
    expect(() => loadConfig(databaseConfigSchema, { DB_CLIENT: 'oracle', MYSQL_PORT: 'abc' })).toThrow(ConfigError);
    try {
      loadConfig(databaseConfigSchema, { DB_CLIENT: 'oracle', MYSQL_PORT: 'abc' });
    } catch (error) {
      expect((error as Error).message).toMatch(/DB_CLIENT/);
      expect((error as Error).message).toMatch(/MYSQL_PORT/);
    }
  });

  it('defaults to the embedded SQLite storage', () => {
    expect(loadConfig(databaseConfigSchema, {})).toMatchObject({ DB_CLIENT: 'sqlite', MYSQL_DATABASE_PREFIX: 'dr_' });
  });

  it('loads the demo data by default, except in production, where asking for it is refused', () => {
    expect(demoSeedWanted({ NODE_ENV: 'development' })).toBe(true);
    expect(demoSeedWanted({ NODE_ENV: 'development', SEED_DEMO_DATA: false })).toBe(false);
    expect(demoSeedWanted({ NODE_ENV: 'production' })).toBe(false);
    expect(demoSeedWanted({ NODE_ENV: 'production', SEED_DEMO_DATA: false })).toBe(false);
    expect(() => demoSeedWanted({ NODE_ENV: 'production', SEED_DEMO_DATA: true })).toThrow(/SEED_DEMO_DATA: 生产环境不得加载演示数据/);
  });
});
