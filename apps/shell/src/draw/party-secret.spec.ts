import { describe, expect, it } from '@jest/globals';
import { generatePartySecret, partyNameProblem, partySecretProblem } from './party-secret';

describe('party secrets and names (docs/draw-algorithm.md, seed contributions)', () => {
  it('generates 32 lower-case hex characters, a new one each time', () => {
    const first = generatePartySecret();
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(generatePartySecret()).not.toBe(first);
  });

  it('accepts a typed secret of at least 16 characters without control characters', () => {
    expect(partySecretProblem('公证处二〇二二年七月二十五日抽取种子')).toBeNull();
    expect(partySecretProblem('too-short')).toMatch(/至少 16/);
    expect(partySecretProblem('0123456789abcdef\u001f')).toMatch(/控制字符/);
  });

  it('refuses an empty or repeated party name', () => {
    expect(partyNameProblem('公证处', ['联席办'])).toBeNull();
    expect(partyNameProblem('  ', [])).toBe('请填写参与方名称');
    expect(partyNameProblem('联席办 ', ['联席办'])).toBe('参与方名称不能重复');
  });
});
