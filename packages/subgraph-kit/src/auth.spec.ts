import { generateAuthKeys, principalFromHeader, privateKeyFrom, publicKeyFrom, signToken, verifyToken } from './auth';
import type { Principal } from '@dr/domain';

const principal: Principal = { userId: 'u1', username: 'culture-admin', displayName: '管理员', role: 'DEPARTMENT_ADMIN', department: 'culture', inspectorId: null };

describe('session tokens', () => {
  const keys = generateAuthKeys();
  const signing = privateKeyFrom(keys.privateKey);
  const verifying = publicKeyFrom(keys.publicKey);

  it('round-trips the principal', async () => {
    const { token } = await signToken(principal, signing, 60);
    await expect(verifyToken(token, verifying)).resolves.toEqual(principal);
  });

  it('refuses a token signed by another key as UNAUTHENTICATED', async () => {
    const other = generateAuthKeys();
    const { token } = await signToken(principal, privateKeyFrom(other.privateKey), 60);
    await expect(verifyToken(token, verifying)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a token whose claims were changed', async () => {
    const { token } = await signToken(principal, signing, 60);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, dept: 'market' })).toString('base64url');
    await expect(verifyToken(`${header}.${forged}.${signature}`, verifying)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses an expired token with a message saying so', async () => {
    const { token } = await signToken(principal, signing, -10);
    await expect(verifyToken(token, verifying)).rejects.toMatchObject({ message: '登录已过期，请重新登录' });
  });

  it('reads the principal from a Bearer header and nothing from no header', async () => {
    const { token } = await signToken(principal, signing, 60);
    await expect(principalFromHeader(`Bearer ${token}`, verifying)).resolves.toEqual(principal);
    await expect(principalFromHeader(undefined, verifying)).resolves.toBeNull();
    await expect(principalFromHeader('Basic abc', verifying)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('accepts keys with escaped newlines, as env files carry them', () => {
    expect(() => publicKeyFrom(keys.publicKey.replace(/\n/g, '\\n'))).not.toThrow();
  });
});
