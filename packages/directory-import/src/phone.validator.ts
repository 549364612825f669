import { foldText } from './cell-text.normalizer';
import type { CellInput } from './directory.types';

const MOBILE = /^1\d{10}$/;
// Area code (010, 02x, 0xxx) and 7–8 digits, optionally an extension: 0375-1234567, 010-12345678-801.
const LANDLINE = /^0\d{2,3}-?[1-9]\d{6,7}(-\d{1,6})?$/;

function normalizeOne(raw: string): string | null {
  let phone = raw.replace(/^\+?86-?(?=1\d{10}$)/, '');
  phone = phone.replace(/^\((0\d{2,3})\)/, '$1-').replace(/转/g, '-').replace(/[—–]/g, '-');
  if (MOBILE.test(phone) || LANDLINE.test(phone)) return phone;
  return null;
}

/**
 * Normalizes a 联系电话 cell: an 11-digit mobile number starting with 1, or a landline with its area code
 * (`0375-1234567`, `(0375)1234567`). Several numbers may be given separated by `/`, `、`, `,` or `;`;
 * they are kept joined by `/`. Returns null when any of them is not a phone number.
 */
export function normalizePhone(value: CellInput): string | null {
  const parts = foldText(value)
    .split(/[/、,;]+/)
    .filter((part) => part.length > 0);
  if (parts.length === 0) return null;
  const phones = parts.map(normalizeOne);
  return phones.every((phone): phone is string => phone !== null) ? phones.join('/') : null;
}
