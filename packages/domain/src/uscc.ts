/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * 18 characters from a 31-character alphabet (digits and upper-case letters without I, O, Z, S, V):
 * 1 registration authority, 1 organisation category, 6 administrative division (digits),
 * 9 organisation code, 1 check character. The check character is computed over the first 17 with
 * weights 3^i mod 31 (i = 0..16): C = 31 - (Σ value × weight mod 31), and 31 becomes 0.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const REGISTRATION_AUTHORITIES = '123456789ANY';

export type UsccProblem = 'EMPTY' | 'LENGTH' | 'LOWERCASE' | 'CHARACTER' | 'AUTHORITY' | 'DIVISION' | 'CHECK_CHARACTER';

export type UsccResult = { valid: true; code: string } | { valid: false; problem: UsccProblem; message: string };

function valueOf(char: string): number {
  return USCC_ALPHABET.indexOf(char);
}

/** The check character for the first 17 characters of a code (which must be in the alphabet). */
export function usccCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new RangeError('需要 17 位本体代码');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = valueOf(first17[i]);
    if (value < 0) throw new RangeError(`第 ${i + 1} 位字符“${first17[i]}”不在代码字符集中`);
    sum += value * WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Validates a USCC and says, in Chinese, what is wrong with a bad one. */
export function validateUscc(input: string): UsccResult {
  const code = input.trim();
  if (code.length === 0) return { valid: false, problem: 'EMPTY', message: '统一社会信用代码不能为空' };
  if (code.length !== 18) {
    return { valid: false, problem: 'LENGTH', message: `统一社会信用代码应为 18 位，实际为 ${code.length} 位` };
  }
  if (/[a-z]/.test(code)) {
    return { valid: false, problem: 'LOWERCASE', message: '统一社会信用代码中的字母应为大写' };
  }
  for (let i = 0; i < 18; i++) {
    if (valueOf(code[i]) < 0) {
      return { valid: false, problem: 'CHARACTER', message: `第 ${i + 1} 位字符“${code[i]}”不是统一社会信用代码允许的字符` };
    }
  }
  if (!REGISTRATION_AUTHORITIES.includes(code[0])) {
    return { valid: false, problem: 'AUTHORITY', message: `第 1 位登记管理部门代码“${code[0]}”无效` };
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    return { valid: false, problem: 'DIVISION', message: '第 3–8 位应为 6 位数字的行政区划码' };
  }
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) {
    return { valid: false, problem: 'CHECK_CHARACTER', message: '统一社会信用代码校验位不正确，请核对是否录入有误' };
  }
  return { valid: true, code };
}
