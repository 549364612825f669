/** A party's secret must be at least this long (docs/draw-algorithm.md, inputs 4). */
export const MIN_SECRET_LENGTH = 16;
/** The server accepts secrets of up to this length. */
export const MAX_SECRET_LENGTH = 200;

const CONTROL_CHARACTERS = /[\u0000-\u001f]/;

/**
 * A fresh secret for a party: 16 random bytes from the browser's CSPRNG as 32 lower-case hex
 * characters. It never leaves the browser before the reveal; only its commitment is sent.
 */
export function generatePartySecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * What is wrong with a secret a party typed itself, or null when it can be committed to.
 * @param secret - the secret as typed
 */
export function partySecretProblem(secret: string): string | null {
  if (secret.length < MIN_SECRET_LENGTH) return `随机种子至少 ${MIN_SECRET_LENGTH} 个字符`;
  if (secret.length > MAX_SECRET_LENGTH) return `随机种子不超过 ${MAX_SECRET_LENGTH} 个字符`;
  if (CONTROL_CHARACTERS.test(secret)) return '随机种子不能含有控制字符';
  return null;
}

/**
 * What is wrong with a party's name, or null: 1–64 characters without control characters, and no
 * two parties with the same name (each commits once).
 * @param name - the name as typed
 * @param otherNames - the names of the other parties
 */
export function partyNameProblem(name: string, otherNames: readonly string[]): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return '请填写参与方名称';
  if (trimmed.length > 64 || CONTROL_CHARACTERS.test(trimmed)) return '参与方名称应为 1–64 个字符，且不含控制字符';
  if (otherNames.some((other) => other.trim() === trimmed)) return '参与方名称不能重复';
  return null;
}
