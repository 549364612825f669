import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entryPoint, REPO_ROOT, startPlatform } from '@dr/platform-runner';
import { graphql } from './graphql';

// Issue "Trust": production has no demo login or password; its first account comes from an operator command.
const CLI = join(REPO_ROOT, 'apps', 'subgraph-office', 'dist', 'auth', 'create-office-admin.cli.js');
const LOGIN = 'mutation Login($input: LoginInput!) { login(input: $input) { token user { role mustChangePassword } } }';

function run(args: string[], env: NodeJS.ProcessEnv, stdin = ''): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
    child.stdin.end(stdin);
  });
}

describe('production accounts', () => {
  const keys = generateKeyPairSync('ed25519');
  const AUTH_PUBLIC_KEY = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const AUTH_PRIVATE_KEY = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  it('the office refuses to start in production with SEED_DEMO_DATA set, saying why, before it touches the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-prod-db-'));
    const { code, output } = await run([entryPoint('office')], {
      NODE_ENV: 'production', SEED_DEMO_DATA: 'true', AUTH_PUBLIC_KEY, AUTH_PRIVATE_KEY, PORT: '0', SQLITE_DIR: dir, EVENTS_TOKEN: randomBytes(32).toString('hex'),
    });
    expect(code).toBe(1);
    expect(output).toContain('SEED_DEMO_DATA: 生产环境不得加载演示数据');
    expect(output).toContain('npm run user:create-office-admin');
    expect(output).not.toContain('subgraph ready');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('the operator creates the first office admin (password from stdin); production then has that login and no demo login', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dr-prod-data-'));
    const env = { NODE_ENV: 'production', SQLITE_DIR: dataDir };
    const weak = await run([CLI, '--username', 'zhang.wei', '--name', '张伟'], env, 'password123\n');
    expect(weak).toMatchObject({ code: 1, output: expect.stringContaining('密码不符合要求') });
    const created = await run([CLI, '--username', 'zhang.wei', '--name', '张伟'], env, 'Lian#XiBan2024\n');
    expect(created).toMatchObject({ code: 0, output: expect.stringContaining('已创建联席办管理员账号：zhang.wei（张伟）') });
    const again = await run([CLI, '--username', 'zhang.wei', '--name', '张伟'], { ...env, OFFICE_ADMIN_PASSWORD: 'Lian#XiBan2025' });
    expect(again).toMatchObject({ code: 1, output: expect.stringContaining('已存在') });

    const platform = await startPlatform({ dataDir, env: { NODE_ENV: 'production', AUTH_PUBLIC_KEY, AUTH_PRIVATE_KEY } });
    try {
      const demo = await graphql(platform.urls.gateway, LOGIN, { input: { username: 'office', password: 'Demo@2022' } });
      expect(demo.errors?.[0]).toMatchObject({ message: '用户名或密码错误', extensions: { code: 'UNAUTHENTICATED' } });
      const admin = await graphql(platform.urls.gateway, LOGIN, { input: { username: 'zhang.wei', password: 'Lian#XiBan2024' } });
      expect(admin.data?.login.user).toEqual({ role: 'OFFICE_ADMIN', mustChangePassword: false });
    } finally {
      await platform.close();
    }
  });
});
