import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';

/**
 * The error codes the UI reads (`extensions.code`); it never parses message text.
 * `TOO_MANY_ATTEMPTS` (login throttling) carries `retryAfterSeconds`. `CALENDAR_YEAR_MISSING`: a
 * working-day deadline reaches a year whose holiday arrangement is not loaded (R-CAL-2).
 */
export const ERROR_CODES = ['BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'UNAUTHENTICATED', 'SUBGRAPH_UNAVAILABLE', 'TOO_MANY_ATTEMPTS', 'CALENDAR_YEAR_MISSING'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * An error a user can act on: a code, a Chinese message, and for bad input the field at fault.
 * Modules throw these; `formatError` lets them through and masks everything else.
 */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: { field?: string; [key: string]: unknown } = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const badInput = (field: string, message: string) => new AppError('BAD_USER_INPUT', message, { field });
export const forbidden = (message = '您没有执行此操作的权限') => new AppError('FORBIDDEN', message);
/** The message names the thing in words; the id it was asked for travels in `extensions.id`, never in the text a user reads. */
export const notFound = (what: string, id: string) => new AppError('NOT_FOUND', `没有找到该${what}，可能已被删除或编号有误`, { id });
export const conflict = (message: string, extra: Record<string, unknown> = {}) => new AppError('CONFLICT', message, extra);
// The http extension sets the response status when this is thrown before execution (bad token) and is not sent.
export const unauthenticated = (message = '请先登录') => new AppError('UNAUTHENTICATED', message, { http: { status: 401 } });

interface ValidationLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationLike[];
}

function firstValidationProblem(errors: ValidationLike[], prefix = ''): { field: string; message: string } | undefined {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const message = error.constraints && Object.values(error.constraints)[0];
    if (message) return { field, message };
    const nested = error.children && firstValidationProblem(error.children, field);
    if (nested) return nested;
  }
  return undefined;
}

const PASS_THROUGH = new Set<string>([
  ...ERROR_CODES,
  'QUERY_TOO_COMPLEX',
  'REQUEST_ABORTED',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** What a client reads when the original message is not ours (graphql-js, Apollo, class-validator defaults are English). */
const CHINESE_MESSAGES: Record<string, string> = {
  BAD_USER_INPUT: '填写的内容格式不正确，请检查后重试',
  FORBIDDEN: '您没有执行此操作的权限',
  NOT_FOUND: '要查找的记录不存在',
  CONFLICT: '数据已被他人修改，请刷新后重试',
  UNAUTHENTICATED: '请先登录',
  SUBGRAPH_UNAVAILABLE: '部分服务暂不可用，请稍后重试',
  QUERY_TOO_COMPLEX: '查询过于复杂，请简化后重试',
  REQUEST_ABORTED: '请求已取消',
  GRAPHQL_VALIDATION_FAILED: '请求的查询与接口定义不符，服务器无法执行',
  GRAPHQL_PARSE_FAILED: '请求的查询语句格式有误，服务器无法解析',
  BAD_REQUEST: '请求格式有误',
  PERSISTED_QUERY_NOT_FOUND: '请求的查询已失效，请刷新页面后重试',
  OPERATION_RESOLUTION_FAILURE: '请求中没有可执行的操作',
};

const isChinese = (message: string | undefined) => Boolean(message && /[\u3400-\u9fff]/.test(message));

/** graphql-js names the variable and the path of a bad variable value: `… at "input.noticeAt"; …`. */
function fieldOfBadVariable(message: string): string | undefined {
  const path = /at "([^"]+)"/.exec(message)?.[1] ?? /^Variable "\$([^"]+)"/.exec(message)?.[1];
  if (!path) return undefined;
  const parts = path.split('.');
  return parts.length > 1 ? parts.slice(1).join('.') : parts[0];
}

// Never sent: internal addresses and raw replies (`response`, from @apollo/gateway), stack traces.
const INTERNAL_EXTENSIONS = new Set(['stacktrace', 'response', 'exception']);

export interface ErrorFormatterOptions {
  /** In production no English detail goes out; in development graphql-js's text stays in `extensions.detail`. */
  production: boolean;
}

/**
 * Apollo `formatError`: known codes pass (without stack traces or internal addresses) with a
 * Chinese message, class-validator failures become BAD_USER_INPUT naming the field, and anything
 * else (a bug, a driver error with SQL in it) is logged in full and reaches the client only as a
 * generic message.
 */
export function createErrorFormatter(logger: Logger, options: ErrorFormatterOptions = { production: false }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? error.originalError ?? error : error;
    let code = formatted.extensions?.code as string | undefined;
    const validation = (original as { extensions?: { validationErrors?: ValidationLike[] } })?.extensions?.validationErrors;
    if (validation) {
      const problem = firstValidationProblem(validation) ?? { field: 'input', message: '输入有误' };
      // class-validator's own defaults are English ("x must be a Date instance").
      const message = isChinese(problem.message) ? problem.message : `“${problem.field}”${CHINESE_MESSAGES.BAD_USER_INPUT}`;
      return { message, path: formatted.path, extensions: { code: 'BAD_USER_INPUT', field: problem.field } };
    }
    // graphql-armor's refusals surface as validation errors, the token limit as a parse error.
    if (original instanceof GraphQLError && original.extensions?.code === 'QUERY_TOO_COMPLEX') code = 'QUERY_TOO_COMPLEX';
    if (code === 'GRAPHQL_PARSE_FAILED' && /tokens\. Parsing aborted/.test(formatted.message)) code = 'QUERY_TOO_COMPLEX';
    if (code && PASS_THROUGH.has(code)) {
      const extensions: Record<string, unknown> = { code };
      for (const [key, value] of Object.entries(formatted.extensions ?? {})) {
        if (key !== 'code' && !INTERNAL_EXTENSIONS.has(key)) extensions[key] = value;
      }
      let message = formatted.message;
      if (!isChinese(message)) {
        if (code === 'BAD_USER_INPUT' && extensions.field === undefined) {
          const field = fieldOfBadVariable(message);
          if (field) extensions.field = field;
        }
        if (!options.production) extensions.detail = message;
        message = CHINESE_MESSAGES[code] ?? '请求有误';
      }
      return { ...formatted, message, extensions };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error');
    return { message: '服务器内部错误，请稍后重试', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
