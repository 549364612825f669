export * from './event.entities';
export * from './outbox';
export * from './relay';
export * from './inbox';
