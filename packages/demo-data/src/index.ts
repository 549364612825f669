/** DEMO DATA ONLY: fictional venues, officers and logins for the embedded default and the tests. */
export * from './ids';
export * from './streets';
export * from './venues';
export * from './people';
export * from './inspections';
