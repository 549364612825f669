import { USCC_ALPHABET, usccCheckCharacter, validateUscc } from './uscc';

// Codes as published by the enterprises themselves (national enterprise credit publicity system),
// not computed by this module, so the check-character formula is tested against the world.
const PUBLISHED = [
  '91350100M000100Y43', // GB 32100-2015 worked example
  '914403001922038216', // 华为技术有限公司
  '91440300708461136T', // 深圳市腾讯计算机系统有限公司
  '91330100799655058B', // 阿里巴巴(中国)有限公司
];

describe('validateUscc (GB 32100-2015)', () => {
  it.each(PUBLISHED)('accepts the published code %s', (code) => {
    expect(validateUscc(code)).toEqual({ valid: true, code });
  });

  it('recomputes the check character of every published code', () => {
    for (const code of PUBLISHED) expect(usccCheckCharacter(code.slice(0, 17))).toBe(code[17]);
  });

  it('rejects every single-character change of a valid code', () => {
    const candidates = `${USCC_ALPHABET}IOZSVabcxyz-_ *`;
    let changes = 0;
    for (const code of PUBLISHED) {
      for (let position = 0; position < code.length; position++) {
        for (const replacement of candidates) {
          if (replacement === code[position]) continue;
          const changed = code.slice(0, position) + replacement + code.slice(position + 1);
          const result = validateUscc(changed);
          if (result.valid) throw new Error(`accepted ${changed} (changed position ${position + 1})`);
          changes++;
        }
      }
    }
    expect(changes).toBe(PUBLISHED.length * 18 * (candidates.length - 1));
  });

  it('says lower-case letters must be upper case', () => {
    const result = validateUscc('91440300708461136t');
    expect(result).toMatchObject({ valid: false, problem: 'LOWERCASE' });
    if (!result.valid) expect(result.message).toContain('大写');
  });

  it.each([
    ['', 'EMPTY'],
    ['9144030070846113', 'LENGTH'],
    ['91440300708461136TX', 'LENGTH'],
  ])('says what is wrong with a code of the wrong length: "%s"', (code, problem) => {
    const result = validateUscc(code);
    expect(result).toMatchObject({ valid: false, problem });
    if (!result.valid && problem === 'LENGTH') expect(result.message).toContain(`实际为 ${code.length} 位`);
  });

  it('names the position of a character outside the alphabet', () => {
    const result = validateUscc('9144030070846113IT');
    expect(result).toMatchObject({ valid: false, problem: 'CHARACTER' });
    if (!result.valid) expect(result.message).toContain('第 17 位');
  });
});
