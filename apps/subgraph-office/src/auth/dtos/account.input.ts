import { Length, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { Connection, DepartmentEnum, PageArgs, RoleEnum } from '@dr/subgraph-kit';
import type { Department, Role } from '@dr/domain';
import { User } from '../user.entity';

@InputType({ description: '新增账号' })
export class CreateAccountInput {
  @Field({ description: '用户名（登录名）' })
  @Length(1, 50, { message: '请填写 3–50 位用户名' })
  username: string;

  @Field({ description: '姓名' })
  @Length(1, 50, { message: '请填写姓名（不超过 50 字）' })
  displayName: string;

  @Field(() => RoleEnum, { description: '角色：联席办创建部门管理员，部门管理员创建本部门执法检查人员' })
  role: Role;

  @Field(() => DepartmentEnum, { nullable: true, description: '所属部门' })
  department: Department | null;

  @Field(() => ID, { nullable: true, description: '对应的执法检查人员（执法检查人员账号必填）' })
  inspectorId: string | null;

  @Field({ description: '初始密码；首次登录时须修改' })
  @MaxLength(200, { message: '密码过长' })
  password: string;
}

@ArgsType()
export class AccountsArgs extends PageArgs {
  @Field(() => DepartmentEnum, { nullable: true, description: '按部门筛选（仅联席办）' })
  department?: Department | null;

  @Field(() => String, { nullable: true, description: '按用户名或姓名查找' })
  @MaxLength(50, { message: '查找内容不能超过 50 字' })
  text?: string | null;
}

@ObjectType({ description: '账号列表' })
export class AccountConnection extends Connection(User) {}
