export * from './briefing.entity';
export * from './briefing.inputs';
export * from './briefing.service';
export * from './summary-rows';
export * from './report.routes';
