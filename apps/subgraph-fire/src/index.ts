/** The fire department's subgraph: the shared department shape plus its own extension (ADR 0014). */
export const DEPARTMENT = 'fire' as const;
export { FIRE_EXTENSION } from './fire.extension';
