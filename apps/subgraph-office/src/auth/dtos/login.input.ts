import { Length } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';
import { User } from '../user.entity';

@InputType()
export class LoginInput {
  @Field()
  @Length(1, 50, { message: '请输入用户名' })
  username: string;

  @Field()
  @Length(1, 200, { message: '请输入密码' })
  password: string;
}

@ObjectType()
export class LoginPayload {
  @Field({ description: '访问令牌（有效期约 10 分钟），放在 Authorization: Bearer 头中' })
  token: string;

  @Field({ description: '访问令牌的到期时间' })
  expiresAt: Date;

  @Field({ description: '刷新令牌：访问令牌过期前用 refreshSession 换取新令牌；每用一次即换新，旧的再用会结束本次登录' })
  refreshToken: string;

  @Field({ description: '本次登录最迟结束的时间' })
  refreshExpiresAt: Date;

  @Field(() => User)
  user: User;
}
