import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { DepartmentEnum, RoleEnum } from '@dr/subgraph-kit';
import type { Department, Role } from '@dr/domain';

/** A login of the platform. The office owns the users; every server trusts its signed tokens. */
@Entity('app_user')
@ObjectType({ description: '用户' })
export class User {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id: string;

  @Index('uq_app_user_username', { unique: true })
  @Column({ type: 'varchar', length: 50 })
  @Field()
  username: string;

  @Column({ name: 'display_name', type: 'varchar', length: 50 })
  @Field()
  displayName: string;

  @Column({ type: 'varchar', length: 20 })
  @Field(() => RoleEnum)
  role: Role;

  @Column({ type: 'varchar', length: 16, nullable: true })
  @Field(() => DepartmentEnum, { nullable: true })
  department: Department | null;

  /** The officer in the inspector directory this login belongs to (who signs, whose visits); one login per officer. */
  @Index('uq_app_user_inspector_id', { unique: true })
  @Column({ name: 'inspector_id', type: 'varchar', length: 36, nullable: true })
  @Field(() => ID, { nullable: true, description: '对应的执法检查人员' })
  inspectorId: string | null;

  @Column({ name: 'password_hash', type: 'varchar', length: 200 })
  passwordHash: string;

  /** Created or reset by someone else: the password must be changed before anything else works (R-ACC-4). */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  @Field({ description: '首次登录或重置后须修改密码' })
  mustChangePassword: boolean;

  /** Set while the account is disabled (停用): it cannot log in and has no live session. */
  @Column({ name: 'disabled_at', type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true, description: '停用时间；为空表示启用' })
  disabledAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', default: () => 'CURRENT_TIMESTAMP' })
  @Field({ description: '创建时间' })
  createdAt: Date;
}
