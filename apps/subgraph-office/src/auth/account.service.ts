import { randomUUID } from 'node:crypto';
import type { DataSource, FindOptionsWhere } from 'typeorm';
import {
  accountScope, DEPARTMENT_NAMES, mayCreateAccount, mayManageAccount, PASSWORD_PROBLEM_MESSAGES, passwordProblem, ROLE_NAMES,
  type Department, type Principal, type Role,
} from '@dr/domain';
import { AppError, badInput, conflict, containsText, forbidden, hashPassword, isDuplicateKey, notFound, toPage, type Page } from '@dr/subgraph-kit';
import { LOGIN_THROTTLE_POLICY, type ThrottlePolicy } from './login-throttle.policy';
import type { LoginThrottleStore } from './login-throttle.store';
import { checkThrottledPassword } from './throttled-password';
import { Inspector } from '../inspector/inspector.entity';
import { User } from './user.entity';
import type { SessionService } from './session.service';

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  department: Department | null;
  inspectorId: string | null;
  password: string;
}

/** Login names: lower-case letters, digits, `.`, `_`, `-`, 3 to 50 characters, starting with a letter or digit. */
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,49}$/;

function checkPassword(field: string, password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw badInput(field, PASSWORD_PROBLEM_MESSAGES[problem]);
}

/** Only the office and department admins manage accounts: anyone else is refused before any input is read. */
function requireAccountAdmin(actor: Principal, message: string): void {
  if (actor.role !== 'OFFICE_ADMIN' && actor.role !== 'DEPARTMENT_ADMIN') throw forbidden(message);
}

/**
 * Accounts (账号管理, R-ACC-2 … R-ACC-5): the office creates department admins, a department admin its
 * own officers (each linked to its own officer in the directory, one login each). An account someone
 * else created or reset must change its password first. Disabling an account, resetting its password
 * or changing one's own ends every session of the account, on every server within seconds.
 */
export class AccountService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleStore,
    private readonly policy: ThrottlePolicy = LOGIN_THROTTLE_POLICY,
  ) {}

  async create(actor: Principal, input: NewAccount): Promise<User> {
    requireAccountAdmin(actor, '您没有创建账号的权限');
    const username = input.username.trim().toLowerCase();
    if (!USERNAME.test(username)) throw badInput('username', '用户名应为 3–50 位小写字母、数字或 . _ -，以字母或数字开头');
    const displayName = input.displayName.trim();
    if (!displayName) throw badInput('displayName', '请填写姓名');
    if (input.role !== 'OFFICE_ADMIN' && !input.department) throw badInput('department', '请选择所属部门');
    if (!mayCreateAccount(actor, input)) {
      throw forbidden(actor.role === 'OFFICE_ADMIN' ? '联席办只能创建部门管理员账号' : actor.role === 'DEPARTMENT_ADMIN' ? '部门管理员只能为本部门执法检查人员创建账号' : '您没有创建账号的权限');
    }
    checkPassword('password', input.password, username);
    let inspectorId: string | null = null;
    if (input.role === 'INSPECTOR') {
      if (!input.inspectorId) throw badInput('inspectorId', '请选择对应的执法检查人员');
      const inspector = await this.dataSource.getRepository(Inspector).findOneBy({ id: input.inspectorId });
      if (!inspector || inspector.department !== input.department) throw badInput('inspectorId', `请选择${DEPARTMENT_NAMES[input.department!].full}名录中的执法检查人员`);
      inspectorId = inspector.id;
    }
    const user = {
      id: randomUUID(),
      username,
      displayName,
      role: input.role,
      department: input.department,
      inspectorId,
      passwordHash: await hashPassword(input.password),
      mustChangePassword: true,
      disabledAt: null,
    };
    try {
      await this.dataSource.getRepository(User).insert(user);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const taken = await this.dataSource.getRepository(User).existsBy({ username });
      throw taken ? conflict(`用户名“${username}”已被使用`, { field: 'username' }) : conflict('该执法检查人员已有登录账号', { field: 'inspectorId' });
    }
    return this.dataSource.getRepository(User).findOneByOrFail({ id: user.id });
  }

  /** Accounts the actor may see: all for the office, its own department's for a department admin. */
  async list(actor: Principal, filter: { department?: Department | null; text?: string | null }, offset: number, first: number): Promise<Page<User>> {
    const scope = accountScope(actor);
    if (!scope) throw forbidden('只有联席办和部门管理员可以查看账号');
    const department = scope === 'ALL' ? filter.department : scope.department;
    const base: FindOptionsWhere<User> = department ? { department } : {};
    const text = filter.text?.trim();
    const where = text ? [{ ...base, username: containsText(text) }, { ...base, displayName: containsText(text) }] : base;
    const [nodes, total] = await this.dataSource.getRepository(User).findAndCount({ where, order: { department: 'ASC', role: 'ASC', username: 'ASC' }, skip: offset, take: first });
    return toPage(nodes, total, offset);
  }

  private async manageable(actor: Principal, id: string): Promise<User> {
    // Who may manage accounts at all is decided before the lookup, so nobody else learns which ids exist.
    requireAccountAdmin(actor, '您没有管理账号的权限');
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw notFound('账号', id);
    if (!mayManageAccount(actor, user)) {
      throw forbidden(actor.userId === id ? '不能对自己的账号执行此操作' : `您不能管理该账号（${ROLE_NAMES[user.role]}）`);
    }
    return user;
  }

  /** Disables (停用) or enables (启用) an account; disabling ends all its sessions in the same transaction. */
  async setEnabled(actor: Principal, id: string, enabled: boolean): Promise<User> {
    await this.manageable(actor, id);
    const ended = await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(User).update({ id }, { disabledAt: enabled ? null : new Date() });
      return enabled ? [] : this.sessions.endAllOf(id, 'DISABLED', manager);
    });
    await this.sessions.announce(ended);
    return this.dataSource.getRepository(User).findOneByOrFail({ id });
  }

  /** Sets a new password chosen by the admin; the user must change it at the next login. */
  async resetPassword(actor: Principal, id: string, password: string): Promise<User> {
    const user = await this.manageable(actor, id);
    checkPassword('password', password, user.username);
    const passwordHash = await hashPassword(password);
    const ended = await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(User).update({ id }, { passwordHash, mustChangePassword: true });
      return this.sessions.endAllOf(id, 'PASSWORD', manager);
    });
    await this.sessions.announce(ended);
    return this.dataSource.getRepository(User).findOneByOrFail({ id });
  }

  /** Ends every session of an account (强制下线) and returns how many there were. */
  async revokeSessions(actor: Principal, id: string): Promise<number> {
    await this.manageable(actor, id);
    const ended = await this.dataSource.transaction((manager) => this.sessions.endAllOf(id, 'REVOKED', manager));
    await this.sessions.announce(ended);
    return ended.length;
  }

  /**
   * A user changes their own password (R-ACC-4, R-ACC-5): the current one proves it is them, the new
   * one follows the policy and differs from it. Every session of the account ends, this one too: the
   * user logs in again with the new password.
   */
  async changeOwnPassword(actor: Principal, currentPassword: string, newPassword: string, address: string): Promise<void> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: actor.userId });
    if (!user || user.disabledAt) throw new AppError('UNAUTHENTICATED', '账号已停用，请联系本单位管理员');
    // The current password is guessed against the login throttle: a stolen session cannot try passwords here.
    const current = { throttle: this.throttle, policy: this.policy, username: user.username, address, field: 'currentPassword' };
    if (!(await checkThrottledPassword(current, currentPassword, user.passwordHash))) throw badInput('currentPassword', '当前密码不正确');
    checkPassword('newPassword', newPassword, user.username);
    if (newPassword === currentPassword) throw badInput('newPassword', '新密码不能与当前密码相同');
    const passwordHash = await hashPassword(newPassword);
    const ended = await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(User).update({ id: user.id }, { passwordHash, mustChangePassword: false });
      return this.sessions.endAllOf(user.id, 'PASSWORD', manager);
    });
    await this.sessions.announce(ended);
  }
}
