import { usccCheckCharacter } from '@dr/domain';
import { demoDirectoryUscc, demoLegacyRegistrationNumber } from './demo-directory-file.generator';
import { checkRegistrationCode, legacyRegistrationCheckDigit } from './registration-code.validator';

const USCC = demoDirectoryUscc(7);

describe('checkRegistrationCode', () => {
  it('accepts an 18-character USCC and flags it USCC', () => {
    expect(checkRegistrationCode(USCC)).toEqual({ ok: true, code: USCC, codeKind: 'USCC' });
  });

  it('tolerates lower case, full-width characters and spaces', () => {
    const fullWidth = USCC.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(checkRegistrationCode(` ${fullWidth.toLowerCase()}\u3000`)).toEqual({ ok: true, code: USCC, codeKind: 'USCC' });
  });

  it('refuses a USCC with a wrong check character', () => {
    const wrong = USCC.slice(0, 17) + (USCC[17] === '0' ? '1' : '0');
    const result = checkRegistrationCode(wrong);
    expect(result).toMatchObject({ ok: false, code: 'CHECK_DIGIT' });
    if (!result.ok) expect(result.reason).toContain('校验位不正确');
  });

  it('accepts a legacy 15-digit registration number with a right MOD 11,10 check digit and flags it', () => {
    // 41040300000001 -> check digit 0, worked by hand with ISO 7064 MOD 11,10 (the standard's own
    // example, 0794 -> 5, is checked below).
    expect(checkRegistrationCode('410403000000010')).toEqual({ ok: true, code: '410403000000010', codeKind: 'LEGACY_REGISTRATION' });
    expect(checkRegistrationCode(410403000000010)).toEqual({ ok: true, code: '410403000000010', codeKind: 'LEGACY_REGISTRATION' });
  });

  it('refuses a legacy 15-digit number whose check digit is wrong', () => {
    for (const wrong of ['410403000000011', '410403000000019']) {
      const result = checkRegistrationCode(wrong);
      expect(result).toMatchObject({ ok: false, code: 'CHECK_DIGIT' });
      if (!result.ok) expect(result.reason).toContain('15 位原工商注册号');
    }
  });

  it('refuses other lengths, saying what is expected', () => {
    const result = checkRegistrationCode('9141040312345');
    expect(result).toMatchObject({ ok: false, code: 'INVALID_FORMAT' });
    if (!result.ok) expect(result.reason).toContain('应为 18 位统一社会信用代码（或 15 位数字的原工商注册号），实际为 13 位');
  });

  it('explains a code that Excel has already rounded in a numeric cell', () => {
    for (const cell of [914104030000000000, '9.14104E+17']) {
      const result = checkRegistrationCode(cell);
      expect(result).toMatchObject({ ok: false, code: 'INVALID_FORMAT' });
      if (!result.ok) expect(result.reason).toContain('文本');
    }
  });

  it('requires a value', () => {
    expect(checkRegistrationCode('  ')).toMatchObject({ ok: false, code: 'REQUIRED' });
  });
});

describe('legacyRegistrationCheckDigit', () => {
  it('completes 14 digits so that the number validates', () => {
    expect(legacyRegistrationCheckDigit('41040300000001')).toBe('0');
    expect(legacyRegistrationCheckDigit('11010800000001')).toBe('6');
    // ISO 7064's worked example for MOD 11,10 (0794 -> 5) after ten zeros, which bring the running
    // value back to where it starts.
    expect(legacyRegistrationCheckDigit('00000000000794')).toBe('5');
  });

  it('gives distinct valid demo numbers', () => {
    const numbers = [1, 2, 3].map(demoLegacyRegistrationNumber);
    expect(new Set(numbers).size).toBe(3);
    for (const n of numbers) expect(checkRegistrationCode(n)).toMatchObject({ ok: true, codeKind: 'LEGACY_REGISTRATION' });
  });
});

describe('demoDirectoryUscc', () => {
  it('gives valid, distinct codes', () => {
    const codes = Array.from({ length: 2000 }, (_, i) => demoDirectoryUscc(i));
    expect(new Set(codes).size).toBe(2000);
    for (const code of codes.slice(0, 50)) expect(code[17]).toBe(usccCheckCharacter(code.slice(0, 17)));
  });
});
