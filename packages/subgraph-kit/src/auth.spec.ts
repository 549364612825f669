import { SignJWT } from 'jose';
import { generateAuthKeys, principalFromHeader, privateKeyFrom, publicKeyFrom, signToken, TOKEN_MAX_AGE_SECONDS, useRevokedSessionCheck, verifyToken } from './auth';
import type { Principal } from '@dr/domain';

const principal: Principal & { sessionId: string } = { userId: 'u1', username: 'culture-admin', displayName: '管理员', role: 'DEPARTMENT_ADMIN', department: 'culture', inspectorId: null, sessionId: 's1' };

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

  // Signed with the real key and the real issuer, audience and claims: only exp / iat differ.
  const craft = () =>
    new SignJWT({ name: principal.displayName, username: principal.username, role: principal.role, dept: principal.department, insp: null, sid: 's1' })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject(principal.userId)
      .setIssuer('double-random/office')
      .setAudience('double-random');

  it('refuses a token without an expiry (exp), though correctly signed', async () => {
    const token = await craft().setIssuedAt().sign(signing);
    await expect(verifyToken(token, verifying)).rejects.toMatchObject({ message: '登录令牌无效，请重新登录', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a token without an issue time (iat), though correctly signed', async () => {
    const token = await craft().setExpirationTime('1h').sign(signing);
    await expect(verifyToken(token, verifying)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a token issued longer ago than the maximum age, even when its exp lies far ahead', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await craft().setIssuedAt(now - TOKEN_MAX_AGE_SECONDS - 60).setExpirationTime(now + 30 * 24 * 3600).sign(signing);
    await expect(verifyToken(token, verifying)).rejects.toMatchObject({ message: '登录已过期，请重新登录', extensions: { code: 'UNAUTHENTICATED' } });
    const fresh = await craft().setIssuedAt(now - TOKEN_MAX_AGE_SECONDS + 60).setExpirationTime(now + 3600).sign(signing);
    await expect(verifyToken(fresh, verifying)).resolves.toEqual(principal);
  });

  it('refuses a token without a session id (sid), though correctly signed', async () => {
    const token = await new SignJWT({ name: principal.displayName, username: principal.username, role: principal.role, dept: principal.department })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject(principal.userId)
      .setIssuer('double-random/office')
      .setAudience('double-random')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(signing);
    await expect(verifyToken(token, verifying)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('carries "must change the password" only when set', async () => {
    const { token } = await signToken({ ...principal, mustChangePassword: true }, signing, 60);
    await expect(verifyToken(token, verifying)).resolves.toEqual({ ...principal, mustChangePassword: true });
  });

  it('refuses a valid token whose session the revocation list names', async () => {
    const { token } = await signToken(principal, signing, 60);
    useRevokedSessionCheck(async (sid) => sid === 's1');
    try {
      await expect(principalFromHeader(`Bearer ${token}`, verifying)).rejects.toMatchObject({ message: '登录已失效，请重新登录', extensions: { code: 'UNAUTHENTICATED' } });
    } finally {
      useRevokedSessionCheck(null);
    }
    await expect(principalFromHeader(`Bearer ${token}`, verifying)).resolves.toEqual(principal);
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
