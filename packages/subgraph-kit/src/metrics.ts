/**
 * Process-wide counters, exposed at `/metrics` in Prometheus text format. The benchmark reads
 * `sql_statements_total` before and after a request to show how many statements a request costs.
 */
export const sqlStatements = { count: 0 };
export const graphqlRequests = { count: 0, errors: 0 };

export function renderMetrics(service: string): string {
  const label = `{service="${service}"}`;
  return [
    '# TYPE sql_statements_total counter',
    `sql_statements_total${label} ${sqlStatements.count}`,
    '# TYPE graphql_requests_total counter',
    `graphql_requests_total${label} ${graphqlRequests.count}`,
    '# TYPE graphql_request_errors_total counter',
    `graphql_request_errors_total${label} ${graphqlRequests.errors}`,
    '',
  ].join('\n');
}

/** An Apollo Server plugin that counts requests and requests with errors for `/metrics`. */
export function requestCountingPlugin() {
  return {
    async requestDidStart() {
      graphqlRequests.count++;
      return {
        async didEncounterErrors() {
          graphqlRequests.errors++;
        },
      };
    },
  };
}
