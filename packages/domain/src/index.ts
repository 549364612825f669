export * from './department';
export * from './uscc';
export * from './result-codes';
export * from './check-items';
export * from './plan';
export * from './roles';
export * from './draw';
export * from './directory';
