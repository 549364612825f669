export * from './report-meta';
export * from './submission-timeliness';
