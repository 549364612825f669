import { ConfigError, databaseConfigSchema, loadConfig } from './config';

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
    expect(loadConfig(databaseConfigSchema, {})).toMatchObject({ DB_CLIENT: 'sqlite', MYSQL_DATABASE_PREFIX: 'dr_', SEED_DEMO_DATA: true });
  });
});
