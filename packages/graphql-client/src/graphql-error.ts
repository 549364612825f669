import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';

/** The `extensions.code` values the gateway and subgraphs send (STYLE.md, "Errors"). */
export const API_ERROR_CODES = [
  'BAD_USER_INPUT',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'SUBGRAPH_UNAVAILABLE',
  'TOO_MANY_ATTEMPTS',
  'CALENDAR_YEAR_MISSING',
] as const;

/** One of {@link API_ERROR_CODES}. */
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/**
 * Is this one of the {@link API_ERROR_CODES}?
 * @param code - an `extensions.code` as received
 */
export function isApiErrorCode(code: unknown): code is ApiErrorCode {
  return (API_ERROR_CODES as readonly unknown[]).includes(code);
}

/** What went wrong, as far as the UI needs to know: an API code, a transport failure, or anything else. */
export type ErrorKind = ApiErrorCode | 'NETWORK' | 'UNKNOWN';

/** Chinese names of input fields that BAD_USER_INPUT errors point at (`extensions.field`). */
const DEFAULT_FIELD_LABELS: Record<string, string> = {
  username: '用户名',
  password: '密码',
  inspectionId: '检查记录',
  checkItemId: '检查事项',
  outcome: '检查结果',
  note: '备注',
};

const TEXT_BY_KIND: Record<Exclude<ErrorKind, 'BAD_USER_INPUT'>, string> = {
  UNAUTHENTICATED: '登录已失效，请重新登录',
  FORBIDDEN: '无权限执行此操作，仅本部门的管理员和执法检查人员可以录入',
  NOT_FOUND: '记录不存在或已被删除',
  CONFLICT: '数据已被他人修改，请刷新后重试',
  SUBGRAPH_UNAVAILABLE: '该部门服务暂不可用，请稍后重试',
  TOO_MANY_ATTEMPTS: '尝试次数过多，请稍后再试',
  CALENDAR_YEAR_MISSING: '该年度的节假日安排尚未导入，无法计算期限，请联系联席办',
  NETWORK: '无法连接服务器，请检查网络后重试',
  UNKNOWN: '系统繁忙，请稍后重试',
};

/**
 * A failed call to one of the gateway's plain HTTP routes (`/files/…`: uploads, exports, receipts),
 * classified like GraphQL errors so that {@link describeGraphQLError} words it the same way.
 */
export class GatewayFileError extends Error {
  override readonly name = 'GatewayFileError';

  /**
   * @param status - the HTTP status (0 when the server could not be reached)
   * @param code - the `extensions.code` the body carried, or the one the status implies
   * @param message - the server's Chinese message when it sent one
   */
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode | null,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The GraphQL errors carried by an Apollo error (none for transport failures).
 * @param error - anything an Apollo hook or `client.query` produced
 */
export function graphQLErrorsOf(error: unknown): readonly GraphQLFormattedError[] {
  if (CombinedGraphQLErrors.is(error)) return error.errors;
  // A non-2xx answer sent as plain application/json still carries the GraphQL errors in its body.
  if (ServerError.is(error)) {
    try {
      const body: unknown = JSON.parse(error.bodyText);
      const errors = typeof body === 'object' && body !== null ? (body as { errors?: unknown }).errors : undefined;
      if (Array.isArray(errors)) return errors as GraphQLFormattedError[];
    } catch {
      // Not JSON (a proxy's error page): no codes to read.
    }
  }
  return [];
}

function codeOf(error: GraphQLFormattedError): string | undefined {
  const code = error.extensions?.['code'];
  return typeof code === 'string' ? code : undefined;
}

/**
 * Does any GraphQL error in `error` carry this `extensions.code`? An HTTP 401 counts as UNAUTHENTICATED.
 * @param error - anything an Apollo hook or `client.query` produced
 * @param code - the code to look for
 */
export function hasErrorCode(error: unknown, code: ApiErrorCode): boolean {
  if (code === 'UNAUTHENTICATED' && ServerError.is(error) && error.statusCode === 401) return true;
  return graphQLErrorsOf(error).some((item) => codeOf(item) === code);
}

/**
 * Classifies an error by its first GraphQL `extensions.code`, never by message text.
 * @param error - anything an Apollo hook or `client.query` produced
 */
export function errorKindOf(error: unknown): ErrorKind {
  if (error instanceof GatewayFileError) return error.code ?? (error.status === 0 || error.status >= 500 ? 'NETWORK' : 'UNKNOWN');
  if (ServerError.is(error) && error.statusCode === 401) return 'UNAUTHENTICATED';
  const known = graphQLErrorsOf(error).map(codeOf).find(isApiErrorCode);
  if (known) return known;
  if (ServerError.is(error) || ServerParseError.is(error) || error instanceof TypeError) return 'NETWORK';
  return 'UNKNOWN';
}

/** Options of {@link describeGraphQLError}. */
export interface DescribeErrorOptions {
  /** Chinese labels of input fields, added to (and overriding) the built-in ones. */
  fieldLabels?: Record<string, string>;
  /** Texts for this screen, e.g. what FORBIDDEN means here, overriding the general ones. */
  texts?: Partial<Record<Exclude<ErrorKind, 'BAD_USER_INPUT'>, string>>;
}

/** An error the server pinned on one input field (`extensions.field`). */
export interface FieldError {
  /** BAD_USER_INPUT, or CONFLICT for a value another record already holds (a USCC, a 执法证号). */
  code: 'BAD_USER_INPUT' | 'CONFLICT';
  /** The field path without the argument name: `input.uscc` → `uscc`, `input.conflicts.0.reason` → `conflicts.0.reason`. */
  field: string;
  /** The server's Chinese sentence saying what is wrong. */
  message: string;
}

/**
 * The first error of `error` that names an input field, so a form can show it on that field.
 * @param error - anything an Apollo hook or `client.query` produced
 * @param argument - the mutation argument the form fills (`input`), stripped from the field path
 */
export function fieldErrorOf(error: unknown, argument = 'input'): FieldError | null {
  for (const item of graphQLErrorsOf(error)) {
    const code = codeOf(item);
    const field = item.extensions?.['field'];
    if ((code === 'BAD_USER_INPUT' || code === 'CONFLICT') && typeof field === 'string' && field !== '') {
      return { code, field: field.startsWith(`${argument}.`) ? field.slice(argument.length + 1) : field, message: item.message };
    }
  }
  return null;
}

/**
 * The server's own Chinese sentence of the first error with this code, for codes whose general text
 * would say too little (a CONFLICT naming the record that already holds a value).
 * @param error - anything an Apollo hook or `client.query` produced
 * @param code - the code whose message to take
 */
export function serverMessageOf(error: unknown, code: ApiErrorCode): string | null {
  if (error instanceof GatewayFileError) return error.code === code && error.message ? error.message : null;
  return graphQLErrorsOf(error).find((item) => codeOf(item) === code)?.message ?? null;
}

/**
 * A Chinese sentence for the user, chosen by `extensions.code`. For BAD_USER_INPUT it shows the
 * server's (Chinese) message and the field it names, since only the server knows which rule failed.
 * @param error - anything an Apollo hook or `client.query` produced
 * @param options - extra field labels
 */
export function describeGraphQLError(error: unknown, options: DescribeErrorOptions = {}): string {
  const kind = errorKindOf(error);
  if (kind !== 'BAD_USER_INPUT') return options.texts?.[kind] ?? TEXT_BY_KIND[kind];
  if (error instanceof GatewayFileError) return `输入有误：${error.message || '请检查填写的内容'}`;
  const input = graphQLErrorsOf(error).find((item) => codeOf(item) === 'BAD_USER_INPUT');
  const field = input?.extensions?.['field'];
  const labels = { ...DEFAULT_FIELD_LABELS, ...options.fieldLabels };
  const fieldText = typeof field === 'string' ? `（字段：${labels[field] ?? field}）` : '';
  return `输入有误：${input?.message ?? '请检查填写的内容'}${fieldText}`;
}
