import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { User } from './user.entity';
import { LoginInput, LoginPayload } from './dtos/login.input';
import type { AuthService } from './auth.service';
import type { OfficeContext } from '../loaders';
import type { DataSource } from 'typeorm';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
  ) {}

  @Mutation(() => LoginPayload, { description: '登录，返回令牌' })
  async login(@Arg('input') input: LoginInput, @Ctx() context: OfficeContext): Promise<LoginPayload> {
    return this.auth.login({ username: input.username, password: input.password, address: context.clientAddress }, context.logger);
  }

  @Query(() => User, { nullable: true, description: '当前登录用户；未登录时为 null' })
  async me(@Ctx() context: OfficeContext): Promise<User | null> {
    if (!context.principal) return null;
    return this.dataSource.getRepository(User).findOneBy({ id: context.principal.userId });
  }
}
