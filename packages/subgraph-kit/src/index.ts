import 'reflect-metadata';

export * from './auth';
export * from './config';
export * from './context';
export * from './data-source';
export * from './errors';
export * from './federation';
export * from './http';
export * from './logger';
export * from './metrics';
export * from './pagination';
export * from './server';
export * from './shutdown';
export * from './password';
export * from './enums';
export * from './loaders';
