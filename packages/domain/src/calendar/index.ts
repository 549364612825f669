export * from './iso-date';
export * from './calendar-errors';
export * from './year-arrangement';
export * from './working-day-calendar';
export * from './cn-holidays.data';
