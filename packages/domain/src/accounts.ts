import type { Department } from './department';
import type { Principal, Role } from './roles';

/**
 * Accounts (账号) and their passwords: who may create and manage whose login, and what a password must
 * be. Pure rules; the office applies them (apps/subgraph-office/src/auth) and the shell shows the same
 * messages before it sends anything.
 */

/** R-ACC-1: the password policy, after GB/T 22239-2019 (等保 2.0, 身份鉴别 "复杂度要求"). */
export const PASSWORD_POLICY = { minLength: 10, maxLength: 64, minClasses: 3 } as const;

/**
 * Passwords attackers try first: the usual keyboard walks and words, the platform's own demo password,
 * and the Chinese favourites (拼音 words, 1314 / 520, dates). Compared case-insensitively, after removing
 * the digits and symbols that people append to meet a rule ("Password@123" is "password").
 */
const WEAK_WORDS = [
  'password', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'qwerty', 'qwertyuiop', 'asdfgh', 'asdfghjkl', 'zxcvbn', 'zxcvbnm',
  'qazwsx', 'qwe', 'abc', 'abcd', 'abcdef', 'admin', 'administrator', 'root', 'test', 'guest', 'user', 'login', 'welcome',
  'iloveyou', 'woaini', 'wodemima', 'mima', 'zhongguo', 'china', 'beijing', 'aini', 'demo', 'system', 'super',
  'changeme', 'default', 'letmein', 'dragon', 'monkey', 'football', 'wangluo', 'zhifa', 'jiancha',
];
const WEAK_PASSWORDS = new Set([
  '1qaz2wsx3edc', '1qaz@wsx3edc', '1qaz!qaz2wsx', 'qaz123wsx456', '1q2w3e4r5t', '1q2w3e4r5t6y', 'q1w2e3r4t5', 'a1b2c3d4e5',
  'aa123456789', 'aa12345678', 'abc123456789', 'abcd1234567', 'zaq12wsxcde3', '1234qwerasdf', 'qwer1234asdf', 'demo@2022',
]);

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'TOO_FEW_CLASSES' | 'CONTAINS_USERNAME' | 'TOO_COMMON';

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  TOO_SHORT: `密码至少 ${PASSWORD_POLICY.minLength} 位`,
  TOO_LONG: `密码不能超过 ${PASSWORD_POLICY.maxLength} 位`,
  TOO_FEW_CLASSES: '密码须包含大写字母、小写字母、数字、特殊符号中的至少三类',
  CONTAINS_USERNAME: '密码不能包含用户名',
  TOO_COMMON: '密码过于简单（常见密码或键盘顺序），请换一个',
};

/** How many of upper case, lower case, digits and other characters the password uses. */
export function characterClasses(password: string): number {
  return [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
}

function isSequence(text: string): boolean {
  if (text.length < 4) return false;
  const codes = [...text].map((c) => c.charCodeAt(0));
  const step = codes[1] - codes[0];
  return Math.abs(step) <= 1 && codes.every((code, i) => i === 0 || code - codes[i - 1] === step);
}

/**
 * R-ACC-1: the first problem with `password` for the login `username`, or null when it is acceptable:
 * 10 to 64 characters, at least three of the four character classes, not containing the username,
 * not a well-known weak password (a weak word with digits and symbols around it, a keyboard walk, one
 * repeated character or a run like 123456 / abcdef).
 */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  if ([...password].length < PASSWORD_POLICY.minLength) return 'TOO_SHORT';
  if ([...password].length > PASSWORD_POLICY.maxLength) return 'TOO_LONG';
  if (characterClasses(password) < PASSWORD_POLICY.minClasses) return 'TOO_FEW_CLASSES';
  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && lower.includes(name)) return 'CONTAINS_USERNAME';
  if (WEAK_PASSWORDS.has(lower)) return 'TOO_COMMON';
  const letters = lower.replace(/[^a-z]/g, '');
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (WEAK_WORDS.includes(letters) || WEAK_WORDS.includes(core) || new Set(lower).size <= 3 || isSequence(letters) || (isSequence(lower.replace(/[^0-9]/g, '')) && letters.length <= 2)) return 'TOO_COMMON';
  return null;
}

/** R-ACC-2: the office creates department admins; a department admin creates its own department's officers. */
export function mayCreateAccount(actor: Principal, target: { role: Role; department: Department | null }): boolean {
  if (actor.role === 'OFFICE_ADMIN') return target.role === 'DEPARTMENT_ADMIN' && target.department !== null;
  if (actor.role === 'DEPARTMENT_ADMIN') return target.role === 'INSPECTOR' && actor.department !== null && target.department === actor.department;
  return false;
}

/**
 * R-ACC-3: who may disable, enable, reset or end the sessions of an account: the office any account but
 * its own; a department admin its own department's officers. Nobody manages their own account this way
 * (they change their own password instead), so nobody can lock themselves out.
 */
export function mayManageAccount(actor: Principal, target: { id: string; role: Role; department: Department | null }): boolean {
  if (actor.userId === target.id) return false;
  if (actor.role === 'OFFICE_ADMIN') return true;
  if (actor.role === 'DEPARTMENT_ADMIN') return target.role === 'INSPECTOR' && actor.department !== null && target.department === actor.department;
  return false;
}

/** Which accounts a list shows: all for the office, the own department's for a department admin, none otherwise. */
export function accountScope(actor: Principal): { department: Department | null } | 'ALL' | null {
  if (actor.role === 'OFFICE_ADMIN') return 'ALL';
  if (actor.role === 'DEPARTMENT_ADMIN' && actor.department) return { department: actor.department };
  return null;
}
