/** The market department's subgraph: the shared department shape plus its own extension (ADR 0014). */
export const DEPARTMENT = 'market' as const;
export { MARKET_EXTENSION } from './market.extension';
