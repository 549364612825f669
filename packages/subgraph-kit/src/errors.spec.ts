import { GraphQLError } from 'graphql';
import { createErrorFormatter, badInput, forbidden, notFound } from './errors';
import { createLogger } from './logger';

describe('error formatting', () => {
  const sut = createErrorFormatter(createLogger('test', 'silent'));

  it('passes a known error with its code and field, without a stack trace', () => {
    const error = badInput('scheduledDate', '日期有误');
    const formatted = sut({ message: error.message, extensions: { ...error.extensions, stacktrace: ['at x'] } }, error);
    expect(formatted).toEqual({ message: '日期有误', extensions: { code: 'BAD_USER_INPUT', field: 'scheduledDate' } });
  });

  it('masks an unexpected error so no SQL or stack reaches the client', () => {
    const driverError = new Error('ER_DUP_ENTRY: Duplicate entry for key SELECT * FROM venue');
    const wrapped = new GraphQLError(driverError.message, { originalError: driverError });
    const formatted = sut({ message: wrapped.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at y'] } }, wrapped);
    expect(formatted).toEqual({ message: '服务器内部错误，请稍后重试', path: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(formatted)).not.toMatch(/SELECT|ER_DUP/);
  });

  it('turns class-validator failures into BAD_USER_INPUT naming the field', () => {
    const validation = new GraphQLError('Argument Validation Error', {
      extensions: { code: 'BAD_USER_INPUT', validationErrors: [{ property: 'input', children: [{ property: 'first', constraints: { max: '每页条数不能超过 100' } }] }] },
    });
    expect(sut({ message: validation.message, extensions: validation.extensions }, validation)).toEqual({
      message: '每页条数不能超过 100',
      path: undefined,
      extensions: { code: 'BAD_USER_INPUT', field: 'input.first' },
    });
  });

  it('keeps FORBIDDEN as FORBIDDEN', () => {
    const error = forbidden();
    expect(sut({ message: error.message, extensions: error.extensions }, error).extensions?.code).toBe('FORBIDDEN');
  });

  it('names a missing thing in words and keeps its id out of the message a user reads', () => {
    const id = '6f1c2f9e-4b7a-4d3e-9a51-2c8e5b7d0a13';
    const error = notFound('检查对象', id);
    const formatted = sut({ message: error.message, extensions: error.extensions }, error);
    expect(formatted.message).toContain('检查对象');
    expect(formatted.message).not.toContain(id);
    expect(formatted.extensions).toMatchObject({ code: 'NOT_FOUND', id });
  });
});
