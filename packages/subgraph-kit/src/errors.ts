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
export const notFound = (what: string, id: string) => new AppError('NOT_FOUND', `${what}不存在（${id}）`, { id });
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

const PASS_THROUGH = new Set<string>([...ERROR_CODES, 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * Apollo `formatError`: known codes pass (without stack traces), class-validator failures become
 * BAD_USER_INPUT naming the field, and anything else (a bug, a driver error with SQL in it) is logged
 * in full and reaches the client only as a generic message.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? error.originalError ?? error : error;
    const code = formatted.extensions?.code as string | undefined;
    const validation = (original as { extensions?: { validationErrors?: ValidationLike[] } })?.extensions?.validationErrors;
    if (validation) {
      const problem = firstValidationProblem(validation) ?? { field: 'input', message: '输入有误' };
      return { message: problem.message, path: formatted.path, extensions: { code: 'BAD_USER_INPUT', field: problem.field } };
    }
    if (code && PASS_THROUGH.has(code)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error');
    return { message: '服务器内部错误，请稍后重试', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
