import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { requirePrincipal } from '@dr/subgraph-kit';
import { User } from './user.entity';
import { LoginInput, LoginPayload } from './dtos/login.input';
import type { AuthService } from './auth.service';
import type { OfficeContext } from '../loaders';
import type { DataSource } from 'typeorm';
import type { SessionService } from './session.service';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
  ) {}

  @Mutation(() => LoginPayload, { description: '登录，返回访问令牌和刷新令牌' })
  async login(@Arg('input') input: LoginInput, @Ctx() context: OfficeContext): Promise<LoginPayload> {
    return this.auth.login({ username: input.username, password: input.password, address: context.clientAddress }, context.logger);
  }

  @Mutation(() => LoginPayload, { description: '用刷新令牌换取新的访问令牌（刷新令牌同时换新）' })
  async refreshSession(@Arg('refreshToken') refreshToken: string): Promise<LoginPayload> {
    return this.auth.refresh(refreshToken);
  }

  @Mutation(() => Boolean, { description: '退出登录：结束本次登录，各服务在数秒内不再接受其令牌' })
  async logout(@Ctx() context: OfficeContext): Promise<boolean> {
    const principal = requirePrincipal(context);
    if (principal.sessionId) await this.sessions.end([principal.sessionId], 'LOGOUT');
    return true;
  }

  @Query(() => User, { nullable: true, description: '当前登录用户；未登录时为 null' })
  async me(@Ctx() context: OfficeContext): Promise<User | null> {
    if (!context.principal) return null;
    return this.dataSource.getRepository(User).findOneBy({ id: context.principal.userId });
  }
}

