import { isValidRegistrationNumber, validateUscc } from '@dr/domain';

/**
 * What is wrong with a venue's code, checked as the office subgraph checks it: an 18-character USCC
 * (GB 32100-2015, check character included), or a legacy 15-digit registration number (ISO 7064
 * MOD 11,10), which is accepted but flagged 旧注册号.
 * @param value - the code as typed (case and surrounding spaces do not matter)
 * @returns a Chinese sentence, or null when the code is valid
 */
export function venueCodeProblem(value: string): string | null {
  const code = value.trim().toUpperCase();
  if (/^\d{15}$/.test(code)) return isValidRegistrationNumber(code) ? null : '15 位工商注册号校验位不正确，请核对';
  const result = validateUscc(code);
  return result.valid ? null : result.message;
}
