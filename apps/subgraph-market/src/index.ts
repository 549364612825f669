/** The market department's subgraph: the shared department shape, its own database and names. */
export const DEPARTMENT = 'market' as const;
