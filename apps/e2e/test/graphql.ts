/** A tiny GraphQL client for the tests: real HTTP against the real gateway. */
export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export async function graphql<T = any>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

export async function login(url: string, username: string, password = 'Demo@2022'): Promise<string> {
  const result = await graphql<{ login: { token: string } }>(url, 'mutation Login($input: LoginInput!) { login(input: $input) { token } }', { input: { username, password } });
  if (!result.data) throw new Error(`login ${username} failed: ${JSON.stringify(result.errors)}`);
  return result.data.login.token;
}

/** Sums `sql_statements_total` over the given /metrics URLs. */
export async function sqlStatements(urls: string[]): Promise<number> {
  let total = 0;
  for (const url of urls) {
    const text = await (await fetch(url)).text();
    const match = /^sql_statements_total\{[^}]*\} (\d+)$/m.exec(text);
    total += Number(match?.[1] ?? 0);
  }
  return total;
}
