import { isValidRegistrationNumber, validateUscc } from '@dr/domain';
import type { CodeKind } from '@dr/domain';
import { cellText, foldText, quoted } from './cell-text.normalizer';
import type { CellInput, FieldErrorCode } from './directory.types';

/** A venue's code: a USCC, or a legacy 15-digit business registration number (flagged as such). */
export type RegistrationCodeCheck =
  | { ok: true; code: string; codeKind: CodeKind }
  | { ok: false; code: FieldErrorCode; reason: string };

// Excel keeps 15 significant digits of a number: a longer code typed into a numeric cell is already lost.
const EXCEL_DIGITS = 15;
const TRUNCATED = '该单元格是数值格式，Excel 只保留 15 位有效数字，代码已被截断；请将该列设置为“文本”格式后重新录入';

/**
 * Checks the 统一社会信用代码 column: an 18-character USCC (GB 32100-2015, check character verified) or,
 * for businesses registered before the USCC, the 15-digit 工商注册号 whose last digit is an
 * ISO 7064 MOD 11,10 check digit (GB/T 17710). Full-width characters, spaces and lower case are tolerated.
 */
export function checkRegistrationCode(value: CellInput): RegistrationCodeCheck {
  if (typeof value === 'number' && (!Number.isSafeInteger(value) || String(value).length > EXCEL_DIGITS)) {
    return { ok: false, code: 'INVALID_FORMAT', reason: TRUNCATED };
  }
  const code = foldText(value).toUpperCase();
  if (code === '') return { ok: false, code: 'REQUIRED', reason: '统一社会信用代码不能为空' };
  if (/^\d(\.\d+)?E\+?\d+$/.test(code)) return { ok: false, code: 'INVALID_FORMAT', reason: TRUNCATED };
  if (code.length === 15 && /^\d+$/.test(code)) {
    if (isValidRegistrationNumber(code)) return { ok: true, code, codeKind: 'LEGACY_REGISTRATION' };
    return {
      ok: false,
      code: 'CHECK_DIGIT',
      reason: `${quoted(cellText(value))}按 15 位原工商注册号校验，末位校验码不正确，请核对是否录入有误`,
    };
  }
  if (code.length !== 18) {
    return {
      ok: false,
      code: 'INVALID_FORMAT',
      reason: `${quoted(cellText(value))}应为 18 位统一社会信用代码（或 15 位数字的原工商注册号），实际为 ${code.length} 位`,
    };
  }
  const uscc = validateUscc(code);
  if (uscc.valid) return { ok: true, code: uscc.code, codeKind: 'USCC' };
  return { ok: false, code: uscc.problem === 'CHECK_CHARACTER' ? 'CHECK_DIGIT' : 'INVALID_FORMAT', reason: `${quoted(code)}：${uscc.message}` };
}

/** The check digit that completes the first 14 digits of a legacy registration number (for test data). */
export function legacyRegistrationCheckDigit(first14: string): string {
  if (!/^\d{14}$/.test(first14)) throw new RangeError('需要 14 位数字');
  for (let digit = 0; digit <= 9; digit++) {
    if (isValidRegistrationNumber(first14 + digit)) return String(digit);
  }
  throw new RangeError('没有合适的校验位');
}
