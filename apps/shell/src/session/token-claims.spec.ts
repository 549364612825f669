import { describe, expect, it } from '@jest/globals';
import { tokenClaims, tokenExpired } from './token-claims';

const encode = (value: unknown) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const jwt = (payload: unknown) => `${encode({ alg: 'EdDSA' })}.${encode(payload)}.c2ln`;

describe('tokenClaims', () => {
  it('reads the subject and expiry of a JWT, Chinese names included', () => {
    expect(tokenClaims(jwt({ sub: 'u-1', exp: 1_800_000_000, name: '张三' }))).toEqual({ sub: 'u-1', exp: 1_800_000_000 });
  });

  it('gives nothing for no token or a broken one', () => {
    expect(tokenClaims(null)).toEqual({ sub: null, exp: null });
    expect(tokenClaims('abc')).toEqual({ sub: null, exp: null });
    expect(tokenClaims('a.%%%.c')).toEqual({ sub: null, exp: null });
  });
});

describe('tokenExpired', () => {
  it('compares the expiry with the clock', () => {
    const token = jwt({ sub: 'u-1', exp: 1000 });
    expect(tokenExpired(token, 999_000)).toBe(false);
    expect(tokenExpired(token, 1_000_000)).toBe(true);
    expect(tokenExpired(jwt({ sub: 'u-1' }))).toBe(false);
    expect(tokenExpired(null)).toBe(false);
  });
});
