import { accountScope, mayCreateAccount, mayManageAccount, passwordProblem } from './accounts';
import type { Principal } from './roles';

const office: Principal = { userId: 'u-office', username: 'office', displayName: '联席办', role: 'OFFICE_ADMIN', department: null, inspectorId: null };
const cultureAdmin: Principal = { ...office, userId: 'u-ca', username: 'ca', role: 'DEPARTMENT_ADMIN', department: 'culture' };
const cultureOfficer: Principal = { ...office, userId: 'u-co', username: 'co', role: 'INSPECTOR', department: 'culture', inspectorId: 'i-1' };

describe('R-ACC-1 password policy', () => {
  it.each([
    ['Short1!a', 'TOO_SHORT'],
    ['alllowercaseletters', 'TOO_FEW_CLASSES'],
    ['lowercase12345', 'TOO_FEW_CLASSES'],
    ['Zhangsan#2024', 'CONTAINS_USERNAME'],
    ['Password@123', 'TOO_COMMON'],
    ['Woaini1314!!', 'TOO_COMMON'],
    ['1qaz@WSX3edc', 'TOO_COMMON'],
    ['Abcdefgh12!', 'TOO_COMMON'],
    ['Aaaaaaaaaa1!', 'TOO_COMMON'],
    ['Demo@2022ab', null],
    ['Xq7#lanTing9', null],
    ['绿茵场Ab73915', null],
  ])('%s → %s', (password, problem) => {
    expect(passwordProblem(password, 'zhangsan')).toBe(problem);
  });

  it('refuses the demo password itself and anything longer than 64 characters', () => {
    expect(passwordProblem('Demo@2022', 'x')).toBe('TOO_SHORT');
    expect(passwordProblem(`Aa1!${'x'.repeat(61)}`, 'zhangsan')).toBe('TOO_LONG');
  });
});

describe('R-ACC-2 who creates which account', () => {
  it('the office creates department admins, never officers or other office accounts', () => {
    expect(mayCreateAccount(office, { role: 'DEPARTMENT_ADMIN', department: 'fire' })).toBe(true);
    expect(mayCreateAccount(office, { role: 'INSPECTOR', department: 'fire' })).toBe(false);
    expect(mayCreateAccount(office, { role: 'OFFICE_ADMIN', department: null })).toBe(false);
  });

  it('a department admin creates officers of its own department only; an officer creates nobody', () => {
    expect(mayCreateAccount(cultureAdmin, { role: 'INSPECTOR', department: 'culture' })).toBe(true);
    expect(mayCreateAccount(cultureAdmin, { role: 'INSPECTOR', department: 'market' })).toBe(false);
    expect(mayCreateAccount(cultureAdmin, { role: 'DEPARTMENT_ADMIN', department: 'culture' })).toBe(false);
    expect(mayCreateAccount(cultureOfficer, { role: 'INSPECTOR', department: 'culture' })).toBe(false);
  });
});

describe('R-ACC-3 who manages which account', () => {
  it('the office any account but its own; a department admin its own officers; nobody their own', () => {
    expect(mayManageAccount(office, { id: 'u-ca', role: 'DEPARTMENT_ADMIN', department: 'culture' })).toBe(true);
    expect(mayManageAccount(office, { id: 'u-office', role: 'OFFICE_ADMIN', department: null })).toBe(false);
    expect(mayManageAccount(cultureAdmin, { id: 'u-co', role: 'INSPECTOR', department: 'culture' })).toBe(true);
    expect(mayManageAccount(cultureAdmin, { id: 'u-mo', role: 'INSPECTOR', department: 'market' })).toBe(false);
    expect(mayManageAccount(cultureAdmin, { id: 'u-ma', role: 'DEPARTMENT_ADMIN', department: 'culture' })).toBe(false);
    expect(mayManageAccount(cultureOfficer, { id: 'u-x', role: 'INSPECTOR', department: 'culture' })).toBe(false);
  });

  it('lists all accounts for the office, the own department for its admin, nothing for an officer', () => {
    expect(accountScope(office)).toBe('ALL');
    expect(accountScope(cultureAdmin)).toEqual({ department: 'culture' });
    expect(accountScope(cultureOfficer)).toBeNull();
  });
});
