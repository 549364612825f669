/** What a refusal must never carry: stack frames, source paths, driver codes, SQL. */
export const LEAKS: RegExp[] = [
  /at Object\./,
  /at async /,
  /\bat [\w$.<>]+ \(/,
  /\.[tj]s:\d+/,
  /node_modules/,
  /SQLITE_/,
  /\bER_[A-Z_]{3,}/,
  /QueryFailedError|TypeORMError|EntityNotFound/,
  /SELECT [\w*`"]/,
  /INSERT INTO/,
  /UPDATE [`"]?\w+[`"]? SET/,
  /DELETE FROM/,
  /stacktrace/i,
];

export const HAN = /[\u3400-\u9fff]/;

export interface WireError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}
export interface WireResponse {
  status: number;
  text: string;
  body?: { data?: Record<string, unknown> | null; errors?: WireError[] };
}

/** Posts a GraphQL request and keeps the raw text, so the checks see exactly what went over the wire. */
export async function post(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<WireResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: WireResponse['body'];
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, text, body };
}

function stringsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (value && typeof value === 'object') for (const child of Object.values(value)) stringsIn(child, into);
  return into;
}

/** The response without the caller's own strings: a message may name the id it was given ("检查不存在（…）"). */
function withoutEcho(text: string, sent: unknown): string {
  let rest = text;
  for (const value of stringsIn(sent).sort((a, b) => b.length - a.length)) {
    if (value.length < 3) continue;
    rest = rest.split(JSON.stringify(value).slice(1, -1)).join('').split(value).join('');
  }
  return rest;
}

/** Problems with one response a client could see, whatever it asked (empty when clean). */
export function responseProblems(response: WireResponse, sent: unknown): string[] {
  const problems: string[] = [];
  if (response.status >= 500) problems.push(`HTTP ${response.status}`);
  if (!response.body) problems.push(`not JSON: ${response.text.slice(0, 200)}`);
  const own = withoutEcho(response.text, sent);
  for (const pattern of LEAKS) if (pattern.test(own)) problems.push(`leaks ${pattern}: ${response.text.slice(0, 400)}`);
  for (const error of response.body?.errors ?? []) {
    if (typeof error.extensions?.code !== 'string') problems.push(`error without extensions.code: ${JSON.stringify(error).slice(0, 300)}`);
    if (!HAN.test(error.message)) problems.push(`error message not in Chinese: ${JSON.stringify(error).slice(0, 300)}`);
  }
  return problems;
}
