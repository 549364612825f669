export * from './platform';
export * from './services';
export { ServiceProcess } from './process';
