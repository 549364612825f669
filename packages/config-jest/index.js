/**
 * Jest preset for every workspace. `@swc/jest` is fast and, with legacy decorators and decorator
 * metadata turned on, emits what type-graphql and TypeORM read at run time.
 * @param {import('jest').Config} overrides
 * @returns {import('jest').Config}
 */
module.exports = function jestPreset(overrides = {}) {
  return {
    testEnvironment: 'node',
    transform: {
      '^.+\\.(t|j)sx?$': [
        require.resolve('@swc/jest'),
        {
          jsc: {
            target: 'es2022',
            parser: { syntax: 'typescript', decorators: true, tsx: true },
            transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          },
          module: { type: 'commonjs' },
        },
      ],
    },
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    globalSetup: require.resolve('./mariadb-probe.js'),
    ...overrides,
  };
};
