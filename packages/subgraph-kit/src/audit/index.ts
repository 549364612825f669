export * from './audit.entities';
export * from './audit-chain';
export * from './audit-scope';
export * from './audit-writer';
export * from './audit.subscriber';
export * from './audit-trail';
export * from './audit-trail.resolver';
export * from './audit-verify';
