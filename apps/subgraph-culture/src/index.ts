/** The culture department's subgraph: the shared department shape, its own database and names. */
export const DEPARTMENT = 'culture' as const;
