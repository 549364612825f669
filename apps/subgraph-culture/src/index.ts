/** The culture department's subgraph: the shared department shape plus its own extension (ADR 0014). */
export const DEPARTMENT = 'culture' as const;
export { CULTURE_EXTENSION } from './culture.extension';
