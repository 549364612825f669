export * from './schema';
export * from './loaders';
export * from './entities';
export * from './seed';
