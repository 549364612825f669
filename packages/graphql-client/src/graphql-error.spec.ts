import { describe, expect, it } from '@jest/globals';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';
import { describeGraphQLError, errorKindOf, fieldErrorOf, GatewayFileError, hasErrorCode, serverMessageOf } from './graphql-error';

const graphQLError = (...errors: GraphQLFormattedError[]) => new CombinedGraphQLErrors({ data: null, errors });
const withCode = (code: string, message = '服务端消息', extensions: Record<string, unknown> = {}) =>
  graphQLError({ message, extensions: { code, ...extensions } });

describe('describeGraphQLError', () => {
  it('chooses the text by extensions.code, never by the message', () => {
    const sut = describeGraphQLError;
    expect(sut(withCode('FORBIDDEN', 'anything at all'))).toMatch(/^无权限/);
    expect(sut(withCode('NOT_FOUND'))).toBe('记录不存在或已被删除');
    expect(sut(withCode('CONFLICT'))).toBe('数据已被他人修改，请刷新后重试');
    expect(sut(withCode('SUBGRAPH_UNAVAILABLE', 'x', { department: 'MARKET' }))).toBe('该部门服务暂不可用，请稍后重试');
    expect(sut(withCode('UNAUTHENTICATED'))).toBe('登录已失效，请重新登录');
  });

  it('shows the message and the field of a BAD_USER_INPUT error', () => {
    const error = withCode('BAD_USER_INPUT', '备注不能超过 500 字', { field: 'note' });
    expect(describeGraphQLError(error)).toBe('输入有误：备注不能超过 500 字（字段：备注）');
    expect(describeGraphQLError(withCode('BAD_USER_INPUT', '格式不对', { field: 'reason' }), { fieldLabels: { reason: '原因' } })).toBe(
      '输入有误：格式不对（字段：原因）',
    );
  });

  it('tells transport failures and unknown errors apart', () => {
    expect(describeGraphQLError(new TypeError('Failed to fetch'))).toBe('无法连接服务器，请检查网络后重试');
    expect(describeGraphQLError(withCode('INTERNAL_SERVER_ERROR'))).toBe('系统繁忙，请稍后重试');
    expect(describeGraphQLError(undefined)).toBe('系统繁忙，请稍后重试');
  });
});

describe('errorKindOf and hasErrorCode', () => {
  it('reads the codes of a non-2xx answer sent as application/json', () => {
    const bodyText = JSON.stringify({ errors: [{ message: '登录令牌无效', extensions: { code: 'UNAUTHENTICATED' } }] });
    const error = new ServerError('Response not successful', { response: new Response(bodyText, { status: 500 }), bodyText });
    expect(errorKindOf(error)).toBe('UNAUTHENTICATED');
    expect(hasErrorCode(error, 'UNAUTHENTICATED')).toBe(true);
  });

  it('treats HTTP 401 as UNAUTHENTICATED and a 502 page as a network failure', () => {
    const unauthorized = new ServerError('401', { response: new Response('', { status: 401 }), bodyText: '' });
    const badGateway = new ServerError('502', { response: new Response('<html>', { status: 502 }), bodyText: '<html>' });
    expect(hasErrorCode(unauthorized, 'UNAUTHENTICATED')).toBe(true);
    expect(errorKindOf(badGateway)).toBe('NETWORK');
  });

  it('finds a code among several errors', () => {
    const error = graphQLError({ message: 'a', extensions: { code: 'NOT_FOUND' } }, { message: 'b', extensions: { code: 'UNAUTHENTICATED' } });
    expect(hasErrorCode(error, 'UNAUTHENTICATED')).toBe(true);
    expect(errorKindOf(error)).toBe('NOT_FOUND');
  });
});

describe('fieldErrorOf and serverMessageOf', () => {
  it('names the form field of a BAD_USER_INPUT error without the argument name', () => {
    expect(fieldErrorOf(withCode('BAD_USER_INPUT', '统一社会信用代码校验位不正确', { field: 'input.uscc' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'uscc',
      message: '统一社会信用代码校验位不正确',
    });
    expect(fieldErrorOf(withCode('BAD_USER_INPUT', '原因应为 1–200 个字符', { field: 'input.conflicts.0.reason' }))?.field).toBe('conflicts.0.reason');
    expect(fieldErrorOf(withCode('BAD_USER_INPUT', '种子不符', { field: 'reveals' }))?.field).toBe('reveals');
  });

  it('pins a CONFLICT on its field when the server names one, and ignores errors without a field', () => {
    const conflict = withCode('CONFLICT', '执法证号 豫WG41040300001 已属于 张三', { field: 'certificateNumber' });
    expect(fieldErrorOf(conflict)).toMatchObject({ code: 'CONFLICT', field: 'certificateNumber' });
    expect(serverMessageOf(conflict, 'CONFLICT')).toBe('执法证号 豫WG41040300001 已属于 张三');
    expect(fieldErrorOf(withCode('FORBIDDEN'))).toBeNull();
    expect(serverMessageOf(withCode('FORBIDDEN'), 'CONFLICT')).toBeNull();
  });

  it('lets a screen say what FORBIDDEN means there', () => {
    expect(describeGraphQLError(withCode('FORBIDDEN'), { texts: { FORBIDDEN: '只能维护本部门的执法检查人员' } })).toBe('只能维护本部门的执法检查人员');
  });
});

describe('GatewayFileError', () => {
  it('is classified by its code, or as a network failure when nothing answered', () => {
    expect(errorKindOf(new GatewayFileError(403, 'FORBIDDEN', ''))).toBe('FORBIDDEN');
    expect(errorKindOf(new GatewayFileError(0, null, ''))).toBe('NETWORK');
    expect(errorKindOf(new GatewayFileError(502, null, ''))).toBe('NETWORK');
    expect(describeGraphQLError(new GatewayFileError(413, 'BAD_USER_INPUT', '文件超过 50 MB'))).toBe('输入有误：文件超过 50 MB');
  });
});
