import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** An inspectable object in the object directory (检查对象名录库): here an internet cafe. */
@Entity('venue')
@ObjectType({ description: '检查对象（互联网上网服务营业场所）' })
@Directive('@key(fields: "id")')
export class Venue {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id: string;

  @Column({ type: 'varchar', length: 200 })
  @Field({ description: '名称' })
  name: string;

  @Index('uq_venue_uscc', { unique: true })
  @Column({ type: 'varchar', length: 18 })
  @Field({ description: '统一社会信用代码' })
  uscc: string;

  @Column({ name: 'license_number', type: 'varchar', length: 64, nullable: true })
  @Field(() => String, { nullable: true, description: '网络文化经营许可证编号' })
  licenseNumber: string | null;

  @Column({ type: 'varchar', length: 300 })
  @Field({ description: '经营场所地址' })
  address: string;

  @Index('idx_venue_street')
  @Column({ type: 'varchar', length: 50 })
  @Field({ description: '所属街道' })
  street: string;

  @Column({ name: 'legal_representative', type: 'varchar', length: 50, nullable: true })
  @Field(() => String, { nullable: true, description: '法定代表人（负责人）' })
  legalRepresentative: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  @Field(() => String, { nullable: true, description: '联系电话' })
  phone: string | null;

  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: '终端台数' })
  terminals: number | null;

  @Column({ name: 'created_at', type: 'datetime', default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date;
}
