import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entryPoint, ServiceProcess } from '@dr/platform-runner';

function run(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('server processes', () => {
  it('refuse to start on a bad setting, naming every bad key in one message', async () => {
    const { code, output } = await run(entryPoint('culture'), { DB_CLIENT: 'oracle', MYSQL_PORT: 'abc', AUTH_PUBLIC_KEY: 'x' });
    expect(code).toBe(1);
    const line = JSON.parse(output.trim().split('\n').pop()!);
    expect(line).toMatchObject({ level: 60, service: 'culture' });
    expect(line.msg).toContain('DB_CLIENT');
    expect(line.msg).toContain('MYSQL_PORT');
  });

  it('the gateway refuses to start without the public key that checks tokens', async () => {
    const { code, output } = await run(entryPoint('gateway'), {});
    expect(code).toBe(1);
    expect(output).toContain('AUTH_PUBLIC_KEY');
  });

  it('the office refuses to start when the PDF font cannot be read, before it serves anyone', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const keys = generateKeyPairSync('ed25519');
    const { code, output } = await run(entryPoint('office'), {
      AUTH_PUBLIC_KEY: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      AUTH_PRIVATE_KEY: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      PORT: '0',
      SQLITE_DIR: mkdtempSync(join(tmpdir(), 'dr-proc-db-')),
      PDF_FONT_PATH: '/nonexistent/fonts/NotoSansCJK.otf',
    });
    expect(code).toBe(1);
    expect(output).toContain('/nonexistent/fonts/NotoSansCJK.otf');
    expect(output).not.toContain('subgraph ready');
  });

  it('stop gracefully on SIGTERM: finish, close the database, exit 0', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const publicKey = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const logFile = join(mkdtempSync(join(tmpdir(), 'dr-proc-')), 'fire.log');
    const port = 40000 + Math.floor(Math.random() * 10000);
    const service = new ServiceProcess({
      name: 'fire',
      script: entryPoint('fire'),
      env: { PATH: process.env.PATH, PORT: String(port), AUTH_PUBLIC_KEY: publicKey, SQLITE_DIR: mkdtempSync(join(tmpdir(), 'dr-proc-db-')) },
      healthUrl: `http://127.0.0.1:${port}/health`,
      output: logFile,
    });
    await service.start();
    const health = await (await fetch(`http://127.0.0.1:${port}/health`)).json();
    expect(health).toEqual({ status: 'ok', service: 'fire', checks: { database: 'ok' } });
    await service.stop();
    const lines = require('node:fs').readFileSync(logFile, 'utf8').trim().split('\n').map((l: string) => JSON.parse(l));
    expect(lines.map((l: { msg: string }) => l.msg)).toEqual(expect.arrayContaining(['shutting down', 'stopped']));
  });
});
