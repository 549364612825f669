import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError, badInput, conflict, forbidden } from './errors';
import { fileNameFromHeader, sendFileError } from './http-files';

describe('sendFileError: a file route answers a user-facing error with its status and code', () => {
  let server: Server;
  let thrown: unknown;
  let url: string;

  beforeAll(async () => {
    server = createServer((_request, response) => {
      try {
        sendFileError(response, thrown);
      } catch {
        response.writeHead(500).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const answer = async (error: unknown) => {
    thrown = error;
    const response = await fetch(url);
    return { status: response.status, body: response.status === 500 ? null : await response.json() };
  };

  it.each([
    [badInput('file', '文件为空'), 400, 'BAD_USER_INPUT', 'file'],
    [forbidden('只有本部门可以上传'), 403, 'FORBIDDEN', null],
    [conflict('已提交', { field: 'inspectionId' }), 409, 'CONFLICT', 'inspectionId'],
    // The office is down while a department asks it who may write: the phone's outbox retries a 503.
    [new AppError('SUBGRAPH_UNAVAILABLE', '暂时无法确认检查信息'), 503, 'SUBGRAPH_UNAVAILABLE', null],
  ])('%s → %i', async (error, status, code, field) => {
    expect(await answer(error)).toEqual({ status, body: { error: (error as Error).message, code, field } });
  });

  it('rethrows anything else, for the server to log and mask', async () => {
    expect(await answer(new Error('ECONNREFUSED 10.0.0.3:3306'))).toEqual({ status: 500, body: null });
  });
});

describe('fileNameFromHeader: the name an upload carries in X-File-Name', () => {
  const refusal = (header: string) => {
    try {
      fileNameFromHeader(header, '现场证据');
    } catch (error) {
      return { code: (error as AppError).extensions.code, field: (error as AppError).extensions.field, message: (error as Error).message };
    }
    return null;
  };

  it('decodes what encodeURIComponent wrote, and keeps the fallback when there is no name', () => {
    expect(fileNameFromHeader(encodeURIComponent('现场照片 (1).jpg'), '现场证据')).toBe('现场照片 (1).jpg');
    expect(fileNameFromHeader([encodeURIComponent('名录.xlsx')], '')).toBe('名录.xlsx');
    expect(fileNameFromHeader(undefined, '现场证据')).toBe('现场证据');
    expect(fileNameFromHeader('  ', '现场证据')).toBe('现场证据');
  });

  it.each([
    ['invalid percent-encoding', '%E0%A4%A'],
    ['a lone surrogate', '%ED%A0%80.jpg'],
    ['raw bytes instead of percent-encoding', Buffer.from('现场.jpg').toString('latin1')],
    ['a path', encodeURIComponent('../../etc/passwd')],
    ['a Windows path', encodeURIComponent('C:\\fakepath\\照片.jpg')],
    ['a control character', encodeURIComponent('照片\n.jpg')],
    ['a NUL', 'a%00.jpg'],
    ['a right-to-left override (gpj.exe shown as exe.jpg)', encodeURIComponent('照片\u202Egpj.exe')],
    ['a bidi isolate', encodeURIComponent('\u2067照片.jpg')],
    ['a C1 control', encodeURIComponent('照片\u0085.jpg')],
    ['201 characters', encodeURIComponent('照'.repeat(197) + '.jpg')],
  ])('refuses %s as BAD_USER_INPUT on fileName, in Chinese', (_what, header) => {
    const answer = refusal(header);
    expect(answer).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fileName' });
    expect(answer!.message).toMatch(/^文件名/);
  });

  it('accepts 200 characters', () => {
    expect(fileNameFromHeader(encodeURIComponent('照'.repeat(196) + '.jpg'), '')).toHaveLength(200);
  });
});
