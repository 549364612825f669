/** The fire department's subgraph: the shared department shape, its own database and names. */
export const DEPARTMENT = 'fire' as const;
