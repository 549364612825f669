import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError, badInput, conflict, forbidden } from './errors';
import { sendFileError } from './http-files';

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
