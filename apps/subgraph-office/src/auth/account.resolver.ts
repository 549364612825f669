import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { decodeCursor, requirePrincipal } from '@dr/subgraph-kit';
import type { DataSource } from 'typeorm';
import { User } from './user.entity';
import { AccountConnection, AccountsArgs, CreateAccountInput } from './dtos/account.input';
import type { AccountService } from './account.service';
import type { OfficeContext } from '../loaders';

/** 账号管理: the screens of the office and the department admins, and everyone's own password. */
@Resolver()
export class AccountResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly service: AccountService,
  ) {}

  @Query(() => AccountConnection, { description: '账号列表：联席办看全部，部门管理员看本部门' })
  async accounts(@Args() args: AccountsArgs, @Ctx() context: OfficeContext): Promise<AccountConnection> {
    const offset = decodeCursor(args.after);
    return this.service.list(requirePrincipal(context), { department: args.department, text: args.text }, offset, args.first);
  }

  @Mutation(() => User, { description: '新增账号（首次登录须修改密码）' })
  createAccount(@Arg('input') input: CreateAccountInput, @Ctx() context: OfficeContext): Promise<User> {
    return this.service.create(requirePrincipal(context), input);
  }

  @Mutation(() => User, { description: '停用或启用账号；停用后该账号的所有登录立即失效' })
  setAccountEnabled(@Arg('id', () => ID) id: string, @Arg('enabled') enabled: boolean, @Ctx() context: OfficeContext): Promise<User> {
    return this.service.setEnabled(requirePrincipal(context), id, enabled);
  }

  @Mutation(() => User, { description: '重置密码：设置新的初始密码，该账号的所有登录失效，下次登录须修改密码' })
  resetAccountPassword(@Arg('id', () => ID) id: string, @Arg('password') password: string, @Ctx() context: OfficeContext): Promise<User> {
    return this.service.resetPassword(requirePrincipal(context), id, password);
  }

  @Mutation(() => Int, { description: '强制下线：结束该账号的所有登录，返回结束的登录数' })
  revokeAccountSessions(@Arg('id', () => ID) id: string, @Ctx() context: OfficeContext): Promise<number> {
    return this.service.revokeSessions(requirePrincipal(context), id);
  }

  @Mutation(() => Boolean, { description: '修改自己的密码；修改后所有登录（含本次）结束，须用新密码重新登录' })
  async changePassword(@Arg('currentPassword') currentPassword: string, @Arg('newPassword') newPassword: string, @Ctx() context: OfficeContext): Promise<boolean> {
    await this.service.changeOwnPassword(requirePrincipal(context), currentPassword, newPassword, context.clientAddress);
    return true;
  }
}
