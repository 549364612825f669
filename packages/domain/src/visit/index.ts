export * from './measures';
export * from './result-rules';
export * from './record-form';
