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

  /** The officer in the inspector directory this login belongs to (who signs, whose visits). */
  @Column({ name: 'inspector_id', type: 'varchar', length: 36, nullable: true })
  @Field(() => ID, { nullable: true, description: '对应的执法检查人员' })
  inspectorId: string | null;

  @Column({ name: 'password_hash', type: 'varchar', length: 200 })
  passwordHash: string;

  @Column({ name: 'created_at', type: 'datetime', default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;
}
