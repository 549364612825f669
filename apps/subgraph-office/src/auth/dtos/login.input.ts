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
  @Field({ description: '登录令牌，放在 Authorization: Bearer 头中' })
  token: string;

  @Field()
  expiresAt: Date;

  @Field(() => User)
  user: User;
}
